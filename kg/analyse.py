"""Analyse stage (stub)."""


def analyse(graph):
    return {}


def annotate_graph(graph, analysis) -> None:
    return None
