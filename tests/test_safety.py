"""No single input ends a build; commands over damaged outputs fail in one line; queries stay local."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from typer.testing import CliRunner

import kg.pipeline as pipeline
from kg.cli.commands import app
from kg.errors import QueryError
from kg.rdf.export import GRAPH_FILE
from kg.cli.terminal import printable
from kg.tools.query import format_result, run_query

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


def seeds_copy(folder: Path) -> Path:
    shutil.copytree(SEEDS, folder)
    return folder


# ------------------------------------------------------------ one bad input
@pytest.mark.parametrize(
    "module, function, stage",
    [("kg.prepare", "read_metadata", "metadata"), ("kg.extract", "sentences_of", "segment"), ("kg.extract", "extract", "extract")],
)
def test_an_input_that_breaks_a_stage_is_skipped_with_the_stage_named(tmp_path, monkeypatch, module, function, stage):
    corpus = seeds_copy(tmp_path / "in")
    (corpus / "poison.txt").write_text("这一篇会让某个阶段出错。红星社区党委召开会议。", "utf-8")
    real = getattr(__import__(module, fromlist=[function]), function)

    def breaks_on_poison(*args):
        if any("出错" in (arg if isinstance(arg, str) else getattr(arg, "text", "")) for arg in args):
            raise ZeroDivisionError("a rule divided by zero")
        return real(*args)

    monkeypatch.setattr(f"{module}.{function}", breaks_on_poison)
    result = pipeline.build([corpus], tmp_path / "out")

    assert len(result.report.articles) == 5
    assert [(s.source, s.reason) for s in result.report.skipped] == [
        (str(corpus / "poison.txt"), f"stage '{stage}' failed: ZeroDivisionError: a rule divided by zero")
    ]


def test_the_issue_corpus_builds_with_every_usable_article(tmp_path):
    """Seeds plus a non-UTF-8 file name, surrogates and U+2028 in JSONL, a 40-character ＞ breadcrumb."""
    corpus = seeds_copy(tmp_path / "in")
    first_seed = sorted(SEEDS.glob("*.txt"))[0].read_text("utf-8")
    with open(os.fsencode(corpus) + b"/caf\xe9-\xff.txt", "wb") as handle:
        handle.write(first_seed.replace("白马湖", "青草湖").encode("utf-8"))
    lines = [
        {"text": "绿柳社区\ud800党委组织志愿者开展“邻里守望”活动。", "title": "标题\udc00"},
        {"text": "第一段说到红星社区。\u2028第二段说红星社区党支部开展“暖心食堂”项目。"},
        {"text": "第三篇\u0085正文说到青山村党支部。"},
    ]
    (corpus / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=True) for r in lines) + "\n", "utf-8")
    (corpus / "crumbs.txt").write_text("＞" * 40 + "\n" + first_seed.replace("白马湖", "金沙湖"), "utf-8")

    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out")])

    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    sources = sorted(a["source"] for a in report["articles"])
    assert len(sources) == 5 + 1 + 3 + 1
    assert f"{corpus}/caf\\xe9-\\xff.txt" in sources
    assert {f"{corpus / 'feed.jsonl'}:{n}" for n in (1, 2, 3)} <= set(sources)
    titles = {a["metadata"]["title"] for a in report["articles"]}
    assert "标题\ufffd" in titles
    Graph().parse(tmp_path / "out" / GRAPH_FILE, format="turtle")


# --------------------------------------------------------- damaged outputs
DAMAGED = [
    ("empty", b"", "is empty"),
    ("whitespace", b"\n\n  \n", "is empty"),
    ("binary", bytes(range(256)) * 8, "is not a Turtle file (binary or UTF-16 data)"),
    ("utf-16", "@prefix kg: <https://w3id.org/x#> .\n".encode("utf-16"), "is not a Turtle file (binary or UTF-16 data)"),
    ("latin-1", "<http://a.org/b> <http://a.org/c> \"caf\xe9\" .\n".encode("latin-1"), "is not UTF-8 text"),
    ("truncated", b"@prefix kg: <https://w3id.org/x#> .\n<http://a.org/b> kg:p \"unfinished", "not readable Turtle"),
    ("no triples", b"@prefix kg: <https://w3id.org/x#> .\n# nothing here\n", "holds no triples"),
]


@pytest.mark.parametrize("command", [["validate", "{out}"], ["query", "ASK {{}}", "--out", "{out}"], ["eval", "{gold}", "--out", "{out}"]])
@pytest.mark.parametrize("name, data, problem", DAMAGED, ids=[d[0] for d in DAMAGED])
def test_every_command_fails_in_one_line_on_a_damaged_graph(tmp_path, command, name, data, problem):
    out = tmp_path / "out"
    out.mkdir()
    (out / GRAPH_FILE).write_bytes(data)
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({"article": "a.txt", "entities": [], "relations": []}), "utf-8")

    result = runner.invoke(app, [part.format(out=out, gold=gold) for part in command])

    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"Error: {out / GRAPH_FILE} ") and problem in lines[0]
    assert "rebuild it with `kg build" in lines[0]


@pytest.mark.parametrize("command", [["validate", "{out}"], ["query", "ASK {{}}", "--out", "{out}"]])
def test_a_missing_output_folder_is_one_line(tmp_path, command):
    result = runner.invoke(app, [part.format(out=tmp_path / "none") for part in command])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: no graph in {tmp_path / 'none'}: run `kg build INPUT... --out {tmp_path / 'none'}` first"
    ]


@pytest.mark.parametrize("command", [["validate", "{out}"], ["query", "ASK {{}}", "--out", "{out}"]])
def test_ctrl_c_in_any_command_is_one_line_and_exit_130(built_dir, monkeypatch, command):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.tools.validate.validate_graph", interrupted)
    monkeypatch.setattr("kg.tools.query.run_query", interrupted)
    result = runner.invoke(app, [part.format(out=built_dir) for part in command])
    assert (result.exit_code, result.output) == (130, "Interrupted.\n")


# ------------------------------------------------------------ local queries
@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "PREFIX ex: <http://e.org/>\nSELECT * WHERE {\n  ?s ?p ?o .\n  SeRvIcE <http://127.0.0.1:9/> { ?s ?p ?o }\n}",
    ],
)
def test_service_is_refused_before_anything_is_sent(built_dir, monkeypatch, query):
    def no_network(*args, **kwargs):
        raise AssertionError("kg query tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    with pytest.raises(QueryError, match="SERVICE is refused: kg query runs offline"):
        run_query(query, built_dir)


@pytest.mark.parametrize(
    "query, every_label",
    [
        ('SELECT ?l WHERE { ?s rdfs:label ?l FILTER (?l != "SERVICE") }', True),  # the word inside a string
        ("SELECT ?l WHERE { ?s rdfs:label ?l } # SERVICE <http://x/> in a comment", True),
        ("SELECT ?service WHERE { ?service rdfs:label ?l }", True),  # a variable
        ("SELECT ?l WHERE { ?s <http://e.org/SERVICE> ?l }", False),  # inside an IRI (no such property)
    ],
)
def test_the_word_service_elsewhere_is_not_refused(built_dir, built_graph, query, every_label):
    # Answered, not refused, and answered in full: one row per rdfs:label of the graph, or none.
    labels = len(list(built_graph.triples((None, RDFS.label, None))))
    assert len(run_query(query, built_dir).rows) == (labels if every_label else 0)


@pytest.mark.parametrize(
    "update, keyword",
    [
        ("INSERT DATA { <http://a.org/s> <http://a.org/p> 1 }", "INSERT"),
        ("DELETE WHERE { ?s ?p ?o }", "DELETE"),
        ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
        ("CLEAR ALL", "CLEAR"),
        ("DROP GRAPH <http://a.org/g>", "DROP"),
    ],
)
def test_updates_are_refused(built_dir, update, keyword):
    with pytest.raises(QueryError, match=f"{keyword} is refused: kg query is read-only"):
        run_query(update, built_dir)


HOSTILE = "名字\x1b]0;owned\x07\x1b[2J\u202e尾"


@pytest.fixture
def hostile_dir(tmp_path) -> Path:
    graph = Graph()
    graph.add((URIRef("https://w3id.org/jiceng-kg/id/unit/x"), RDFS.label, Literal(HOSTILE, lang="zh")))
    graph.serialize(tmp_path / GRAPH_FILE, format="turtle")
    return tmp_path


def test_table_output_shows_control_characters_escaped(hostile_dir):
    result = runner.invoke(app, ["query", "SELECT ?l WHERE { ?s rdfs:label ?l }", "--out", str(hostile_dir)])
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "\x07" not in result.output and "\u202e" not in result.output
    assert "名字\\x1b]0;owned\\x07\\x1b[2J\\u202e尾" in result.output


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_csv_and_json_keep_the_data_as_it_is(hostile_dir, fmt):
    text = format_result(run_query("SELECT ?l WHERE { ?s rdfs:label ?l }", hostile_dir), fmt)
    if fmt == "csv":
        assert list(csv.reader(io.StringIO(text)))[1] == [HOSTILE]
    else:
        assert json.loads(text)["results"]["bindings"][0]["l"]["value"] == HOSTILE


@pytest.mark.parametrize(
    "text, shown",
    [
        ("plain 中文", "plain 中文"),
        ("bell\x07", "bell\\x07"),
        ("\x9bC1 CSI", "\\x9bC1 CSI"),
        ("rtl\u202eoverride", "rtl\\u202eoverride"),
        ("tab\tand\nnewline", "tab\\tand\\nnewline"),
    ],
)
def test_printable(text, shown):
    assert printable(text) == shown
