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
    "void": "http://rdfs.org/ns/void#",
    "wdt": "http://www.wikidata.org/prop/direct/",
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

    # Provenance. A sentence that states something is one kg:Sentence node
    # (its text once, its article, its span in the original text); each name
    # of an entity in it is a kg:Mention; each relation has one
    # kg:RelationStatement reifying it, derived from its sentences or from the
    # gazetteer. Every entity also has kg:mentionedIn each article naming it.
    Sentence: URIRef
    text: URIRef
    inArticle: URIRef
    start: URIRef
    end: URIRef
    Mention: URIRef
    mentionOf: URIRef
    inSentence: URIRef
    surface: URIRef
    beginIndex: URIRef
    mentionedIn: URIRef
    RelationStatement: URIRef
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
    divisionCode: URIRef
    DivisionCode: URIRef  # its datatype: 12 digits
    role: URIRef
    implicit: URIRef
    area: URIRef
    capacity: URIRef
    count: URIRef
    attribute: URIRef

    # Network measures (kg:networkMeasure and its sub-properties) and the
    # analysis activity that computed them.
    networkMeasure: URIRef
    degree: URIRef
    betweenness: URIRef
    pageRank: URIRef
    networkCommunity: URIRef
    computes: URIRef
    betweennessSample: URIRef
    randomSeed: URIRef


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
