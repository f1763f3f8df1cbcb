"""Reads entities and relations out of the rdflib graph as plain records.

After the graph stage the rdflib graph is the single record; the analysis and
the views both start from these records so that they agree on what an entity
is: a node typed with a class whose ``rdfs:subClassOf`` chain reaches one of
the top classes.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, URIRef

from kg.model import RELATIONS, TOP_CLASSES, ResolvedCorpus
from kg.rdf.vocab import KG, KIND_CLASSES, ontology_dir

SUBCLASS_OF, LABEL = str(RDFS.subClassOf), str(RDFS.label)
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


def zh_label(graph: Graph, node: URIRef) -> str | None:
    """The node's Chinese label; any label when it has none in Chinese."""
    labels = sorted(graph.objects(node, RDFS.label), key=lambda lit: (getattr(lit, "language", None) != "zh", str(lit)))
    return str(labels[0]) if labels else None


@cache
def ontology_facts() -> tuple[tuple[tuple[URIRef, URIRef], ...], tuple[tuple[URIRef, str], ...]]:
    """The ontology's subclass links and Chinese class labels, read once.

    Read with Oxigraph's parser: a build needs them for the views' class names, and would otherwise load
    rdflib's Turtle parser for this one small file (17 ms of CPU after the build's imports; Oxigraph's: 1 ms).
    """
    links, labels = [], []
    for triple in ox.parse(path=str(ontology_dir() / "kg.ttl"), format=ox.RdfFormat.TURTLE):
        predicate, obj = triple.predicate.value, triple.object
        if predicate == SUBCLASS_OF and not isinstance(obj, ox.Literal):
            links.append((_term(triple.subject), _term(obj)))
        elif predicate == LABEL and isinstance(obj, ox.Literal) and obj.language == "zh":
            labels.append((_term(triple.subject), obj.value))
    return tuple(links), tuple(labels)


def _term(node) -> URIRef | BNode:
    return BNode(node.value) if isinstance(node, ox.BlankNode) else URIRef(node.value)


def class_label(graph: Graph, cls: URIRef) -> str | None:
    """A class's Chinese name, from the graph or else from the ontology."""
    return zh_label(graph, cls) or dict(ontology_facts()[1]).get(cls)


def class_hierarchy(graph: Graph) -> Graph:
    """The subclass links the graph states, plus the ontology's (the graph stage leaves them to export)."""
    hierarchy = Graph()
    for link in (*graph.subject_objects(RDFS.subClassOf), *ontology_facts()[0]):
        hierarchy.add((link[0], RDFS.subClassOf, link[1]))
    return hierarchy


def class_closures(hierarchy: Graph) -> dict[URIRef, str]:
    """Every class whose subclass chain reaches a top class, mapped to that top class's name."""
    closure: dict[URIRef, str] = {}
    for top in TOP_CLASSES:
        for cls in hierarchy.transitive_subjects(RDFS.subClassOf, KG[top]):
            closure.setdefault(cls, top)
    return closure


def _depth(graph: Graph, cls: URIRef) -> int:
    return sum(1 for _ in graph.transitive_objects(cls, RDFS.subClassOf))


def _fine_class(graph: Graph, types: list[URIRef]) -> URIRef:
    # The most specific type: the one with the longest superclass chain.
    return sorted(types, key=lambda cls: (-_depth(graph, cls), str(cls)))[0]


def read_entities(graph: Graph) -> tuple[EntityRecord, ...]:
    """Every entity node, sorted by IRI."""
    hierarchy = class_hierarchy(graph)
    closure = class_closures(hierarchy)
    types_of: dict[URIRef, list[URIRef]] = {}
    for node, cls in graph.subject_objects(RDF.type):
        if cls in closure and isinstance(node, URIRef):
            types_of.setdefault(node, []).append(cls)
    records = []
    for node, types in types_of.items():
        fine = _fine_class(hierarchy, types)
        fine_name = local_name(str(fine))
        records.append(
            EntityRecord(
                iri=str(node),
                label=zh_label(graph, node) or local_name(str(node)),
                top_class=closure[fine],
                fine_class=fine_name,
                level=LEVEL_OF_CLASS.get(fine_name),
            )
        )
    return tuple(sorted(records, key=lambda r: r.iri))


def records_of(corpus: ResolvedCorpus) -> tuple[tuple[EntityRecord, ...], tuple[RelationRecord, ...]]:
    """The build's resolved tables as analysis records, sorted as ``read_entities`` / ``read_relations`` sort them."""
    entities = tuple(
        EntityRecord(e.iri, e.label, e.cls, e.fine_class, LEVEL_OF_CLASS.get(e.fine_class)) for e in corpus.entities
    )
    relations = tuple(
        RelationRecord(r.subject, r.predicate, r.object) for r in corpus.relations if r.subject != r.object
    )
    return entities, relations


def read_relations(graph: Graph, entity_iris: set[str]) -> tuple[RelationRecord, ...]:
    """Every relation triple whose two ends are entities, sorted."""
    relations = set()
    for name in RELATIONS:
        for subject, obj in graph.subject_objects(KG[name]):
            if str(subject) in entity_iris and str(obj) in entity_iris and subject != obj:
                relations.add(RelationRecord(str(subject), name, str(obj)))
    return tuple(sorted(relations, key=lambda r: (r.subject, r.predicate, r.object)))
