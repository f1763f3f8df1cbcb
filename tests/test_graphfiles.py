"""kg.graphfiles: finding a build's graph files, the prefixes graph.ttl declares, and IRIs shown with them."""
import pytest

from kg.errors import GraphNotFoundError
from kg.graphfiles import GRAPH_FILE, checked_graph_file, declared_prefixes, graph_file, iri_compacter, store_dir

KG = "https://w3id.org/jiceng-kg/ontology#"
ID = "https://w3id.org/jiceng-kg/id/"


def folder_with(tmp_path, text: str | bytes):
    path = tmp_path / GRAPH_FILE
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return tmp_path


@pytest.mark.parametrize(
    "head, expected",
    [
        # both Turtle forms, any case, with and without the final dot; comments and blank lines skipped
        (f"# made by kg\n@prefix kg: <{KG}> .\n\nPREFIX id: <{ID}>\nprefix x.y-z: <urn:x:>\n",
         {"kg": KG, "id": ID, "x.y-z": "urn:x:"}),
        ("@prefix : <urn:empty#> .\n", {"": "urn:empty#"}),  # the empty prefix
        # the declarations before the first triple only: a later line that looks like one is data
        (f"@prefix kg: <{KG}> .\n<urn:a> <urn:b> <urn:c> .\n@prefix late: <urn:late#> .\n", {"kg": KG}),
        ("<urn:a> <urn:b> <urn:c> .\n", {}),
        ("@prefix bad: <has space> .\n", {}),  # not an IRI Turtle allows: not a declaration
    ],
)
def test_declared_prefixes_are_the_ones_graph_ttl_starts_with(tmp_path, head, expected):
    assert declared_prefixes(folder_with(tmp_path, head)) == expected


def test_declared_prefixes_of_a_folder_without_a_graph_are_none(tmp_path):
    assert declared_prefixes(tmp_path) == {}


@pytest.mark.parametrize(
    "iri, shown",
    [
        (KG + "Community", "kg:Community"),
        (ID + "unit/430602000000", ID + "unit/430602000000"),  # id: is declared for id/, not for id/unit/
        (KG + "a/b", KG + "a/b"),  # the local name holds a slash: the namespace would be …ontology#a/
        ("urn:empty#x", "urn:empty#x"),  # the empty prefix is never used to shorten
        ("http://example.org/other#x", "http://example.org/other#x"),
    ],
)
def test_an_iri_is_shown_with_its_prefix_only_when_its_namespace_is_declared(iri, shown):
    compact = iri_compacter({"kg": KG, "id": ID, "": "urn:empty#"})
    assert compact(iri) == shown


def test_graph_file_and_store_dir_say_what_the_folder_holds(tmp_path):
    with pytest.raises(GraphNotFoundError, match=f"no graph in {tmp_path}: run `kg build INPUT... --out {tmp_path}` first"):
        graph_file(tmp_path)
    assert store_dir(tmp_path) is None
    (tmp_path / "graph.oxigraph").mkdir()
    folder_with(tmp_path, "<urn:a> <urn:b> <urn:c> .\n")
    assert (graph_file(tmp_path), store_dir(tmp_path)) == (tmp_path / GRAPH_FILE, tmp_path / "graph.oxigraph")


def test_a_character_cut_by_the_first_64_kib_is_not_taken_for_bad_utf8(tmp_path):
    # The check reads the first 65,536 bytes; a three-byte character may straddle that boundary.
    line = "<urn:a> <urn:b> \"" + "社" * 30_000 + "\" .\n"
    assert len(line.encode("utf-8")) > 1 << 16 and (65_536 - len('<urn:a> <urn:b> "')) % 3 != 0
    folder = folder_with(tmp_path, line)
    assert checked_graph_file(folder) == folder / GRAPH_FILE
