"""Analyse stage: network measures over the built graph, and the tables they are written as.

``records`` reads entities and relations out of the rdflib graph,
``network`` computes degree, betweenness, PageRank, communities and counts,
``tables`` writes them as ``analysis.json`` and CSV files.
"""
from kg.analyse.network import SEED, Analysis, analyse, analyse_records, annotate_graph
from kg.analyse.records import records_of

__all__ = ["SEED", "Analysis", "analyse", "analyse_records", "annotate_graph", "records_of"]
