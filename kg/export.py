"""Export stage (stub: rdflib Turtle)."""
from pathlib import Path


def write_graph(graph, out_dir: Path, rdf_format: str = "turtle") -> None:
    graph.serialize(out_dir / "graph.ttl", format="turtle")
