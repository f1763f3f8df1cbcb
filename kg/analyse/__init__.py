"""Analyse stage: network measures over the built graph, and the tables they are written as.

``records`` reads entities and relations out of the rdflib graph,
``network`` computes degree, betweenness, PageRank, communities and counts
(from the rdflib graph, or from a networkx graph with ``analyse_network``;
the measures themselves in ``measures``, on igraph),
``tables`` writes them as ``analysis.json`` and CSV files.
"""
from kg.analyse.measures import SEED
from kg.analyse.network import Analysis, analyse, analyse_network, analyse_records, annotate_graph, entity_network
from kg.analyse.records import records_of

__all__ = [
    "SEED",
    "Analysis",
    "analyse",
    "analyse_network",
    "analyse_records",
    "annotate_graph",
    "entity_network",
    "records_of",
]
