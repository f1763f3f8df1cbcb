"""Every IRI of the data is minted here, as a plain string.

An IRI is ``https://w3id.org/jiceng-kg/id/<kind>/<local name>``; the kind
names what the node is (``unit``, ``party-org``, ``article``, ``sentence``,
``mention``, ``statement``, …). Local names:

- a coded administrative unit: its 12-digit division code (``unit/330106000000``),
  so anyone holding a code can write the IRI;
- any other entity: the first 16 hex digits of SHA-256 over its identity key
  (``kg.resolve``), which is computed from one article and the gazetteer, never
  from the rest of the corpus: adding articles never renames an entity;
- an article: its id (a hash of its content); a sentence and a mention: the
  article id and offsets in the article's original text;
- a relation statement, a membership, a role: a hash of what they join.

Hex digits and offsets are valid local names in every RDF toolkit and need
no percent-encoding; keys are Chinese and may contain anything, which is why
they are hashed. Nothing here depends on file paths or corpus order.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

from kg.rdf.terms import DATA_IRI

# The path segment of each top class's entities.
CLASS_SEGMENTS: dict[str, str] = {
    "AdministrativeUnit": "unit",
    "PartyOrganization": "party-org",
    "Program": "program",
    "Facility": "facility",
    "Partner": "partner",
    "Person": "person",
}
ARTICLE = "article"
SENTENCE = "sentence"
MENTION = "mention"
STATEMENT = "statement"
MEMBERSHIP = "membership"
ROLE = "role"
DATASET = "dataset"
ACTIVITY = "activity"
AGENT = "agent"
SOURCE = "source"

# Every data namespace, for prefixes in the Turtle output and in query results.
DATA_PREFIXES: dict[str, str] = {
    segment: f"{DATA_IRI}{segment}/"
    for segment in (
        *CLASS_SEGMENTS.values(),
        ARTICLE,
        SENTENCE,
        MENTION,
        STATEMENT,
        MEMBERSHIP,
        ROLE,
        DATASET,
        ACTIVITY,
        AGENT,
        SOURCE,
    )
}
UNIT_PREFIX = DATA_PREFIXES["unit"]
CODED_UNIT_KEY = "unit/"  # the identity key of a coded unit is "unit/" + its 12-digit code

_SEPARATOR = "\x1f"  # cannot occur in a key or a name, so joined parts never collide


def digest(*parts: object) -> str:
    joined = _SEPARATOR.join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def _mint(segment: str, local: str) -> str:
    return f"{DATA_IRI}{segment}/{local}"


def unit_key(code: str) -> str:
    """The identity key of the unit with this 12-digit division code."""
    return CODED_UNIT_KEY + code


def entity_iri(cls: str, key: str) -> str:
    """The IRI of the entity of top class ``cls`` with identity ``key``."""
    if cls == "AdministrativeUnit" and is_coded_unit_key(key):
        return UNIT_PREFIX + key[len(CODED_UNIT_KEY):]
    return _mint(CLASS_SEGMENTS.get(cls, "entity"), digest(key))


def is_coded_unit_key(key: str) -> bool:
    code = key[len(CODED_UNIT_KEY):]
    return key.startswith(CODED_UNIT_KEY) and len(code) == 12 and code.isdigit()


def article_iri(article_id: str) -> str:
    """Article ids are already content hashes (hex), so they are used as they are."""
    if not article_id.isalnum() or not article_id.isascii():
        return _mint(ARTICLE, digest(article_id))
    return _mint(ARTICLE, article_id)


@lru_cache(maxsize=2)  # asked once per sentence and mention of the article being written
def article_local(article_id: str) -> str:
    return article_iri(article_id).rsplit("/", 1)[1]


def sentence_local(article_id: str, start: int) -> str:
    """A sentence's local name: its article and where it starts in the article's original text."""
    return f"{article_local(article_id)}-{start}"


def sentence_iri(article_id: str, start: int) -> str:
    return _mint(SENTENCE, sentence_local(article_id, start))


def mention_local(article_id: str, start: int, end: int, nth: int = 0) -> str:
    """A mention's local name: its article and span; ``nth`` tells apart two entities named by one span."""
    suffix = f"-{nth}" if nth else ""
    return f"{article_local(article_id)}-{start}-{end}{suffix}"


def mention_iri(article_id: str, start: int, end: int, nth: int = 0) -> str:
    return _mint(MENTION, mention_local(article_id, start, end, nth))


def statement_iri(subject: str, predicate: str, obj: str) -> str:
    """The one evidence node of a relation triple."""
    return _mint(STATEMENT, digest(subject, predicate, obj))


def membership_iri(person: str, body: str, role: str) -> str:
    return _mint(MEMBERSHIP, digest(person, body, role))


def role_iri(role: str) -> str:
    return _mint(ROLE, digest(role))


def dataset_iri(part: str | None = None) -> str:
    """The dataset graph.ttl describes; ``part`` names one of its class partitions."""
    return _mint(DATASET, part) if part else f"{DATA_IRI}{DATASET}"


def activity_iri(name: str) -> str:
    return _mint(ACTIVITY, name)


def agent_iri(name: str) -> str:
    return _mint(AGENT, name)


def source_iri(name: str) -> str:
    return _mint(SOURCE, name)
