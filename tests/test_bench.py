"""The benchmark: its corpus and a smoke run. Timings are not asserted."""
from __future__ import annotations

import pytest

from kg.tools.bench import STAGES, make_corpus, run_bench, seeds_dir
from kg.errors import InputError, KgError


def test_synthetic_articles_are_distinct_and_cycle_through_the_seeds(tmp_path):
    seeds = sorted(seeds_dir().glob("*.txt"))

    size = make_corpus(tmp_path, len(seeds) + 2, seeds_dir())

    written = sorted(tmp_path.iterdir())
    texts = [path.read_text("utf-8") for path in written]
    assert len(set(texts)) == len(seeds) + 2
    assert written[len(seeds)].name == f"{len(seeds):06d}_{seeds[0].name}"
    assert texts[len(seeds)].startswith(seeds[0].read_text("utf-8").rstrip())
    assert size == sum(len(text.encode("utf-8")) for text in texts)


def test_without_seeds_the_error_says_what_is_missing(tmp_path):
    with pytest.raises(KgError, match=r"no seed articles \(\*\.txt\) in .*empty"):
        make_corpus(tmp_path / "corpus", 3, tmp_path / "empty")


def test_a_benchmark_needs_an_article():
    with pytest.raises(InputError, match="at least one article, not 0"):
        run_bench(0, None)


def test_smoke_run_reports_every_stage():
    table = run_bench(3, None)

    assert table.startswith("3 articles (")
    for name in (*STAGES, "total"):
        assert any(line.startswith(name + " ") for line in table.splitlines()), name
