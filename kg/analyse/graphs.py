"""The analysis of a networkx or rdflib graph, and its figures written back into an rdflib graph.

A build analyses its resolved tables (``kg.analyse.network.analyse_records``)
and needs neither library; these adapters serve the tools, the benchmarks and
the tests, which hold their graphs in networkx or rdflib. Kept apart so that a
build does not load networkx (about 0.1 s of every ``kg build``'s start-up).
"""
from __future__ import annotations

from functools import cache

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.analyse.network import Analysis, analyse_records
from kg.analyse.records import (
    LEVEL_OF_CLASS,
    EntityRecord,
    RelationRecord,
    class_closures,
    class_hierarchy,
    read_entities,
    read_relations,
)
from kg.model import RELATIONS, TOP_CLASSES
from kg.rdf.vocab import KG


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
