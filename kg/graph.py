"""Graph stage (stub: Article nodes only)."""
from rdflib import RDF, RDFS, Graph, Literal

from kg.vocab import DATA, KG


def build_graph(summaries, corpus) -> Graph:
    g = Graph()
    g.bind("kg", KG._NS)
    for s in summaries:
        node = DATA[f"article/{s.id}"]
        g.add((node, RDF.type, KG.Article))
        if s.metadata.title:
            g.add((node, RDFS.label, Literal(s.metadata.title, lang="zh")))
    return g
