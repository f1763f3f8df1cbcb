"""Where the build stands against bare jieba (``kg bench``): per stage, in total, and in peak memory.

One run builds a corpus and segments the same corpus with jieba's own
``lcut``, each in a process of its own started here and waited for with
``os.wait4``, so CPU (user + system) and peak RSS are the kernel's figures for
whole processes, as ``/usr/bin/time`` reports them. The build is
``kg.pipeline.build(..., jobs=1)`` itself, started from ``kg.tools.benchrun``
(which loads nothing of the benchmark), and the per-stage figures are the
seconds it records (``BuildResult.timings``); the baseline is
``jieba_baseline.py``, which loads nothing of kg.

The corpus is a folder of the user's (``--corpus``) or a synthetic one: the
seed articles shipped with the package (``kg/tools/seeds``, a copy of the
repository's ``seeds/``) repeated to the requested size. Each copy gets a line
of its own, because the read stage skips an article whose content repeats one
already read; that line names no entity, so every copy yields its seed's
entities again.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rich.console import Console

from kg.errors import InputError, KgError
from kg.prepare.read import find_files
from kg.tools import jieba_baseline
from kg.tools.benchrun import BUILD_RUN

# The stages kg.pipeline.build times, in the order they run.
STAGES = ("read + prepare", "segment + extract", "resolve", "graph", "analyse", "export", "views")


@dataclass(frozen=True)
class StageTime:
    name: str
    seconds: float


@dataclass(frozen=True)
class ProcessUse:
    """What one whole process used, as the kernel counts it."""

    cpu_seconds: float  # user + system
    peak_rss_mb: float


@dataclass(frozen=True)
class BenchResult:
    corpus: str  # the folder given, or how the synthetic corpus was made
    articles: int  # articles built (the corpus less any skipped)
    skipped: int
    corpus_bytes: int
    triples: int
    stages: tuple[StageTime, ...]  # seconds the build records per stage (one process)
    jieba_seconds: float  # seconds inside jieba's lcut, over the same articles
    build: ProcessUse
    jieba: ProcessUse

    @property
    def seconds(self) -> float:
        return sum(s.seconds for s in self.stages)


def seeds_dir() -> Path:
    """The seed articles shipped with the package (a copy of the repository's ``seeds/``)."""
    return Path(str(resources.files("kg.tools").joinpath("seeds")))


def make_corpus(folder: Path, articles: int, seeds: Path) -> int:
    """Write ``articles`` distinct variants of the seed articles into ``folder``; return their size in bytes."""
    originals = sorted(seeds.glob("*.txt"))
    if not originals:
        raise KgError(f"no seed articles (*.txt) in {seeds}: give a corpus of your own with kg bench --corpus DIR")
    texts = [path.read_text("utf-8") for path in originals]
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(articles):
        seed = i % len(originals)
        # A serial number only: it names no entity, so every copy yields the seed's graph.
        text = f"{texts[seed].rstrip()}\n\n稿件编号：{i:06d}\n"
        path = folder / f"{i:06d}_{originals[seed].name}"
        path.write_text(text, "utf-8")
        size += len(text.encode("utf-8"))
    return size


def corpus_bytes(corpus: Path) -> int:
    total = 0
    for path in find_files([corpus]):
        try:
            total += path.stat().st_size
        except OSError:
            pass
    return total


def run_bench(articles: int = 500, progress: Console | None = None, corpus: Path | None = None) -> str:
    """Build a corpus and segment it with bare jieba; return a table of the figures.

    ``corpus``, when given, is an existing folder of articles; otherwise a
    synthetic corpus of ``articles`` seed variants is written to a temporary
    folder. ``progress``, when given, shows which run is going on.
    """
    return format_bench(measure(articles, progress, corpus))


def measure(articles: int = 500, progress: Console | None = None, corpus: Path | None = None) -> BenchResult:
    if corpus is None and articles < 1:
        raise InputError(f"a benchmark needs at least one article, not {articles}")
    if corpus is not None and not corpus.exists():
        raise InputError(f"corpus not found: {corpus} (give an existing folder of articles)")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        if corpus is None:
            corpus, described = work / "corpus", f"synthetic: {articles} variants of the seed articles"
            with _status(progress, f"writing {articles} synthetic articles"):
                size = make_corpus(corpus, articles, seeds_dir())
        else:
            described, size = str(corpus), corpus_bytes(corpus)
        with _status(progress, "building the corpus (one process)"):
            built, build_use = run_measured(
                "build", [sys.executable, "-c", BUILD_RUN, str(corpus), str(work / "out")], work
            )
        with _status(progress, "segmenting the same corpus with bare jieba lcut"):
            segmented, jieba_use = run_measured(
                "jieba", [sys.executable, "-P", jieba_baseline.__file__, str(corpus)], work
            )
    return BenchResult(
        corpus=described,
        articles=built["articles"],
        skipped=built["skipped"],
        corpus_bytes=size,
        triples=built["triples"],
        stages=tuple(StageTime(name, seconds) for name, seconds in built["timings"]),
        jieba_seconds=segmented["lcut_seconds"],
        build=build_use,
        jieba=jieba_use,
    )


def run_measured(name: str, command: list[str], work: Path) -> tuple[dict, ProcessUse]:
    """Run ``command`` (its last argument: a report file it writes), return the report and what the process used."""
    report, log = work / f"{name}.json", work / f"{name}.log"
    with log.open("wb") as stream:
        process = subprocess.Popen([*command, str(report)], stdout=stream, stderr=subprocess.STDOUT)
    try:
        _, status, usage = os.wait4(process.pid, 0)
    except BaseException:  # Ctrl-C: the run does not outlive the benchmark
        process.kill()
        process.wait()
        raise
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    figures = json.loads(report.read_text("utf-8")) if report.exists() else None
    if figures and "error" in figures:
        raise KgError(f"the benchmark's {name} run failed: {figures['error']}")
    if process.returncode or figures is None:
        last = (log.read_text("utf-8", "replace").strip().splitlines() or ["no output"])[-1]
        raise KgError(f"the benchmark's {name} run failed (exit status {process.returncode}): {last}")
    # ru_maxrss is in kilobytes on Linux.
    return figures, ProcessUse(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


@contextmanager
def _status(progress: Console | None, message: str) -> Iterator[None]:
    if progress is None:
        yield
        return
    with progress.status(f"{message}…"):
        yield


def format_bench(result: BenchResult) -> str:
    """Plain-text tables: seconds per stage against jieba's, then whole processes."""
    megabytes = result.corpus_bytes / 1_000_000
    header = (
        f"{result.articles} articles ({megabytes:.2f} MB), {result.triples} triples"
        + (f", {result.skipped} skipped" if result.skipped else "")
        + f"; corpus: {result.corpus}"
    )
    lines = [header, "", f"{'stage':<28}{'seconds':>10}{'× jieba':>10}{'articles/s':>12}{'MB/s':>9}"]
    # What the process spent outside the stages: start-up and imports, hashing the inputs, the build cache.
    outside = max(0.0, result.build.cpu_seconds - result.seconds)
    rows = [*((s.name, s.seconds) for s in result.stages), ("total", result.seconds),
            ("not in a stage", outside), ("bare jieba lcut", result.jieba_seconds)]
    for name, seconds in rows:
        lines.append(
            f"{name:<28}{seconds:>10.3f}{_ratio(seconds, result.jieba_seconds):>10}"
            f"{_rate(result.articles, seconds, 1):>12}{_rate(megabytes, seconds, 3):>9}"
        )
    b, j = result.build, result.jieba
    lines += [
        "",
        f"{'whole process':<28}{'CPU s':>10}{'peak RSS MB':>14}",
        f"{'kg build --jobs 1':<28}{b.cpu_seconds:>10.2f}{b.peak_rss_mb:>14.0f}",
        f"{'bare jieba lcut':<28}{j.cpu_seconds:>10.2f}{j.peak_rss_mb:>14.0f}",
        f"{'ratio':<28}{_ratio(b.cpu_seconds, j.cpu_seconds):>10}{_ratio(b.peak_rss_mb, j.peak_rss_mb):>14}",
    ]
    return "\n".join(lines)


def _ratio(amount: float, unit: float) -> str:
    return f"{amount / unit:.2f}×" if unit > 0 else "-"


def _rate(amount: float, seconds: float, decimals: int) -> str:
    return f"{amount / seconds:.{decimals}f}" if seconds > 0 else "-"
