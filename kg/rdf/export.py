"""Export stage: write the graph as Turtle (always), N-Triples or JSON-LD, and read it back.

``graph.ttl`` stands alone: it repeats the ontology's declarations of every
kg: class and property it uses (with their kg: superclasses), so a tool that
only reads graph.ttl still sees each class reach its top class through
``rdfs:subClassOf``.
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.errors import GraphFileError, InputError
from kg.graphfiles import GRAPH_FILE, checked_graph_file, graph_file  # noqa: F401 - re-exported
from kg.rdf.iri import DATA_PREFIXES
from kg.rdf.turtle import Triple, write_ntriples, write_turtle
from kg.rdf.vocab import ONTOLOGY_IRI, STANDARD_PREFIXES, ontology_dir

RDF_FORMATS = {"turtle": None, "nt": "graph.nt", "json-ld": "graph.jsonld"}
PREFIXES = {**STANDARD_PREFIXES, **DATA_PREFIXES}
_PREFIX_OF = {namespace: prefix for prefix, namespace in PREFIXES.items()}


def compact_iri(iri: str) -> str:
    """``kg:Community`` for a known namespace, else the IRI as it is (for people to read)."""
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    prefix = _PREFIX_OF.get(iri[:cut])
    return f"{prefix}:{iri[cut:]}" if prefix else iri


def write_graph(graph: Graph, out_dir: Path, rdf_format: str = "turtle") -> None:
    """Write ``out_dir/graph.ttl``, plus graph.nt or graph.jsonld when that format is asked for."""
    if rdf_format not in RDF_FORMATS:
        raise InputError(f"unknown graph format {rdf_format!r}: use one of {', '.join(RDF_FORMATS)}")
    triples = list(graph)  # iterating an rdflib graph is slow: do it once
    triples += term_declarations(triples)
    with open(out_dir / GRAPH_FILE, "w", encoding="utf-8", newline="\n") as out:
        write_turtle(triples, PREFIXES, out, first=("kg:",))
    extra = RDF_FORMATS[rdf_format]
    if rdf_format == "nt":
        with open(out_dir / extra, "w", encoding="utf-8", newline="\n") as out:
            write_ntriples(triples, out)
    elif rdf_format == "json-ld":
        whole = Graph()
        whole += triples
        whole.serialize(out_dir / extra, format="json-ld", context=PREFIXES, auto_compact=True, sort_keys=True)


def term_declarations(triples: Iterable[Triple]) -> list[Triple]:
    """The ontology's triples about each kg: term the triples use, and their kg: super-terms."""
    rdf_type = str(RDF.type)
    used: set[str] = set()
    for _, predicate, obj in triples:
        used.add(str.__str__(predicate))
        if str.__str__(predicate) == rdf_type:
            used.add(str.__str__(obj))
        elif type(obj) is Literal and obj.datatype is not None:
            used.add(str.__str__(obj.datatype))
    ontology = load_ontology()
    kg_terms = (URIRef(term) for term in used if term.startswith(ONTOLOGY_IRI))
    terms = sorted(_with_super_terms(ontology, kg_terms))
    return [triple for term in terms for triple in ontology.triples((term, None, None))]


def _with_super_terms(ontology: Graph, terms: Iterable[URIRef]) -> set[URIRef]:
    found: set[URIRef] = set()
    pending = list(terms)
    while pending:
        term = pending.pop()
        if term in found:
            continue
        found.add(term)
        for parent in chain(ontology.objects(term, RDFS.subClassOf), ontology.objects(term, RDFS.subPropertyOf)):
            if str(parent).startswith(ONTOLOGY_IRI):
                pending.append(parent)
    return found


def load_ontology() -> Graph:
    """ontology/kg.ttl as an rdflib graph."""
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


def load_graph(out_dir: Path) -> Graph:
    """The graph built in ``out_dir``, as an rdflib graph; ``GraphFileError`` when it is unusable."""
    path = checked_graph_file(out_dir)
    try:
        graph = Graph().parse(path, format="turtle")
    except Exception as error:  # noqa: BLE001 - rdflib raises many kinds on bad syntax or bytes
        message = " ".join(str(error).split())[:200] or type(error).__name__
        raise GraphFileError(
            f"{path} is not readable Turtle ({type(error).__name__}: {message}): "
            f"rebuild it with `kg build INPUT... --out {out_dir}`"
        ) from None
    if not len(graph):
        raise GraphFileError(f"{path} holds no triples: rebuild it with `kg build INPUT... --out {out_dir}`")
    return graph
