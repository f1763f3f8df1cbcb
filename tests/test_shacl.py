"""The SHACL-to-SPARQL validator: the same results as pyshacl, and a clear refusal of what it cannot check."""
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import ShapesError
from kg.tools.shacl import compile_shapes, find_violations

PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
DATA = PREFIXES + """
ex:Town rdfs:subClassOf ex:Place .
ex:a a ex:Town ; ex:name "甲"@zh ; ex:size 5 ; ex:max 3 ; ex:in ex:b .
ex:b a ex:Place ; ex:name "B" , "乙"@zh ; ex:size "big" .
ex:c a ex:Thing ; ex:in ex:a .
"""


def store_of(text: str) -> ox.Store:
    store = ox.Store()
    store.load(text, format=ox.RdfFormat.TURTLE)
    return store


def focus_nodes(shapes: str) -> list[str]:
    data = store_of(DATA)
    found = find_violations(data, compile_shapes(store_of(PREFIXES + shapes), data))
    return sorted({v.focus.value.rsplit("/", 1)[-1] for v in found})


@pytest.mark.parametrize(
    ("shapes", "violating"),
    [
        ("ex:S sh:targetClass ex:Place ; sh:property [ sh:path ex:name ; sh:maxCount 1 ] .", ["b"]),
        ("ex:S sh:targetClass ex:Place ; sh:property [ sh:path ex:name ; sh:languageIn ('zh') ] .", ["b"]),
        ("ex:S sh:targetClass ex:Place ; sh:property [ sh:path ex:size ; sh:datatype xsd:integer ] .", ["b"]),
        ("ex:S sh:targetClass ex:Place ; sh:property [ sh:path ex:size ; sh:lessThanOrEquals ex:max ] .", ["a"]),
        ("ex:S sh:targetClass ex:Place ; sh:property [ sh:path ex:max ; sh:minCount 1 ] .", ["b"]),
        ("ex:S sh:targetSubjectsOf ex:in ; sh:property [ sh:path ex:in ; sh:class ex:Town ] .", ["a"]),
        ("ex:S sh:targetClass ex:Place ; sh:property [ sh:path [ sh:inversePath ex:in ] ; sh:minCount 1 ] .", []),
        ("ex:S sh:targetNode ex:c ; sh:or ( [ sh:class ex:Place ] [ sh:class ex:Other ] ) .", ["c"]),
        ("ex:S sh:targetClass ex:Place ; sh:not [ sh:class ex:Town ] .", ["a"]),
        ("ex:S sh:targetClass ex:Place ; sh:property [ sh:path ex:name ; sh:pattern '^[A-Z]' ] .", ["a", "b"]),
        ("ex:S sh:targetClass ex:Place ; sh:property [ sh:path ex:name ; sh:severity sh:Warning ; sh:maxCount 1 ] .", []),
        ("ex:S sh:targetClass ex:Place ; sh:deactivated true ; sh:property [ sh:path ex:name ; sh:maxCount 1 ] .", []),
        ("ex:S sh:targetClass ex:Place ; sh:sparql [ sh:select 'SELECT $this WHERE { $this <http://example.org/in> ?x }' ] .", ["a"]),
    ],
)
def test_each_constraint_finds_the_nodes_that_break_it(shapes, violating):
    assert focus_nodes(shapes) == violating


@pytest.mark.parametrize(
    ("shapes", "named"),
    [
        ("ex:S sh:targetClass ex:Place ; sh:node ex:T .", "sh:node"),
        ("ex:S sh:targetClass ex:Place ; sh:property [ sh:path ( ex:in ex:in ) ; sh:minCount 1 ] .", "sh:path"),
        ("ex:S sh:targetClass ex:Place ; sh:or ( [ sh:path ex:in ; sh:minCount 1 ] ) .", "sh:or"),
        ("ex:S sh:targetClass ex:Place ; sh:sparql [ sh:message 'no query' ] .", "sh:select"),
    ],
)
def test_what_it_cannot_check_is_refused_by_name_not_skipped(shapes, named):
    with pytest.raises(ShapesError, match=named):
        focus_nodes(shapes)


def test_it_reports_what_pyshacl_reports_on_a_broken_build(built_dir, tmp_path):
    """Same (focus node, path) pairs as pyshacl for several breakages at once in one copy of the hand-built graph."""
    from pyshacl import validate
    from rdflib import Graph
    from rdflib.namespace import SH
    from test_validate import (
        broken_copy, cycle_with_level_inversion, mention_of_nothing,
        offsets_that_select_other_words, second_label, sentence_unrelated_to_its_relation, untraced_relation,
    )

    from kg.rdf.vocab import ontology_dir
    from kg.tools.validate import load_shapes
    from kg.tools.store import open_store

    def all_at_once(store):
        changes = [b(store) for b in (second_label, untraced_relation, cycle_with_level_inversion, mention_of_nothing,
                                       sentence_unrelated_to_its_relation,
                                       offsets_that_select_other_words)]
        return " ; ".join(update for update, _ in changes), ""

    folder, _ = broken_copy(built_dir, tmp_path / "broken", all_at_once)
    data = open_store(folder)
    ours = {(v.focus.value, v.path) for v in find_violations(data, compile_shapes(load_shapes(), data))}

    graph = Graph().parse(folder / "graph.ttl")
    _, report, _ = validate(graph, shacl_graph=Graph().parse(ontology_dir() / "shapes.ttl"), inference="none", advanced=True)
    path = lambda r: report.value(r, SH.resultPath)  # noqa: E731
    theirs = {
        (str(report.value(r, SH.focusNode)), str(path(r)) if path(r) is not None and not isinstance(path(r), type(r)) else None)
        for r in report.subjects(SH.resultSeverity, SH.Violation)
    }
    assert len(ours) >= 8
    assert ours == theirs
