"""The analysis of a networkx or rdflib graph, and its figures written back into an rdflib graph.

A build analyses its resolved tables (``kg.analyse.network.analyse_records``)
and needs neither library; these adapters serve the tools, the benchmarks and
the tests, which hold their graphs in networkx or rdflib. Kept apart so that a
build does not load networkx (about 0.1 s of every ``kg build``'s start-up).
"""
from __future__ import annotations

from functools import cache

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.analyse.network import Analysis, analyse_records
from kg.analyse.records import LABEL, LEVEL_OF_CLASS, SUBCLASS_OF, EntityRecord, RelationRecord, local_name
from kg.model import RELATIONS, TOP_CLASSES
from kg.rdf.vocab import KG, ontology_dir


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


def read_relations(graph: Graph, entity_iris: set[str]) -> tuple[RelationRecord, ...]:
    """Every relation triple whose two ends are entities, sorted."""
    relations = set()
    for name in RELATIONS:
        for subject, obj in graph.subject_objects(KG[name]):
            if str(subject) in entity_iris and str(obj) in entity_iris and subject != obj:
                relations.add(RelationRecord(str(subject), name, str(obj)))
    return tuple(sorted(relations, key=lambda r: (r.subject, r.predicate, r.object)))


def analyse(graph: Graph) -> Analysis:
    """The analysis of a build's rdflib graph: its entities and the relations between them."""
    entities = read_entities(graph)
    return analyse_records(entities, read_relations(graph, {e.iri for e in entities}))


def analyse_network(network: nx.MultiDiGraph) -> Analysis:
    """The analysis of a networkx graph of entities and relations.

    Nodes are entity IRIs (str) with the attributes ``cls``, the local name of
    the entity's most specific class (``Community``, ``PartyCommittee``,
    ``Program``…), and ``label``, its canonical name; ``top_class`` and
    ``level`` may be given too, and are otherwise found from ``cls`` through
    the ontology. Edges run from subject to object with the relation's local
    name (one of ``RELATIONS``) as key. Self-loops are ignored; a node without
    ``cls`` or ``label``, or an unknown class or relation, is a ``ValueError``.
    """
    return analyse_records(*network_records(network))


def network_records(network: nx.MultiDiGraph) -> tuple[tuple[EntityRecord, ...], tuple[RelationRecord, ...]]:
    """The network's entities (sorted by IRI) and relations (sorted, no self-loops, no repeats)."""
    top_of = top_classes()
    entities = []
    for iri, data in network.nodes(data=True):
        if "cls" not in data or "label" not in data:
            raise ValueError(f"entity node {iri!r} needs the attributes cls and label")
        top = data.get("top_class") or top_of.get(data["cls"])
        if top not in TOP_CLASSES:
            raise ValueError(f"entity node {iri!r}: class {data['cls']!r} is not a subclass of a top class")
        level = data.get("level", LEVEL_OF_CLASS.get(data["cls"]))
        entities.append(EntityRecord(str(iri), str(data["label"]), top, data["cls"], level))
    triples = set()  # plain tuples: hashing and sorting them is several times cheaper than records
    for subject, obj, predicate in network.edges(keys=True):
        if predicate not in RELATIONS:
            raise ValueError(f"relation {predicate!r} from {subject!r} is not one of {', '.join(RELATIONS)}")
        if subject != obj:
            triples.add((str(subject), predicate, str(obj)))
    entities.sort(key=lambda e: e.iri)
    return tuple(entities), tuple(RelationRecord(*triple) for triple in sorted(triples))


@cache
def top_classes() -> dict[str, str]:
    """The ontology's classes (local names) mapped to the top class their subclass chain reaches."""
    return {str(cls).rsplit("#", 1)[-1]: top for cls, top in class_closures(class_hierarchy(Graph())).items()}


def entity_network(entities: tuple[EntityRecord, ...], relations: tuple[RelationRecord, ...]) -> nx.MultiDiGraph:
    """The networkx graph ``analyse_network`` takes, from entity and relation records."""
    network = nx.MultiDiGraph()
    for e in entities:
        network.add_node(e.iri, cls=e.fine_class, label=e.label, top_class=e.top_class, level=e.level)
    network.add_edges_from((r.subject, r.object, r.predicate) for r in relations)
    return network


def annotate_graph(graph: Graph, analysis: Analysis) -> None:
    """Write degree, betweenness, PageRank and community number onto every entity node."""
    for m in analysis.metrics:
        node = URIRef(m.iri)
        graph.set((node, KG.degree, Literal(m.degree, datatype=XSD.integer)))
        graph.set((node, KG.betweenness, Literal(m.betweenness, datatype=XSD.decimal)))
        graph.set((node, KG.pageRank, Literal(m.page_rank, datatype=XSD.decimal)))
        graph.set((node, KG.networkCommunity, Literal(m.community, datatype=XSD.integer)))
