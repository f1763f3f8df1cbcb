"""Analyse stage: network measures over the built graph, and the tables they are written as.

``records`` reads entities and relations out of the rdflib graph,
``network`` computes degree, betweenness, PageRank, communities and counts,
``tables`` writes them as ``analysis.json`` and CSV files.
"""
from kg.analyse.network import Analysis, analyse, annotate_graph

__all__ = ["Analysis", "analyse", "annotate_graph"]
