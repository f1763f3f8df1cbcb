"""The benchmark: its corpora, how it measures a process, its baseline and its table. Timings are not asserted."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli.commands import app
from kg.errors import InputError, KgError
from kg.tools import jieba_baseline
from kg.tools.bench import (
    STAGES,
    BenchResult,
    ProcessUse,
    StageTime,
    format_bench,
    make_corpus,
    run_bench,
    run_measured,
    seeds_dir,
)

REPO_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


def test_synthetic_articles_are_distinct_and_cycle_through_the_seeds(tmp_path):
    seeds = sorted(seeds_dir().glob("*.txt"))

    size = make_corpus(tmp_path, len(seeds) + 2, seeds_dir())

    written = sorted(tmp_path.iterdir())
    texts = [path.read_text("utf-8") for path in written]
    assert len(set(texts)) == len(seeds) + 2
    assert written[len(seeds)].name == f"{len(seeds):06d}_{seeds[0].name}"
    assert texts[len(seeds)].startswith(seeds[0].read_text("utf-8").rstrip())
    assert size == sum(len(text.encode("utf-8")) for text in texts)


@pytest.mark.skipif(not REPO_SEEDS.is_dir(), reason="needs the repository's seeds/ (a checkout)")
def test_the_shipped_seeds_are_the_repositorys():
    shipped = {path.name: path.read_bytes() for path in seeds_dir().glob("*.txt")}
    assert shipped == {path.name: path.read_bytes() for path in REPO_SEEDS.glob("*.txt")}


def test_without_seeds_the_error_says_what_to_do(tmp_path):
    with pytest.raises(KgError, match=r"no seed articles \(\*\.txt\) in .*empty: give a corpus of your own with kg bench --corpus DIR"):
        make_corpus(tmp_path / "corpus", 3, tmp_path / "empty")


@pytest.mark.parametrize(
    "kwargs, message",
    [({"articles": 0}, "at least one article, not 0"), ({"corpus": Path("/nowhere/at/all")}, "corpus not found: /nowhere")],
)
def test_a_benchmark_needs_articles(kwargs, message):
    with pytest.raises(InputError, match=message):
        run_bench(**kwargs)


def test_the_kernel_figures_are_the_child_process_own(tmp_path):
    # The child writes 300 MB and spins for a while; this process does neither.
    code = (
        "import sys, time; block = b'x' * 300_000_000; end = time.process_time() + 0.3\n"
        "while time.process_time() < end: pass\n"
        "open(sys.argv[1], 'w').write('{\"done\": true}')"
    )
    figures, used = run_measured("probe", [sys.executable, "-c", code], tmp_path)
    assert figures == {"done": True}
    assert used.peak_rss_mb >= 290 and used.cpu_seconds >= 0.3


@pytest.mark.parametrize(
    "code, message",
    [
        ("import sys; sys.exit('it broke')", r"the benchmark's probe run failed \(exit status 1\): it broke"),
        ("import sys, json; open(sys.argv[1], 'w').write(json.dumps({'error': 'no usable article'}))",
         "the benchmark's probe run failed: no usable article"),
    ],
)
def test_a_failed_run_is_one_error(tmp_path, code, message):
    with pytest.raises(KgError, match=message):
        run_measured("probe", [sys.executable, "-c", code], tmp_path)


def test_the_baseline_reads_each_format_bare(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeff社区".encode("utf-8"))
    (tmp_path / "b.jsonl").write_text('{"text": "街道"}\nnot json\n{"title": "none"}\n', "utf-8")
    (tmp_path / "c.html").write_text("<html><style>p{}</style><p>党委</p><script>x()</script></html>", "utf-8")
    (tmp_path / ".hidden.txt").write_text("隐藏", "utf-8")
    (tmp_path / "d.pdf").write_bytes(b"%PDF")
    texts = [t.strip() for path in jieba_baseline.corpus_files(tmp_path) for t in jieba_baseline.article_texts(path)]
    assert texts == ["社区", "街道", "党委"]


def test_the_baseline_counts_what_jieba_cuts(tmp_path):
    (tmp_path / "a.txt").write_text("我爱北京天安门", "utf-8")  # jieba's own example: 我/爱/北京/天安门
    figures = jieba_baseline.measure(tmp_path)
    assert (figures["articles"], figures["characters"], figures["tokens"]) == (1, 7, 4)


def test_the_baseline_loads_nothing_of_kg():
    tree = ast.parse(Path(jieba_baseline.__file__).read_text("utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {name for name in imported if name and name.split(".")[0] == "kg"}


def test_the_build_run_loads_nothing_of_the_benchmark():
    # Its process's CPU is the build's figure: the bench's console, its baseline and jieba (which a build
    # with its tables made never imports) would be counted as the build's.
    code = ("import sys; import kg.tools.benchrun; "
            "print(' '.join(m for m in ('kg.tools.bench', 'kg.tools.jieba_baseline', 'jieba', 'rich') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def test_the_table_divides_each_stage_by_jieba():
    result = BenchResult(
        corpus="c", articles=10, skipped=0, corpus_bytes=2_000_000, triples=5,
        stages=(StageTime("read + prepare", 1.0), StageTime("segment + extract", 3.0)),
        jieba_seconds=2.0, build=ProcessUse(9.0, 600.0), jieba=ProcessUse(3.0, 150.0),
    )
    rows = {line[:28].strip(): line[28:].split() for line in format_bench(result).splitlines()[3:] if line.strip()}
    assert rows["read + prepare"][:2] == ["1.000", "0.50×"]
    assert rows["segment + extract"][:2] == ["3.000", "1.50×"]
    assert rows["total"][:2] == ["4.000", "2.00×"]
    assert rows["not in a stage"][:2] == ["5.000", "2.50×"]  # the process's 9 s CPU less the stages' 4
    assert rows["ratio"] == ["3.00×", "4.00×"]  # CPU 9 / 3, peak RSS 600 / 150


def test_smoke_run_reports_every_stage_and_the_baseline():
    table = run_bench(3, None)

    assert table.startswith("3 articles (")
    for name in (*STAGES, "total", "bare jieba lcut", "kg build --jobs 1", "ratio"):
        assert any(line.startswith(name + " ") for line in table.splitlines()), name


def test_kg_bench_measures_a_corpus_folder(tmp_path):
    corpus = tmp_path / "mine"
    make_corpus(corpus, 2, seeds_dir())
    (corpus / "empty.txt").write_text("", "utf-8")

    result = runner.invoke(app, ["bench", "--corpus", str(corpus)])

    assert result.exit_code == 0, result.output
    assert "2 articles (" in result.output and f"1 skipped; corpus: {corpus}" in result.output


def test_kg_bench_takes_one_corpus(tmp_path):
    result = runner.invoke(app, ["bench", "-n", "3", "--corpus", str(tmp_path)])
    assert result.exit_code == 2 and "give either --articles or --corpus, not both" in result.output
