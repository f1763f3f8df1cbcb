"""graph.ttl: parses everywhere, stands alone, escapes everything, and is byte-identical run to run."""
import dataclasses
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import hand_built_corpus, hand_built_summaries
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.errors import GraphNotFoundError, InputError
from kg.rdf.export import load_graph, term_declarations, write_graph
from kg.rdf.graph import build_graph
from kg.model import TOP_CLASSES, Entity, ResolvedCorpus
from kg.rdf.turtle import write_turtle
from kg.rdf.vocab import KG

SEEDS = Path(__file__).parent.parent / "seeds"


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        pytest.fail(
            "graphs differ\nonly expected:\n"
            + only_expected.serialize(format="nt")
            + "\nonly written:\n"
            + only_actual.serialize(format="nt")
        )


def reversed_corpus(corpus: ResolvedCorpus) -> ResolvedCorpus:
    """The same corpus listed backwards, down to each entity's evidence and alt labels."""
    entities = tuple(
        dataclasses.replace(e, evidence=e.evidence[::-1], alt_labels=e.alt_labels[::-1])
        for e in reversed(corpus.entities)
    )
    relations = tuple(dataclasses.replace(r, evidence=r.evidence[::-1]) for r in reversed(corpus.relations))
    return ResolvedCorpus(entities, relations)


def test_graph_ttl_parses_with_rdflib_to_exactly_the_built_graph_and_its_declarations(built_dir, summaries, corpus):
    graph = build_graph(summaries, corpus)
    graph += term_declarations(graph)
    assert_isomorphic(graph, load_graph(built_dir))


