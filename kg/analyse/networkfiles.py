"""The entity network as GraphML and GEXF, for Gephi, Cytoscape and networkx.

Nodes are entities (id = IRI) with their label, classes, level and the
analysis's measures as attributes; edges are the relations, directed from
subject to object, keyed and labelled by the relation's name, so two
different relations between the same pair stay two edges. Nodes and edges are
written in a fixed order, so the same build gives the same files (GEXF also
carries the day it was written, in its ``meta``).
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.analyse.network import Analysis

GRAPHML_FILE = "entities.graphml"
GEXF_FILE = "entities.gexf"


def entity_network(analysis: Analysis) -> nx.MultiDiGraph:
    """Entities and relations with their attributes (None-valued ones left out: GraphML has no null)."""
    network = nx.MultiDiGraph(name="kg entity network")
    for entity in analysis.entities:
        metric = analysis.metric[entity.iri]
        attributes = {
            "label": entity.label,
            "topClass": entity.top_class,
            "class": entity.fine_class,
            "level": entity.level,
            "degree": metric.degree,
            "betweenness": float(metric.betweenness),
            "pageRank": float(metric.page_rank),
            "community": metric.community,
        }
        network.add_node(entity.iri, **{k: v for k, v in attributes.items() if v is not None})
    for relation in sorted(analysis.relations, key=lambda r: (r.subject, r.predicate, r.object)):
        network.add_edge(relation.subject, relation.object, key=relation.predicate, relation=relation.predicate,
                         label=relation.predicate)
    return network


def write_network_files(analysis: Analysis, out_dir: Path) -> None:
    """``entities.graphml`` and ``entities.gexf`` in ``out_dir``."""
    network = entity_network(analysis)
    nx.write_graphml(network, out_dir / GRAPHML_FILE, encoding="utf-8", named_key_ids=True)
    nx.write_gexf(network, out_dir / GEXF_FILE, encoding="utf-8")
