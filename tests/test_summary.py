"""What kg build prints when it ends, and its progress bar: escaped, capped, and silent off a terminal."""
from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from kg.cli.progress import BuildProgress
from kg.cli.summary import print_summary
from kg.model import BuildReport, ResolvedCorpus, Skipped
from kg.pipeline import BuildResult


def printed(result: BuildResult) -> str:
    buffer = io.StringIO()
    print_summary(Console(file=buffer, width=200, color_system=None), result)
    return buffer.getvalue()


def result_with(skipped: list[Skipped], counts=(("AdministrativeUnit", 3), ("Person", 0))) -> BuildResult:
    report = BuildReport(articles=(), skipped=tuple(skipped), entity_counts=counts)
    return BuildResult(out_dir=Path("exports"), report=report, corpus=ResolvedCorpus((), ()), triples=42)


def test_the_summary_names_the_folder_the_counts_and_each_class():
    lines = printed(result_with([Skipped("a.txt", "empty file")])).splitlines()
    assert lines[0] == "Built exports/: 0 article(s) read, 1 skipped, 42 triples."
    assert lines[1:3] == ["Skipped:", "  a.txt: empty file"]
    assert [line.split() for line in lines[-2:]] == [["AdministrativeUnit", "3"], ["Person", "0"]]


def test_at_most_twenty_skipped_files_are_listed():
    text = printed(result_with([Skipped(f"{i}.txt", "empty file") for i in range(23)]))
    assert "  19.txt: empty file" in text and "  20.txt" not in text
    assert "  … and 3 more (see report.json)" in text


def test_control_characters_in_a_skipped_name_are_shown_escaped():
    text = printed(result_with([Skipped("evil\x1b]0;owned\x07.txt", "bad\x1b[2J")]))
    assert "\x1b" not in text and "\x07" not in text
    assert "evil\\x1b]0;owned\\x07.txt: bad\\x1b[2J" in text


def test_no_progress_bar_off_a_terminal():
    buffer = io.StringIO()
    with BuildProgress(Console(file=buffer, force_terminal=False)) as progress:
        progress.update(1, 2, "a.txt")
        progress.update(2, 2, "b.txt")
    assert buffer.getvalue() == ""


def test_the_bar_counts_files_on_a_terminal():
    buffer = io.StringIO()
    with BuildProgress(Console(file=buffer, force_terminal=True, width=100)) as progress:
        progress.update(3, 7, "folder/c.txt")
    assert "3/7" in buffer.getvalue()
