"""The CLI: help for every command, documented in the README; one-line errors and exit codes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli.commands import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
COMMANDS = ["build", "query", "validate", "eval", "bench"]
runner = CliRunner()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert f"Example: kg {command}" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"`kg {command}\b", README)


def test_top_level_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


def test_build_of_a_missing_input_is_one_error_line(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: input not found: {tmp_path / 'nowhere'} (give an existing file or folder)"
    assert not (tmp_path / "out").exists()


def test_build_with_nothing_usable_says_why(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("", "utf-8")
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: no usable article under the inputs ({tmp_path / 'in' / 'empty.txt'}: empty file)"


def test_build_reports_skipped_files_and_exits_zero(tmp_path):
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    corpus = tmp_path / "in"
    corpus.mkdir()
    first = sorted(seeds.glob("*.txt"))[0]
    (corpus / "article.txt").write_text(first.read_text("utf-8"), "utf-8")
    (corpus / "blank.txt").write_text("   \n", "utf-8")
    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "1 article(s) read, 1 skipped" in result.output
    assert f"{corpus / 'blank.txt'}: empty file" in result.output
    assert (tmp_path / "out" / "graph.ttl").exists() and (tmp_path / "out" / "index.html").exists()


def test_query_without_a_graph_is_one_error_line(tmp_path):
    result = runner.invoke(app, ["query", "SELECT * WHERE { ?s ?p ?o }", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no graph in ")
    assert len(result.output.strip().splitlines()) == 1


def test_query_rejects_an_unknown_format(tmp_path):
    result = runner.invoke(app, ["query", "SELECT * WHERE { ?s ?p ?o }", "--format", "xml"])
    assert result.exit_code == 2


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_build_rejects_an_unknown_graph_format(tmp_path):
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(tmp_path / "out"), "--format", "rdfxml"])
    assert result.exit_code == 2
    assert "Invalid value for --format: must be one of turtle, nt, json-ld" in result.output
    assert not (tmp_path / "out").exists()


def test_build_format_nt_writes_the_same_triples_beside_graph_ttl(tmp_path):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "--format", "nt"])
    assert result.exit_code == 0, result.output
    turtle = Graph().parse(out / "graph.ttl", format="turtle")
    ntriples = Graph().parse(out / "graph.nt", format="nt")
    assert len(ntriples) == len(turtle) > 0 and isomorphic(turtle, ntriples)


def test_build_with_two_workers_writes_the_bytes_of_one(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(40):  # enough files for the pool to start (20 per worker)
        (corpus / f"{i:02d}.txt").write_text(f"{seeds[i % 5].read_text('utf-8')}\n稿件编号：{i:04d}\n", "utf-8")
    one = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "one"), "--jobs", "1"])
    two = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "two"), "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, one.output + two.output
    assert "40 article(s) read" in two.output
    assert (tmp_path / "one" / "graph.ttl").read_bytes() == (tmp_path / "two" / "graph.ttl").read_bytes()


def test_bench_prints_a_row_per_stage_of_the_build_against_bare_jieba():
    from kg.tools.bench import STAGES

    result = runner.invoke(app, ["bench", "--articles", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 articles (")
    first_cells = [line.split("  ")[0] for line in result.stdout.splitlines()]
    for row in (*STAGES, "total", "bare jieba lcut", "kg build --jobs 1", "ratio"):
        assert row in first_cells, row


def test_bench_needs_at_least_one_article():
    result = runner.invoke(app, ["bench", "--articles", "0"])
    assert result.exit_code == 1
    assert result.output == "Error: a benchmark needs at least one article, not 0\n"


def test_the_build_help_states_the_librarys_article_size_limit():
    from kg.prepare.read import DEFAULT_MAX_ARTICLE_MB

    result = CliRunner().invoke(app, ["build", "--help"])
    flat = "".join(c for c in result.output if c not in "│ \n")  # the help is wrapped in a box
    assert f"(default{DEFAULT_MAX_ARTICLE_MB:g})" in flat


def test_the_kg_script_exits_with_the_commands_status_once_its_files_are_written(tmp_path):
    # The script ends the process without freeing the heap (kg.cli.main): what it wrote must be complete,
    # and a failure still exits 1 with its one line.
    import subprocess
    import sys

    built = subprocess.run([sys.executable, "-m", "kg", "build", str(SEEDS), "--out", str(tmp_path / "out"), "--jobs", "1"],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert "Built" in built.stderr
    graph = (tmp_path / "out" / "graph.ttl").read_text("utf-8")
    assert graph.endswith(" .\n") and "kg:Article" in graph
    assert (tmp_path / "out" / "views" / "data" / "shards.json").read_text("utf-8").endswith("}\n")
    failed = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "missing"), "--out", str(tmp_path / "x")],
                            capture_output=True, text=True)
    assert failed.returncode == 1
    assert failed.stderr.startswith("Error: input not found")