def test_graph_ttl_parses_with_oxigraph_to_the_same_triples(built_dir):
    from_rdflib = len(load_graph(built_dir))
    quads = list(ox.parse(path=str(built_dir / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    assert len(quads) == from_rdflib


def test_the_same_corpus_in_another_order_gives_identical_bytes(tmp_path, built_dir):
    other = tmp_path / "other"
    other.mkdir()
    write_graph(build_graph(hand_built_summaries()[::-1], reversed_corpus(hand_built_corpus())), other)
    assert (other / "graph.ttl").read_bytes() == (built_dir / "graph.ttl").read_bytes()


def test_every_entity_class_reaches_a_top_class_in_graph_ttl_alone(built_dir):
    graph = load_graph(built_dir)
    tops = {KG[name] for name in TOP_CLASSES}
    entity_classes = {c for c in graph.objects(None, RDF.type) if str(c).startswith(str(KG._NS))}
    entity_classes -= {KG.Article, KG.Mention, KG.RelationMention}
    assert entity_classes
    for cls in entity_classes:
        assert tops & set(graph.transitive_objects(cls, RDFS.subClassOf)), cls
        assert graph.value(cls, RDFS.label), cls


def test_graph_ttl_declares_the_properties_it_uses(built_dir):
    graph = load_graph(built_dir)
    for prop in (KG.partOf, KG.mentionOf, KG.sentence, KG.area):
        assert graph.value(prop, RDFS.label) is not None
    assert graph.value(KG.Mention, RDFS.subClassOf) == KG.Evidence
    assert graph.value(KG.Program, RDF.type) is not None  # superclass of the classes used
    assert graph.value(KG.Brand, RDF.type) is None  # not used, not repeated


NASTY_LABELS = [
    'say "hi"',
    "'single' and \"\"\"triple\"\"\"",
    "back\\slash\\",
    "\\u0041 is not an escape",
    "line one\nline two\r\nline three",
    "tab\there",
    "<b>angle</b> & <script>",
    "control \x00\x01\x08\x0b\x0c\x1b\x7f\x85 chars",
    "unicode line\u2028separator\u2029",
    "emoji 🏠 and 社区",
    "ends with a quote\"",
    "",
]


@pytest.mark.parametrize("label", NASTY_LABELS)
def test_labels_with_quotes_backslashes_newlines_angles_and_controls_survive_a_round_trip(tmp_path, label):
    entity = Entity(key=label or "empty", cls="Facility", label=label, alt_labels=(label + "x",))
    write_graph(build_graph([], ResolvedCorpus((entity,), ())), tmp_path)
    path = tmp_path / "graph.ttl"
    from_rdflib = {str(o) for o in Graph().parse(path, format="turtle").objects(None, RDFS.label)}
    from_oxigraph = {
        q.object.value for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        if q.predicate.value == str(RDFS.label)
    }
    assert label in from_rdflib
    assert label in from_oxigraph


def test_sentences_with_special_characters_survive_too(tmp_path):
    from kg.model import Evidence

    sentence = 'He said "go\\" <now>\n\tthen\x00left'
    entity = Entity("k", "Person", "某人", evidence=(Evidence("abc", sentence, 0, 30, 1, 3),))
    write_graph(build_graph([], ResolvedCorpus((entity,), ())), tmp_path)
    graph = load_graph(tmp_path)
    assert {str(s) for s in graph.objects(None, KG.sentence)} == {sentence}


@pytest.mark.parametrize(("fmt", "file", "parser"), [("nt", "graph.nt", "nt"), ("json-ld", "graph.jsonld", "json-ld")])
def test_other_formats_are_written_beside_graph_ttl_with_the_same_triples(tmp_path, built_dir, fmt, file, parser):
    write_graph(build_graph(hand_built_summaries(), hand_built_corpus()), tmp_path, fmt)
    assert (tmp_path / "graph.ttl").read_bytes() == (built_dir / "graph.ttl").read_bytes()
    assert_isomorphic(load_graph(built_dir), Graph().parse(tmp_path / file, format=parser))


def test_ntriples_parse_with_oxigraph(tmp_path):
    write_graph(build_graph(hand_built_summaries(), hand_built_corpus()), tmp_path, "nt")
    assert list(ox.parse(path=str(tmp_path / "graph.nt"), format=ox.RdfFormat.N_TRIPLES))


def test_an_unknown_format_is_refused_with_the_choices(tmp_path):
    with pytest.raises(InputError, match="unknown graph format 'xml': use one of turtle, nt, json-ld"):
        write_graph(Graph(), tmp_path, "xml")


def test_blank_nodes_are_refused_because_they_would_break_determinism(tmp_path):
    graph = Graph()
    graph.add((BNode(), RDFS.label, Literal("x")))
    with pytest.raises(ValueError, match="blank nodes"):
        write_graph(graph, tmp_path)


def test_an_iri_turtle_cannot_hold_is_refused():
    with pytest.raises(ValueError, match="not a valid IRI"):
        write_turtle([(URIRef("http://example.com/a b"), RDFS.label, Literal("x"))], {}, open("/dev/null", "w"))


def test_loading_a_folder_without_a_graph_says_how_to_build_one(tmp_path):
    with pytest.raises(GraphNotFoundError) as error:
        load_graph(tmp_path)
    assert str(error.value) == f"no graph in {tmp_path}: run `kg build INPUT... --out {tmp_path}` first"


def test_seeds_and_a_renamed_copy_elsewhere_give_byte_identical_graphs(tmp_path):
    from kg.pipeline import build
    from kg.tools.validate import validate_graph

    copy = tmp_path / "elsewhere" / "deeper"
    copy.mkdir(parents=True)
    for i, path in enumerate(sorted(SEEDS.iterdir(), reverse=True)):
        if path.is_file():
            shutil.copy(path, copy / f"renamed_{i:02d}{path.suffix}")
    build([SEEDS], tmp_path / "a")
    build([copy], tmp_path / "b")
    ttl = (tmp_path / "a" / "graph.ttl").read_bytes()
    assert ttl == (tmp_path / "b" / "graph.ttl").read_bytes()
    assert b"renamed_" not in ttl and b"seeds/" not in ttl
    assert len(list(ox.parse(path=str(tmp_path / "a" / "graph.ttl"), format=ox.RdfFormat.TURTLE))) > 0
    assert validate_graph(tmp_path / "a") == []
