"""Graph and export stages: the resolved corpus as RDF, and the files it is written to.

``vocab`` mirrors the ontology (shipped in ``ontology/`` beside it), ``iri``
mints every IRI, ``graph`` turns entities, relations and articles into
triples, ``turtle`` writes them in a deterministic order and ``export``
writes ``graph.ttl`` (and N-Triples or JSON-LD) and reads it back.
"""
from kg.rdf.export import RDF_FORMATS, load_graph, write_graph
from kg.rdf.graph import build_graph

__all__ = ["RDF_FORMATS", "build_graph", "load_graph", "write_graph"]
