"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (pyshacl).

No inference is run: graph.ttl carries the class hierarchy it uses, and
SHACL's targetClass follows rdfs:subClassOf in the data graph, so a
kg:Community is checked by the shapes of kg:AdministrativeUnit.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import RDFS, Graph, Literal, Node, URIRef
from rdflib.namespace import SH, SKOS

from kg.errors import KgError, OntologyNotFoundError
from kg.rdf.export import compact_iri, load_graph
from kg.rdf.vocab import ontology_dir


def validate_graph(out_dir: Path) -> list[str]:
    """One line per SHACL violation in ``out_dir/graph.ttl``, sorted; empty when it conforms."""
    from pyshacl import validate

    data = load_graph(out_dir)
    conforms, report, _ = validate(data, shacl_graph=load_shapes(), inference="none", advanced=True)
    if not isinstance(report, Graph):  # pyshacl could not use the shapes at all
        raise KgError(f"the SHACL shapes cannot be used ({report}): fix ontology/shapes.ttl")
    if conforms:
        return []
    return sorted({describe(report, result, data) for result in report.subjects(SH.resultSeverity, SH.Violation)})


def load_shapes() -> Graph:
    path = ontology_dir() / "shapes.ttl"
    if not path.is_file():
        raise OntologyNotFoundError(f"no SHACL shapes at {path}: restore ontology/shapes.ttl from the repository")
    return Graph().parse(path, format="turtle")


def describe(report: Graph, result: Node, data: Graph) -> str:
    """``focus (label) path: message`` for one validation result."""
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    message = report.value(result, SH.resultMessage) or report.value(result, SH.sourceConstraintComponent)
    label = focus_label(data, focus)
    where = compact(focus) + (f" ({label})" if label is not None else "")
    on = f" {compact(path)}" if isinstance(path, URIRef) else ""
    return " ".join(f"{where}{on}: {message}".split())



def focus_label(data: Graph, focus: Node | None) -> str | None:
    """The node's preferred label, else its first rdfs:label in sorted order (a node may have several)."""
    if focus is None:
        return None
    preferred = data.value(focus, SKOS.prefLabel)
    labels = sorted(str(label) for label in data.objects(focus, RDFS.label))
    return str(preferred) if preferred is not None else (labels[0] if labels else None)


def compact(node: Node | None) -> str:
    if node is None:
        return "?"
    if isinstance(node, Literal):
        return f'"{node}"'
    return compact_iri(str(node))
