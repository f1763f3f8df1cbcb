"""--out only ever replaces a kg build: real folders of user files stay byte-identical."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.outdir as outdir
import kg.pipeline as pipeline
from kg.cli.commands import app
from kg.errors import OutputError
from kg.outdir import MANIFEST, check_out_dir, exchange, is_kg_build, recover_leftovers

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) by relative path, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def two_articles(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for source in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(source, folder / source.name)
    return folder


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A user's folder: articles in papers/, a thesis in docs/, a loose file; the working directory."""
    two_articles(tmp_path / "papers")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "thesis.docx").write_bytes(b"PK\x03\x04 my thesis \xff\x00")
    (tmp_path / "notes.txt").write_text("my notes\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


REFUSED = [
    # (inputs, --out, what the one Error: line says)
    (["papers"], "papers", "--out papers is one of the inputs"),
    (["papers"], "docs", "--out docs is a folder that kg did not build (kg-build.json is missing) and it is not empty"),
    (["papers"], "notes.txt", "--out notes.txt is a file, not a folder"),
    (["papers"], ".", "--out . contains the input papers"),
    (["papers"], "papers/graph", "--out papers/graph is inside the input papers"),
    (["papers/" + sorted(p.name for p in SEEDS.glob("*.txt"))[0]], "papers", "--out papers contains the input"),
    (["."], "exports", "--out exports is inside the input ."),
]


@pytest.mark.parametrize("inputs, out, message", REFUSED)
def test_build_refuses_an_out_that_is_not_its_own_and_touches_nothing(home, inputs, out, message):
    before = snapshot(home)

    result = runner.invoke(app, ["build", *inputs, "--out", out])

    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {message}"), result.output
    assert snapshot(home) == before
    assert sorted(p.name for p in home.iterdir()) == ["docs", "notes.txt", "papers"]  # no staging left


def test_a_symlink_to_an_input_is_the_input(home):
    (home / "link").symlink_to(home / "papers")
    with pytest.raises(OutputError, match="is one of the inputs"):
        check_out_dir(home / "link", [home / "papers"])


def test_an_empty_folder_becomes_a_marked_build(home):
    (home / "empty").mkdir()

    result = runner.invoke(app, ["build", "papers", "--out", "empty"])

    assert result.exit_code == 0, result.output
    assert is_kg_build(home / "empty")
    assert (home / "empty" / "graph.ttl").is_file()


def test_an_earlier_build_is_replaced_whole(home):
    assert runner.invoke(app, ["build", "papers", "--out", "exports"]).exit_code == 0
    (home / "exports" / "left-over.txt").write_text("from the old build", "utf-8")

    result = runner.invoke(app, ["build", "papers", "--out", "exports"])

    assert result.exit_code == 0, result.output
    assert not (home / "exports" / "left-over.txt").exists()
    assert is_kg_build(home / "exports")
    assert sorted(p.name for p in home.iterdir()) == [".exports.kg-cache", "docs", "exports", "notes.txt", "papers"]


def test_a_kg_build_inside_the_inputs_is_not_read_as_articles(home):
    assert runner.invoke(app, ["build", "papers", "--out", "exports"]).exit_code == 0
    corpus = two_articles(home / "corpus")
    shutil.move(home / "exports", corpus / "old-build")  # a build (html, csv, json) among the articles
    staging = corpus / ".other.kg-staging-1-ab"
    shutil.copytree(corpus / "old-build", staging)

    result = pipeline.build([corpus], home / "out")

    assert len(result.report.articles) == 2
    assert all("old-build" not in s.source and "staging" not in s.source for s in result.report.skipped)


def test_a_kg_build_named_as_an_input_is_reported_not_read(home):
    assert runner.invoke(app, ["build", "papers", "--out", "exports"]).exit_code == 0

    result = pipeline.build([home / "papers", home / "exports"], home / "out")

    assert len(result.report.articles) == 2
    assert [(s.source, s.reason) for s in result.report.skipped] == [
        (str(home / "exports"), "an output folder of kg build, not articles")
    ]


# ------------------------------------------------------------------ killed builds
def dead_pid() -> int:
    """The pid of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def marked_folder(path: Path, content: str) -> Path:
    path.mkdir()
    (path / MANIFEST).write_text(outdir.manifest_text(), "utf-8")
    (path / "graph.ttl").write_text(content, "utf-8")
    return path


def test_stale_staging_of_a_killed_build_is_removed_by_the_next_build(home):
    stale = marked_folder(home / f".exports.kg-staging-{dead_pid()}-0a1b", "half written")
    running = marked_folder(home / f".exports.kg-staging-{os.getppid()}-0c1d", "another build, still running")
    unmarked = home / f".exports.kg-staging-{dead_pid()}-0e1f"
    unmarked.mkdir()
    (unmarked / "mine.txt").write_text("not kg's", "utf-8")

    assert runner.invoke(app, ["build", "papers", "--out", "exports"]).exit_code == 0

    assert not stale.exists()
    assert (running / "graph.ttl").read_text("utf-8") == "another build, still running"
    assert (unmarked / "mine.txt").read_text("utf-8") == "not kg's"


def test_an_old_build_set_aside_by_a_killed_swap_is_put_back(home):
    old = marked_folder(home / f".exports.kg-old-{dead_pid()}-0a1b", "the old build")

    recover_leftovers(home / "exports")

    assert not old.exists()
    assert (home / "exports" / "graph.ttl").read_text("utf-8") == "the old build"


def test_exchange_swaps_two_folders(tmp_path):
    a, b = marked_folder(tmp_path / "a", "A"), marked_folder(tmp_path / "b", "B")
    if not exchange(a, b):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available here")
    assert (a / "graph.ttl").read_text("utf-8") == "B"
    assert (b / "graph.ttl").read_text("utf-8") == "A"


def test_without_exchange_a_failed_second_rename_puts_the_old_build_back(home, monkeypatch):
    assert runner.invoke(app, ["build", "papers", "--out", "exports"]).exit_code == 0
    before = snapshot(home / "exports")
    monkeypatch.setattr(outdir, "exchange", lambda a, b: False)
    real_rename = os.rename

    def rename(src, dst):
        if ".kg-staging-" in str(src):
            raise OSError(28, "No space left on device")
        real_rename(src, dst)

    monkeypatch.setattr(outdir.os, "rename", rename)
    with pytest.raises(OSError):
        pipeline.build([home / "papers"], home / "exports")

    assert snapshot(home / "exports") == before
    assert sorted(p.name for p in home.iterdir()) == [".exports.kg-cache", "docs", "exports", "notes.txt", "papers"]


def test_ctrl_c_leaves_the_old_build_and_says_so_in_one_line(home, monkeypatch):
    assert runner.invoke(app, ["build", "papers", "--out", "exports"]).exit_code == 0
    before = snapshot(home / "exports")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.pipeline.write_views", interrupted)
    result = runner.invoke(app, ["build", "papers", "--out", "exports"])

    assert result.exit_code == 130
    assert result.output == "Interrupted; exports left as it was.\n"
    assert snapshot(home / "exports") == before
    assert sorted(p.name for p in home.iterdir()) == [".exports.kg-cache", "docs", "exports", "notes.txt", "papers"]
