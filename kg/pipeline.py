"""Runs the stages: read → normalise → segment → extract → resolve → graph → analyse → export.

Per-article stages are pure functions (article in, result out) so a corpus
streams through them one article at a time; only each article's extraction
and summary are kept for the corpus-wide stages. Any failure is re-raised as
a ``StageError`` naming the stage, and the output folder is replaced only
once every file of the new build has been written.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

from kg.analyse import analyse, annotate_graph
from kg.errors import InputError, KgError, NoArticlesError, stage
from kg.extract import process_article
from kg.model import (
    TOP_CLASSES,
    Article,
    ArticleExtraction,
    ArticleSummary,
    BuildReport,
    ResolvedCorpus,
    Skipped,
    summarise,
)
from kg.outdir import check_out_dir, replacing, show_path
from kg.prepare import prepare_article
from kg.prepare.read import DEFAULT_MAX_ARTICLE_MB, find_files, read_file
from kg.rdf import RDF_FORMATS, build_graph, write_graph
from kg.resolve import resolve
from kg.views import write_views
from kg.workers import map_files

# progress(done, total, source) is called once per input file.
ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    report: BuildReport
    corpus: ResolvedCorpus
    triples: int
    # Seconds per stage, in the order they ran. The per-article stages are
    # summed over articles (CPU seconds across workers when there are several).
    timings: tuple[tuple[str, float], ...] = ()


class StageClock:
    """Seconds spent per stage, summed over every time a stage runs; names any failure (``stage``)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            with stage(name):
                yield
        finally:
            self.add(name, time.perf_counter() - started)

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def merge(self, other: dict[str, float]) -> None:
        for name, seconds in other.items():
            self.add(name, seconds)


def first_copy(seen: dict[str, str], article_id: str, source: str) -> Skipped | None:
    """None the first time an article's content is seen (recording where); later, a ``Skipped`` naming the first."""
    if article_id in seen:
        return Skipped(source, f"duplicate of {seen[article_id]}")
    seen[article_id] = source
    return None


def read_articles(path: Path, max_article_mb: float = DEFAULT_MAX_ARTICLE_MB) -> Iterator[Article | Skipped]:
    """Each article of one input file, prepared; whatever fails on one file or line, a ``Skipped`` with why.

    One bad input never ends a build: an unexpected error while reading or
    preparing it is that input's skip reason, naming the stage.
    """
    try:
        with stage("read"):
            items = read_file(path, max_article_mb)
    except KgError as error:
        yield Skipped(show_path(path), str(error))
        return
    for item in items:
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            article = prepare_article(item)
        except KgError as error:
            yield Skipped(item.source, str(error))
        else:
            yield article


def read_corpus(
    inputs: Sequence[Path], progress: ProgressCallback | None = None, max_article_mb: float = DEFAULT_MAX_ARTICLE_MB
) -> Iterator[Article | Skipped]:
    """Yield every usable article under the inputs, and a ``Skipped`` for each unusable one.

    An article whose content repeats one already read is skipped as a duplicate.
    """
    with stage("read"):
        files = find_files(inputs)
    seen: dict[str, str] = {}
    for done, path in enumerate(files, start=1):
        for item in read_articles(path, max_article_mb):
            yield item if isinstance(item, Skipped) else first_copy(seen, item.id, item.source) or item
        if progress:
            progress(done, len(files), show_path(path))


FileResult = tuple[list[Skipped | tuple[ArticleSummary, ArticleExtraction]], dict[str, float]]


def read_and_extract(path: Path, max_article_mb: float = DEFAULT_MAX_ARTICLE_MB) -> FileResult:
    """All one input file contributes, and the seconds its stages took: the unit of work of a worker."""
    clock = StageClock()
    out: list[Skipped | tuple[ArticleSummary, ArticleExtraction]] = []
    started = time.perf_counter()
    for item in read_articles(path, max_article_mb):
        clock.add("read + prepare", time.perf_counter() - started)
        if not isinstance(item, Skipped):
            started = time.perf_counter()
            try:
                out.append((summarise(item), process_article(item)))
            except KgError as error:
                out.append(Skipped(item.source, str(error)))
            clock.add("segment + extract", time.perf_counter() - started)
        else:
            out.append(item)
        started = time.perf_counter()
    clock.add("read + prepare", time.perf_counter() - started)
    return out, clock.seconds


