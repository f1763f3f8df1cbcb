"""Analyse stage: network measures over the built graph, and the tables they are written as.

``records`` turns the build's resolved tables (or an rdflib graph) into plain
records, ``network`` computes degree, betweenness, PageRank, communities and
counts from them (the measures themselves in ``measures``, on igraph),
``graphs`` does the same for a networkx or rdflib graph (for tools and tests:
a build loads neither networkx nor scipy), ``tables`` writes them as
``analysis.json`` and CSV files, ``networkfiles`` as GraphML and GEXF.
"""
from kg.analyse.measures import SEED
from kg.analyse.network import Analysis, analyse_records
from kg.analyse.records import records_of

__all__ = [
    "SEED",
    "Analysis",
    "analyse_records",
    "records_of",
]
