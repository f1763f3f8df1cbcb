"""SHACL validation of a built graph against ``ontology/shapes.ttl``, on Oxigraph.

The graph is the build's store opened read-only (or graph.ttl loaded: see
``kg.tools.store``); each constraint of the shapes runs as one SPARQL query
over it (``kg.tools.shacl``). No inference is run: graph.ttl carries the
class hierarchy it uses, and SHACL's targetClass follows rdfs:subClassOf in
the data graph, so a kg:Community is checked by the shapes of
kg:AdministrativeUnit.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError, OntologyNotFoundError
from kg.graphfiles import declared_prefixes, iri_compacter
from kg.rdf.vocab import ontology_dir
from kg.tools.shacl import Violation, compile_shapes, find_violations
from kg.tools.store import open_store

SKOS_PREF_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def validate_graph(out_dir: Path, shapes_file: Path | None = None) -> list[str]:
    """One line per SHACL violation in the graph built in ``out_dir``, sorted; empty when it conforms."""
    data = open_store(out_dir)
    checks = compile_shapes(load_shapes(shapes_file), data)
    compact = iri_compacter(declared_prefixes(out_dir))

    def show(term) -> str:
        return compact(term.value) if isinstance(term, ox.NamedNode) else term.value if isinstance(term, ox.Literal) else str(term)

    violations = find_violations(data, checks, show)
    return sorted({describe(v, data, compact) for v in violations})


def load_shapes(path: Path | None = None) -> ox.Store:
    """The shapes graph (``ontology/shapes.ttl`` unless ``path`` names another file)."""
    path = path or ontology_dir() / "shapes.ttl"
    if not path.is_file():
        raise OntologyNotFoundError(f"no SHACL shapes at {path}: restore ontology/shapes.ttl from the repository")
    shapes = ox.Store()
    try:
        shapes.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    except (SyntaxError, OSError, ValueError) as error:
        raise KgError(f"the SHACL shapes in {path} are not readable Turtle ({' '.join(str(error).split())[:200]})") from None
    return shapes


def describe(violation: Violation, data: ox.Store, compact) -> str:
    """``focus (label) path: message`` for one violation, on one line."""
    focus = violation.focus
    if isinstance(focus, ox.Literal):
        where = f'"{focus.value}"'
    else:
        where = compact(focus.value) if isinstance(focus, ox.NamedNode) else str(focus)
        label = focus_label(data, focus)
        where += f" ({label})" if label is not None else ""
    on = f" {compact(violation.path)}" if violation.path else ""
    return " ".join(f"{where}{on}: {violation.message}".split())


def focus_label(data: ox.Store, focus) -> str | None:
    """The node's preferred label, else its first rdfs:label in sorted order (a node may have several)."""
    for quad in data.quads_for_pattern(focus, SKOS_PREF_LABEL, None):
        return quad.object.value
    labels = sorted(quad.object.value for quad in data.quads_for_pattern(focus, RDFS_LABEL, None))
    return labels[0] if labels else None
