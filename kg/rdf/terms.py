"""The kg vocabulary's namespaces and tables as plain strings, for the stages that only write text.

``kg.rdf.vocab`` declares the same vocabulary as closed rdflib namespaces
(a typo is an error) for the tools and tests that work on rdflib graphs; a
build writes Turtle as text and never loads rdflib (about 0.07 s of CPU of
every build's start-up), so what it needs of the vocabulary is here.
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import OntologyNotFoundError

ONTOLOGY_IRI = "https://w3id.org/jiceng-kg/ontology#"
DATA_IRI = "https://w3id.org/jiceng-kg/id/"

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
