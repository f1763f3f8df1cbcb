"""The kg vocabulary as closed rdflib namespaces, mirroring ``ontology/``.

A typo such as ``KG.partof`` raises instead of minting a new IRI. Tests check
that every term here is declared in ``ontology/kg.ttl`` and the reverse.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.errors import OntologyNotFoundError

ONTOLOGY_IRI = "https://w3id.org/jiceng-kg/ontology#"
DATA_IRI = "https://w3id.org/jiceng-kg/id/"

DATA = Namespace(DATA_IRI)

# The standard vocabularies the ontology aligns with, under their usual
# prefixes: Turtle output and query results use these names.
STANDARD_PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}


class KG(DefinedNamespace):
    """Classes and properties of the kg ontology."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # Top classes (names fixed by the contract)
    AdministrativeUnit: URIRef
    PartyOrganization: URIRef
    Program: URIRef
    Facility: URIRef
    Partner: URIRef
    Person: URIRef
    Article: URIRef

    # Administrative levels
    Province: URIRef
    City: URIRef
    District: URIRef
    Subdistrict: URIRef
    Community: URIRef
    Compound: URIRef

    # Kinds of party organisation
    PartyCommittee: URIRef  # 党委
    PartyWorkingCommittee: URIRef  # 党工委
    GeneralPartyBranch: URIRef  # 党总支
    PartyBranch: URIRef  # 党支部
    PartyGroup: URIRef  # 党小组
    YouthLeagueCommittee: URIRef  # 团委 / 共青团…委
    OrganizationDepartment: URIRef  # 组织部

    # Kinds of program
    Project: URIRef
    WorkMethod: URIRef
    Brand: URIRef
    Event: URIRef
    Platform: URIRef
    Course: URIRef
    Campaign: URIRef

    # Kinds of partner
    University: URIRef
    School: URIRef
    Company: URIRef
    SocialOrganization: URIRef
    VolunteerTeam: URIRef
    Association: URIRef
    MediaOutlet: URIRef
    GovernmentBody: URIRef

    # Relation properties (names fixed by the contract)
    partOf: URIRef
    partyOrgOf: URIRef
    subOrganizationOf: URIRef
    runsProgram: URIRef
    hasFacility: URIRef
    partnersWith: URIRef
    leads: URIRef

    # Provenance. Each mention of an entity in an article is a kg:Mention node:
    #   ?m a kg:Mention ; kg:mentionOf ?entity ; kg:inArticle ?article ;
    #      kg:sentence "…" ; kg:sentenceStart n ; kg:sentenceEnd n ; kg:start n ; kg:end n .
    # Offsets index the article's original decoded text. Every entity also has
    # kg:mentionedIn ?article for each article that mentions it.
    Mention: URIRef
    mentionOf: URIRef
    inArticle: URIRef
    mentionedIn: URIRef
    sentence: URIRef
    sentenceStart: URIRef
    sentenceEnd: URIRef
    start: URIRef
    end: URIRef

    # Provenance of relations: one kg:RelationMention per piece of evidence,
    # reifying the direct triple (rdf:subject/rdf:predicate/rdf:object) and
    # carrying the same article/sentence/offset properties as a kg:Mention.
    # Both are kg:Evidence: a passage of an article where something is stated.
    Evidence: URIRef
    RelationMention: URIRef
    extractionRule: URIRef

    # Articles. The file path is deliberately absent: graph.ttl must not
    # depend on where the inputs were or what they were called.
    title: URIRef
    published: URIRef
    sourceName: URIRef
    url: URIRef
    contentHash: URIRef
    author: URIRef
    characters: URIRef

    # Entity descriptions
    level: URIRef
    kind: URIRef
    role: URIRef
    implicit: URIRef
    area: URIRef
    capacity: URIRef
    count: URIRef
    attribute: URIRef
    DivisionCode: URIRef  # datatype of skos:notation for administrative division codes

    # Network analysis written back into the graph (kg analyse stage).
    degree: URIRef
    betweenness: URIRef
    pageRank: URIRef
    community: URIRef


# The finer class for each (top class, kind) the extractors produce.
KIND_CLASSES: dict[tuple[str, str], str] = {
    ("AdministrativeUnit", "province"): "Province",
    ("AdministrativeUnit", "city"): "City",
    ("AdministrativeUnit", "district"): "District",
    ("AdministrativeUnit", "subdistrict"): "Subdistrict",
    ("AdministrativeUnit", "community"): "Community",
    ("AdministrativeUnit", "compound"): "Compound",
    ("PartyOrganization", "党委"): "PartyCommittee",
    ("PartyOrganization", "党工委"): "PartyWorkingCommittee",
    ("PartyOrganization", "党总支"): "GeneralPartyBranch",
    ("PartyOrganization", "党支部"): "PartyBranch",
    ("PartyOrganization", "党小组"): "PartyGroup",
    ("PartyOrganization", "团委"): "YouthLeagueCommittee",
    ("PartyOrganization", "组织部"): "OrganizationDepartment",
    ("Program", "project"): "Project",
    ("Program", "method"): "WorkMethod",
    ("Program", "brand"): "Brand",
    ("Program", "event"): "Event",
    ("Program", "platform"): "Platform",
    ("Program", "course"): "Course",
    ("Program", "campaign"): "Campaign",
    ("Partner", "university"): "University",
    ("Partner", "school"): "School",
    ("Partner", "company"): "Company",
    ("Partner", "social organisation"): "SocialOrganization",
    ("Partner", "volunteer team"): "VolunteerTeam",
    ("Partner", "association"): "Association",
    ("Partner", "media"): "MediaOutlet",
    ("Partner", "government body"): "GovernmentBody",
}


# Entity attributes (name as the extractors give it) → (KG property, unit
# multipliers of the stated value). Values are written as typed numbers in
# the property's unit; an attribute not listed here, or a value that has no
# number, is kept as a plain ``kg:attribute "name: value"``.
ATTRIBUTE_UNITS: dict[str, tuple[str, dict[str, float]]] = {
    "area": ("area", {"㎡": 1, "m²": 1, "m2": 1, "平方米": 1, "平米": 1, "亩": 666.67, "公顷": 10000, "": 1}),
    "capacity": ("capacity", {"": 1}),
    "count": ("count", {"": 1}),
}


def ontology_dir() -> Path:
    """The ontology files shipped inside the package (``ontology/`` at the top is their published copy)."""
    folder = Path(__file__).resolve().parent / "ontology"
    if not (folder / "kg.ttl").is_file():
        raise OntologyNotFoundError(f"no ontology at {folder}: reinstall kg (pip install .)")
    return folder
