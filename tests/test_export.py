"""graph.ttl: parses everywhere, stands alone, describes itself, escapes everything, byte-identical run to run."""
import shutil
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import build_graph_files, hand_built_pairs
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, VOID

from kg.errors import GraphNotFoundError, InputError
from kg.model import TOP_CLASSES, ArticleFacts, ArticleMetadata, ArticleSummary, EntityObservation, MentionSpan, SentenceSpan
from kg.rdf import iri
from kg.rdf.export import MEASURES_FILE, STORE_DIR, load_graph, write_extra_format
from kg.rdf.turtle import _STRING_ESCAPES, _TO_ESCAPE, check_iri, decimal, escape_string
from kg.rdf.vocab import KG

SEEDS = Path(__file__).parent.parent / "seeds"
DATASET = URIRef(iri.dataset_iri())


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        pytest.fail("graphs differ\nonly expected:\n" + only_expected.serialize(format="nt")
                    + "\nonly written:\n" + only_actual.serialize(format="nt"))


def test_graph_ttl_the_store_and_void_triples_agree_on_the_triples(built_dir, built_graph):
    from_oxigraph = list(ox.parse(path=str(built_dir / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    store = ox.Store.read_only(str(built_dir / STORE_DIR))
    in_default_graph = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert len(from_oxigraph) == len(built_graph) == len(in_default_graph)
    assert built_graph.value(DATASET, VOID.triples).toPython() == len(built_graph)
    # the rest of the store is the named graph of the network measures, as analysis.ttl holds them
    measures = list(ox.parse(path=str(built_dir / MEASURES_FILE), format=ox.RdfFormat.TURTLE))
    assert len(store) == len(in_default_graph) + len(measures) and measures


def test_the_same_articles_in_another_order_give_identical_bytes(tmp_path, built_dir):
    other = build_graph_files(tmp_path / "other", hand_built_pairs()[::-1])
    assert (other / "graph.ttl").read_bytes() == (built_dir / "graph.ttl").read_bytes()


def test_graph_ttl_describes_the_dataset_licence_size_counts_version_and_gazetteer(built_graph):
    g = built_graph
    assert g.value(DATASET, RDF.type) == VOID.Dataset
    assert g.value(DATASET, DCTERMS.license) == URIRef("http://creativecommons.org/licenses/by/4.0/")
    counts = {g.value(p, VOID["class"]): g.value(p, VOID.entities).toPython() for p in g.objects(DATASET, VOID.classPartition)}
    assert counts[KG.Article] == 2
    assert counts[KG.Community] == len(set(g.subjects(RDF.type, KG.Community)))
    build = g.value(DATASET, URIRef("http://www.w3.org/ns/prov#wasGeneratedBy"))
    software = g.value(build, URIRef("http://www.w3.org/ns/prov#wasAssociatedWith"))
    from kg.version import __version__
    assert g.value(software, URIRef("https://schema.org/softwareVersion")) == Literal(__version__)
    assert g.value(build, URIRef("http://www.w3.org/ns/prov#used")) == URIRef(iri.source_iri("gazetteer"))
    assert (URIRef("https://w3id.org/jiceng-kg/ontology"), RDF.type, OWL.Ontology) in g


def test_every_entity_class_reaches_a_top_class_in_graph_ttl_alone(built_graph):
    tops = {KG[name] for name in TOP_CLASSES}
    classes = {c for c in built_graph.objects(None, RDF.type) if str(c).startswith(str(KG._NS))}
    classes -= {KG.Article, KG.Sentence, KG.Mention, KG.RelationStatement}
    # The classes the hand-built corpus's kinds call for (conftest.hand_built_extractions).
    assert {KG.Province, KG.City, KG.District, KG.Subdistrict, KG.Community, KG.PartyWorkingCommittee,
            KG.GeneralPartyBranch, KG.PartyCommittee, KG.Project, KG.Event, KG.University, KG.Facility,
            KG.Person} <= classes
    for cls in classes:
        assert tops & set(built_graph.transitive_objects(cls, RDFS.subClassOf)), cls
        assert built_graph.value(cls, RDFS.label), cls
    for prop in (KG.partOf, KG.mentionOf, KG.text, KG.area, KG.networkCommunity):
        assert {label.language for label in built_graph.objects(prop, RDFS.label)} == {"zh", "en"}, prop


NASTY = [
    'say "hi"', "'single' and \"\"\"triple\"\"\"", "back\\slash\\", "\\u0041 is not an escape",
    "line one\nline two\r\nline three", "tab\there", "<b>angle</b> & <script>",
    "control \x00\x01\x08\x0b\x0c\x1b\x7f\x85 chars", "unicode line\u2028separator\u2029", "emoji 🏠 and 社区",
    'ends with a quote"', "lone \ud800 surrogate",
]


def nasty_pair(text: str):
    entity = iri.entity_iri("Facility", "k")
    facts = ArticleFacts(
        "abc",
        entities=(EntityObservation(entity, "k", "Facility", names=((text, 1),), aliases=(text + "x",), mentions=1),),
        sentences=(SentenceSpan(0, len(text), text),),
        mentions=(MentionSpan(entity, 0, 0, len(text), text),),
    )
    summary = ArticleSummary("abc", "x", ArticleMetadata(title=text, authors=(text,)), "0" * 64, len(text))
    return summary, facts


@pytest.mark.parametrize("text", NASTY)
def test_text_with_quotes_backslashes_newlines_angles_and_controls_survives_a_round_trip(tmp_path, text):
    build_graph_files(tmp_path, [nasty_pair(text)])
    expected = text.replace("\ud800", "\ufffd")
    graph = load_graph(tmp_path)
    for prop in (RDFS.label, KG.text, KG.surface, KG.author):
        assert expected in {str(o) for o in graph.objects(None, prop)}, prop
    labels = {q.object.value for q in ox.parse(path=str(tmp_path / "graph.ttl"), format=ox.RdfFormat.TURTLE)
              if q.predicate.value == str(RDFS.label)}
    assert expected in labels
    assert all(ch not in (tmp_path / "graph.ttl").read_text("utf-8") for ch in "\x00\x1b\x7f\x85")


@pytest.mark.parametrize(("fmt", "file", "parser"), [("nt", "graph.nt", "nt"), ("json-ld", "graph.jsonld", "json-ld")])
def test_other_formats_are_dumped_from_the_store_with_the_same_triples(tmp_path, built_dir, built_graph, fmt, file, parser):
    write_extra_format(built_dir / STORE_DIR, tmp_path, fmt)
    assert_isomorphic(built_graph, Graph().parse(tmp_path / file, format=parser))


def test_an_unknown_format_is_refused_with_the_choices(tmp_path, built_dir):
    with pytest.raises(InputError, match="unknown graph format 'xml': use one of turtle, nt, json-ld"):
        write_extra_format(built_dir / STORE_DIR, tmp_path, "xml")


def test_a_literal_is_escaped_exactly_when_it_holds_a_character_the_table_escapes():
    # the check that lets most strings skip translate must see every such character and no other
    assert [c for c in range(0x110000) if _TO_ESCAPE.search(chr(c))] == sorted(_STRING_ESCAPES)
    assert escape_string("社区“书记”说") == "社区“书记”说"
    assert escape_string('引号"与\n换行') == '引号\\"与\\n换行'


@pytest.mark.parametrize(("text", "written"), [
    ("0.012300", "0.0123"), ("1700.000000", "1700"), ("0.000000", "0"), ("-0.000000", "0"), ("-2.500000", "-2.5"),
    ("3", "3"), ("1E+3", "1000"), ("0.5e-2", "0.005"),
])
def test_a_decimal_given_as_text_is_written_as_its_decimal_is(text, written):
    # the measures come as fixed-point text and skip Decimal; other text still goes through it
    assert decimal(text) == decimal(Decimal(text)) == f'"{written}"^^xsd:decimal'


def test_an_iri_turtle_cannot_hold_is_refused():
    with pytest.raises(ValueError, match="not a valid IRI"):
        check_iri("http://example.com/a b")


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
    assert validate_graph(tmp_path / "a") == []


def test_a_written_graph_ttl_loads_into_a_store_in_batches_to_the_same_triples(tmp_path, built_dir, monkeypatch):
    from kg.rdf.export import StoreLoader, load_store

    monkeypatch.setattr(StoreLoader, "BATCH_BYTES", 2_000)  # many batches, each whole statements
    count = load_store(tmp_path / "store", built_dir / "graph.ttl")
    store = ox.Store.read_only(str(built_dir / STORE_DIR))
    assert count == len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))


def test_a_build_reports_the_triples_its_new_store_holds(tmp_path):
    # The count is not taken from the store after a fresh load (it is graph.ttl's, which must be the same).
    from kg.pipeline import build

    result = build([SEEDS], tmp_path / "out")
    store = ox.Store.read_only(str(tmp_path / "out" / STORE_DIR))
    assert result.triples == len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    assert not result.store_changed
