"""The kg vocabulary as closed rdflib namespaces, mirroring ``ontology/``.

A typo such as ``KG.partof`` raises instead of minting a new IRI. Tests check
that every term here is declared in ``ontology/kg.ttl`` and the reverse.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.rdf.terms import (  # noqa: F401 - the plain strings, re-exported with the namespaces
    ATTRIBUTE_UNITS,
    DATA_IRI,
    KIND_CLASSES,
    ONTOLOGY_IRI,
    STANDARD_PREFIXES,
    ontology_dir,
)

DATA = Namespace(DATA_IRI)


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
