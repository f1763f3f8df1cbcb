"""The plain records the analysis and the views start from, so that they agree on what an entity is.

A build makes them from its resolved tables (``records_of``); the tools and
tests read them out of an rdflib graph (``kg.analyse.graphs.read_entities``:
a node typed with a class whose ``rdfs:subClassOf`` chain reaches one of the
top classes). Nothing here loads rdflib.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from kg.model import ResolvedCorpus
from kg.rdf.terms import KIND_CLASSES, ontology_dir

SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
# Level of an administrative unit, by the local name of its fine class.
LEVEL_OF_CLASS = {
    cls: kind for (top, kind), cls in KIND_CLASSES.items() if top == "AdministrativeUnit"
}


@dataclass(frozen=True, slots=True)  # slots: a 100,000-article build has about a million
class EntityRecord:
    """One entity node: its IRI, canonical label and classes."""

    iri: str
    label: str
    top_class: str  # local name of the top class, one of TOP_CLASSES
    fine_class: str  # local name of its most specific class (may equal top_class)
    level: str | None = None  # for administrative units: one of model.LEVELS, when known


@dataclass(frozen=True, slots=True)
class RelationRecord:
    """One relation triple between two entities."""

    subject: str
    predicate: str  # local name, one of RELATIONS
    object: str


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@cache
def ontology_labels() -> dict[str, str]:
    """The Chinese label of each class of the ontology, by IRI, read once with Oxigraph's parser.

    The views' class names: a build would otherwise load rdflib and its Turtle parser for this one small file.
    """
    return {triple.subject.value: triple.object.value
            for triple in ox.parse(path=str(ontology_dir() / "kg.ttl"), format=ox.RdfFormat.TURTLE)
            if triple.predicate.value == LABEL and isinstance(triple.object, ox.Literal) and triple.object.language == "zh"}


def records_of(corpus: ResolvedCorpus) -> tuple[tuple[EntityRecord, ...], tuple[RelationRecord, ...]]:
    """The build's resolved tables as analysis records, sorted as ``read_entities`` / ``read_relations`` sort them."""
    entities = tuple(
        EntityRecord(e.iri, e.label, e.cls, e.fine_class, LEVEL_OF_CLASS.get(e.fine_class)) for e in corpus.entities
    )
    relations = tuple(
        RelationRecord(r.subject, r.predicate, r.object) for r in corpus.relations if r.subject != r.object
    )
    return entities, relations
