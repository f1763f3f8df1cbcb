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


def test_the_build_help_states_the_librarys_article_size_limit():
    from kg.prepare.read import DEFAULT_MAX_ARTICLE_MB

    result = CliRunner().invoke(app, ["build", "--help"])
    flat = "".join(c for c in result.output if c not in "│ \n")  # the help is wrapped in a box
    assert f"(default{DEFAULT_MAX_ARTICLE_MB:g})" in flat
