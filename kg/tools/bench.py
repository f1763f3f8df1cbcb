"""Time each pipeline stage on a synthetic corpus made from the seed articles (``kg bench``).

The corpus is the repository's ``seeds/`` repeated to the requested size.
Each copy gets a line of its own, because the read stage skips an article
whose content repeats one already read, and a corpus of skipped copies would
time nothing. The build is ``kg.pipeline.build`` itself, on one process, and the
figures are the seconds it records per stage.
"""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

import kg
from kg.errors import InputError, KgError
from kg.pipeline import build

# The stages kg.pipeline.build times, in the order they run.
STAGES = ("read + prepare", "segment + extract", "resolve", "graph", "analyse", "export", "views")


@dataclass(frozen=True)
class StageTime:
    name: str
    seconds: float


@dataclass(frozen=True)
class BenchResult:
    articles: int  # articles built (the corpus less any skipped)
    skipped: int
    corpus_bytes: int
    triples: int
    stages: tuple[StageTime, ...]

    @property
    def seconds(self) -> float:
        return sum(s.seconds for s in self.stages)


def seeds_dir() -> Path:
    """The repository's seed articles, beside the package."""
    return Path(kg.__file__).resolve().parent.parent / "seeds"


def make_corpus(folder: Path, articles: int, seeds: Path) -> int:
    """Write ``articles`` distinct variants of the seed articles into ``folder``; return their size in bytes."""
    originals = sorted(seeds.glob("*.txt"))
    if not originals:
        raise KgError(f"no seed articles (*.txt) in {seeds}: kg bench needs the repository's seeds/ folder")
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


def run_bench(articles: int, progress: Console | None = None) -> str:
    """Build a synthetic corpus of ``articles`` articles, time every stage, return a table of figures.

    ``progress``, when given, shows which stage is running.
    """
    return format_bench(measure(articles, progress))


def measure(articles: int, progress: Console | None = None) -> BenchResult:
    if articles < 1:
        raise InputError(f"a benchmark needs at least one article, not {articles}")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        corpus_dir, out_dir = Path(tmp) / "corpus", Path(tmp) / "out"
        with _status(progress, f"writing {articles} synthetic articles"):
            corpus_bytes = make_corpus(corpus_dir, articles, seeds_dir())
        with _status(progress, f"building {articles} articles"):
            result = build([corpus_dir], out_dir, jobs=1)
    return BenchResult(
        articles=len(result.report.articles),
        skipped=len(result.report.skipped),
        corpus_bytes=corpus_bytes,
        triples=result.triples,
        stages=tuple(StageTime(name, seconds) for name, seconds in result.timings),
    )


@contextmanager
def _status(progress: Console | None, message: str) -> Iterator[None]:
    if progress is None:
        yield
        return
    with progress.status(f"{message}…"):
        yield


def format_bench(result: BenchResult) -> str:
    """A plain-text table: one row per stage and a total, with throughput."""
    megabytes = result.corpus_bytes / 1_000_000
    header = (
        f"{result.articles} articles ({megabytes:.2f} MB), {result.triples} triples"
        + (f", {result.skipped} skipped" if result.skipped else "")
    )
    lines = [header, "", f"{'stage':<32}{'seconds':>10}{'articles/s':>12}{'MB/s':>10}"]
    rows = [*((s.name, s.seconds) for s in result.stages), ("total", result.seconds)]
    for name, seconds in rows:
        lines.append(
            f"{name:<32}{seconds:>10.3f}{_rate(result.articles, seconds, 1):>12}{_rate(megabytes, seconds, 3):>10}"
        )
    return "\n".join(lines)


def _rate(amount: float, seconds: float, decimals: int) -> str:
    return f"{amount / seconds:.{decimals}f}" if seconds > 0 else "-"
