"""Every IRI of the data is minted here.

An IRI is ``https://w3id.org/jiceng-kg/id/<kind>/<hash>``: the kind names
what the node is (``unit``, ``party-org``, ``article``, ``mention``, …) and
the hash is the first 16 hex digits of SHA-256 over the node's identity.

Why a hash rather than the name: entity keys are Chinese, may contain any
character, and two homonyms (two 西湖社区 in two cities) differ only in
their keys. Hex digits are valid in every RDF toolkit (rdflib, Oxigraph,
Jena) and in a Turtle prefixed name, need no percent-encoding, and keep
homonyms apart because their keys differ. Identities never include file
paths or corpus positions, so IRIs are stable across runs, folders and
input order. 64 bits of hash make a collision unlikely below billions of
nodes.
"""
from __future__ import annotations

import hashlib

from rdflib import URIRef

from kg.model import Entity, Evidence, Relation
from kg.rdf.vocab import DATA_IRI

# The path segment of each top class's entities.
CLASS_SEGMENTS: dict[str, str] = {
    "AdministrativeUnit": "unit",
    "PartyOrganization": "party-org",
    "Program": "program",
    "Facility": "facility",
    "Partner": "partner",
    "Person": "person",
}
ARTICLE_SEGMENT = "article"
MENTION_SEGMENT = "mention"
RELATION_MENTION_SEGMENT = "statement"
POST_SEGMENT = "post"

# Every data namespace, for prefixes in the Turtle output and in query results.
DATA_PREFIXES: dict[str, str] = {
    segment: f"{DATA_IRI}{segment}/"
    for segment in (
        *CLASS_SEGMENTS.values(),
        ARTICLE_SEGMENT,
        MENTION_SEGMENT,
        RELATION_MENTION_SEGMENT,
        POST_SEGMENT,
    )
}

_SEPARATOR = "\x1f"  # cannot occur in a key or a name, so joined parts never collide


def _digest(*parts: object) -> str:
    joined = _SEPARATOR.join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def _mint(segment: str, local: str) -> URIRef:
    return URIRef(f"{DATA_IRI}{segment}/{local}")


def entity_iri(entity: Entity) -> URIRef:
    return entity_key_iri(entity.cls, entity.key)


def entity_key_iri(cls: str, key: str) -> URIRef:
    """The IRI of the entity of class ``cls`` with identity ``key``."""
    segment = CLASS_SEGMENTS.get(cls, "entity")
    return _mint(segment, _digest(key))


def article_iri(article_id: str) -> URIRef:
    """Article ids are already content hashes (hex), so they are used as they are."""
    if not article_id.isalnum() or not article_id.isascii():
        return _mint(ARTICLE_SEGMENT, _digest(article_id))
    return _mint(ARTICLE_SEGMENT, article_id)


def mention_iri(entity_key: str, evidence: Evidence) -> URIRef:
    return _mint(MENTION_SEGMENT, _digest(entity_key, *_evidence_identity(evidence)))


def relation_mention_iri(relation: Relation, evidence: Evidence) -> URIRef:
    identity = (relation.subject, relation.predicate, relation.object)
    return _mint(RELATION_MENTION_SEGMENT, _digest(*identity, *_evidence_identity(evidence)))


def post_iri(person_key: str, role: str) -> URIRef:
    return _mint(POST_SEGMENT, _digest(person_key, role))


def _evidence_identity(evidence: Evidence) -> tuple[object, ...]:
    # A passage is identified by where it is, never by which file it came from.
    return (
        evidence.article_id,
        evidence.sentence_start,
        evidence.sentence_end,
        evidence.start,
        evidence.end,
    )