def extract_corpus(
    inputs: Sequence[Path],
    progress: ProgressCallback | None = None,
    jobs: int = 1,
    max_article_mb: float = DEFAULT_MAX_ARTICLE_MB,
    clock: StageClock | None = None,
    scheduler: str | None = None,
) -> tuple[list[ArticleSummary], list[ArticleExtraction], list[Skipped]]:
    """Read and extract every article under the inputs, in input order, on ``jobs`` processes
    or on the Dask cluster of ``scheduler`` (``tcp://HOST:PORT``).

    The result does not depend on ``jobs`` or ``scheduler``: files are taken in order and an
    article whose content repeats one already read is skipped as a duplicate.
    ``clock``, when given, receives the seconds of the per-article stages.
    """
    with stage("read"):
        files = find_files(inputs)
    summaries: list[ArticleSummary] = []
    extractions: list[ArticleExtraction] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    work = partial(read_and_extract, max_article_mb=max_article_mb)
    with map_files(work, files, jobs=jobs, scheduler=scheduler) as results:
        for done, (path, (items, seconds)) in enumerate(zip(files, results), start=1):
            if clock:
                clock.merge(seconds)
            for item in items:
                if isinstance(item, Skipped):
                    skipped.append(item)
                    continue
                summary, extraction = item
                duplicate = first_copy(seen, summary.id, summary.source)
                if duplicate:
                    skipped.append(duplicate)
                    continue
                summaries.append(summary)
                extractions.append(extraction)
            if progress:
                progress(done, len(files), show_path(path))
    return summaries, extractions, skipped


def count_entities(corpus: ResolvedCorpus) -> tuple[tuple[str, int], ...]:
    counts = Counter(entity.cls for entity in corpus.entities)
    return tuple((cls, counts.get(cls, 0)) for cls in TOP_CLASSES)


def build(
    inputs: Sequence[Path | str],
    out_dir: Path | str = "exports",
    *,
    progress: ProgressCallback | None = None,
    rdf_format: str = "turtle",
    jobs: int = 1,
    max_article_mb: float = DEFAULT_MAX_ARTICLE_MB,
    scheduler: str | None = None,
) -> BuildResult:
    """Build the knowledge graph of every article under ``inputs`` into ``out_dir``.

    ``out_dir`` is replaced only when it is absent, empty or an earlier kg
    build (``OutputError`` otherwise, before any work). Raises
    ``NoArticlesError`` when nothing usable was found; ``out_dir`` is then
    left as it was, as it is on any failure or interruption. With
    ``scheduler`` (``tcp://HOST:PORT``) the per-article work runs on that Dask
    cluster instead of ``jobs`` local processes; the output is the same.
    """
    inputs = [Path(p) for p in inputs]
    if rdf_format not in RDF_FORMATS:
        raise InputError(f"unknown graph format {rdf_format!r}: use one of {', '.join(RDF_FORMATS)}")
    if max_article_mb <= 0:
        raise InputError(f"--max-article-mb must be above 0, not {max_article_mb:g}")
    shown_out = Path(out_dir)
    out_dir = check_out_dir(shown_out, inputs)
    clock = StageClock()
    summaries, extractions, skipped = extract_corpus(inputs, progress, jobs, max_article_mb, clock, scheduler)
    if not summaries:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:3]) or "no files found"
        raise NoArticlesError(f"no usable article under the inputs ({reasons})")
    with clock("resolve"):
        corpus = resolve(extractions)
    report = BuildReport(
        articles=tuple(summaries),
        skipped=tuple(skipped),
        entity_counts=count_entities(corpus),
    )
    with clock("graph"):
        graph = build_graph(summaries, corpus)
    with clock("analyse"):
        analysis = analyse(graph)
        annotate_graph(graph, analysis)
    with replacing(out_dir) as staging:
        with clock("export"):
            write_graph(graph, staging, rdf_format)
            write_report(report, staging / "report.json")
        with clock("views"):
            write_views(graph, analysis, report, staging, corpus=corpus)
    return BuildResult(
        out_dir=shown_out,
        report=report,
        corpus=corpus,
        triples=len(graph),
        timings=tuple(clock.seconds.items()),
    )


def write_report(report: BuildReport, path: Path) -> None:
    path.write_text(json.dumps(asdict(report), ensure_ascii=False, indent=1, sort_keys=True), "utf-8")
