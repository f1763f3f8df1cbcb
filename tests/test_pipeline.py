"""Pipeline: parallel extraction gives the serial result; outputs are replaced atomically."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kg.pipeline as pipeline
from kg.errors import NoArticlesError, StageError
from kg.outdir import MANIFEST, manifest_text
from kg.workers.local import MIN_FILES_PER_WORKER, worker_count

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def many_articles(folder: Path, count: int) -> Path:
    """``count`` distinct articles: the seeds, each with a line that makes it unique."""
    seeds = sorted(SEEDS.glob("*.txt"))
    folder.mkdir()
    for i in range(count):
        text = seeds[i % len(seeds)].read_text("utf-8")
        (folder / f"a{i:03d}.txt").write_text(f"{text}\n第{i}号补充说明。\n", "utf-8")
    return folder


def test_parallel_extraction_equals_serial(tmp_path):
    corpus = many_articles(tmp_path / "corpus", 2 * MIN_FILES_PER_WORKER)
    serial = pipeline.extract_corpus([corpus], jobs=1)
    parallel = pipeline.extract_corpus([corpus], jobs=2)
    assert worker_count(2, 2 * MIN_FILES_PER_WORKER) == 2
    assert serial == parallel


def test_repeated_content_is_skipped_as_a_duplicate(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text("utf-8")
    (corpus / "a.txt").write_text(text, "utf-8")
    (corpus / "b.txt").write_text(text, "utf-8")
    summaries, _, skipped = pipeline.extract_corpus([corpus])
    assert [s.source for s in summaries] == [str(corpus / "a.txt")]
    assert [(s.source, s.reason) for s in skipped] == [(str(corpus / "b.txt"), f"duplicate of {corpus / 'a.txt'}")]


def earlier_build(out: Path) -> Path:
    """A folder that looks like an earlier kg build: the manifest and an old graph.ttl."""
    out.mkdir()
    (out / MANIFEST).write_text(manifest_text(), "utf-8")
    (out / "graph.ttl").write_text("old", "utf-8")
    return out


def test_no_usable_article_raises_and_keeps_the_old_outputs(tmp_path):
    out = earlier_build(tmp_path / "out")
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("", "utf-8")
    with pytest.raises(NoArticlesError, match="blank.txt: empty file"):
        pipeline.build([empty], out)
    assert (out / "graph.ttl").read_text("utf-8") == "old"


def test_a_failing_stage_is_named_and_leaves_the_old_outputs(tmp_path, monkeypatch):
    out = earlier_build(tmp_path / "out")

    def broken_views(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("kg.pipeline.write_views", broken_views)
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    with pytest.raises(StageError, match="stage 'views' failed: RuntimeError: disk full"):
        pipeline.build([corpus], out)
    assert (out / "graph.ttl").read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "out"]  # no staging folder left behind
