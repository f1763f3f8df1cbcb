"""Runs the stages: read → normalise → segment → extract → resolve → graph → analyse → export.

Per-article stages are pure functions (article in, result out) so a corpus
streams through them one article at a time; only each article's extraction
and summary are kept for the corpus-wide stages. Any failure is re-raised as
a ``StageError`` naming the stage, and the output folder is replaced only
once every file of the new build has been written.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError, NoArticlesError, StageError
from kg.model import (
    Article,
    ArticleExtraction,
    ArticleSummary,
    BuildReport,
    RawArticle,
    ResolvedCorpus,
    Skipped,
    summarise,
)

# progress(done, total, source) is called once per input file.
ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    report: BuildReport
    corpus: ResolvedCorpus
    triples: int


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Name the stage in any unexpected error, so a failure says where it happened."""
    try:
        yield
    except KgError:
        raise
    except Exception as exc:  # noqa: BLE001 - re-raised with the stage named
        raise StageError(f"stage '{name}' failed: {type(exc).__name__}: {exc}") from exc


def article_id(text: str) -> str:
    """A stable id from the normalised content: renaming or moving a file keeps it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def prepare_article(raw: RawArticle) -> Article:
    """Normalise one raw article, separate its body from page furniture, read its metadata."""
    from kg.boilerplate import split_body
    from kg.metadata import read_metadata
    from kg.normalise import normalise

    with stage("normalise"):
        normalised = normalise(raw.text)
    with stage("boilerplate"):
        body, dropped = split_body(normalised.text)
    with stage("metadata"):
        metadata = read_metadata(raw, normalised.text, body)
    return Article(
        id=article_id(normalised.text),
        source=raw.source,
        original=raw.text,
        normalised=normalised,
        body=body,
        dropped=dropped,
        metadata=metadata,
        content_hash=hashlib.sha256(raw.text.encode("utf-8")).hexdigest(),
        encoding=raw.encoding,
        format=raw.format,
    )


def process_article(article: Article) -> ArticleExtraction:
    """Segment and extract one article."""
    from kg.extract import extract
    from kg.segment import segment

    with stage("segment"):
        sentences = segment(article)
    with stage("extract"):
        return extract(article, sentences)


def first_copy(seen: dict[str, str], article_id: str, source: str) -> Skipped | None:
    """None the first time an article's content is seen (recording where); later, a ``Skipped`` naming the first."""
    if article_id in seen:
        return Skipped(source, f"duplicate of {seen[article_id]}")
    seen[article_id] = source
    return None


def read_corpus(
    inputs: Sequence[Path], progress: ProgressCallback | None = None
) -> Iterator[Article | Skipped]:
    """Yield every usable article under the inputs, and a ``Skipped`` for each unusable one.

    An article whose content repeats one already read is skipped as a duplicate.
    """
    from kg.read import find_files, read_file

    with stage("read"):
        files = find_files(inputs)
    seen: dict[str, str] = {}
    for done, path in enumerate(files, start=1):
        with stage("read"):
            items = read_file(path)
        for item in items:
            if isinstance(item, Skipped):
                yield item
                continue
            article = prepare_article(item)
            yield first_copy(seen, article.id, article.source) or article
        if progress:
            progress(done, len(files), str(path))


def read_and_extract(path: Path) -> list[Skipped | tuple[ArticleSummary, ArticleExtraction]]:
    """All one input file contributes: the unit of work of a worker process."""
    from kg.read import read_file

    with stage("read"):
        items = read_file(path)
    out: list[Skipped | tuple[ArticleSummary, ArticleExtraction]] = []
    for item in items:
        if isinstance(item, Skipped):
            out.append(item)
            continue
        article = prepare_article(item)
        out.append((summarise(article), process_article(article)))
    return out


# Below this many files a process pool costs more to start than it saves.
MIN_FILES_PER_WORKER = 20


def worker_count(jobs: int, files: int) -> int:
    """``jobs`` workers, or with 0 as many as there are cores and files to share."""
    if jobs == 0:
        jobs = os.cpu_count() or 1
    return max(1, min(jobs, files // MIN_FILES_PER_WORKER if jobs > 1 else 1))


def extract_corpus(
    inputs: Sequence[Path], progress: ProgressCallback | None = None, jobs: int = 1
) -> tuple[list[ArticleSummary], list[ArticleExtraction], list[Skipped]]:
    """Read and extract every article under the inputs, in input order, on ``jobs`` processes.

    The result does not depend on ``jobs``: files are taken in order and an
    article whose content repeats one already read is skipped as a duplicate.
    """
    from kg.read import find_files

    with stage("read"):
        files = find_files(inputs)
    summaries: list[ArticleSummary] = []
    extractions: list[ArticleExtraction] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    workers = worker_count(jobs, len(files))
    with ProcessPoolExecutor(workers) if workers > 1 else nullcontext() as pool:
        results = pool.map(read_and_extract, files, chunksize=8) if pool else map(read_and_extract, files)
        for done, (path, items) in enumerate(zip(files, results), start=1):
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
                progress(done, len(files), str(path))
    return summaries, extractions, skipped


def count_entities(corpus: ResolvedCorpus) -> tuple[tuple[str, int], ...]:
    from kg.model import TOP_CLASSES

    counts = Counter(entity.cls for entity in corpus.entities)
    return tuple((cls, counts.get(cls, 0)) for cls in TOP_CLASSES)


def build(
    inputs: Sequence[Path | str],
    out_dir: Path | str = "exports",
    *,
    progress: ProgressCallback | None = None,
    rdf_format: str = "turtle",
    jobs: int = 1,
) -> BuildResult:
    """Build the knowledge graph of every article under ``inputs`` into ``out_dir``.

    Raises ``NoArticlesError`` when nothing usable was found; ``out_dir`` is
    then left as it was.
    """
    from kg.analyse import analyse, annotate_graph
    from kg.export import write_graph
    from kg.graph import build_graph
    from kg.resolve import resolve
    from kg.views import write_views

    inputs = [Path(p) for p in inputs]
    out_dir = Path(out_dir)
    summaries, extractions, skipped = extract_corpus(inputs, progress, jobs)
    if not summaries:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:3]) or "no files found"
        raise NoArticlesError(f"no usable article under the inputs ({reasons})")
    with stage("resolve"):
        corpus = resolve(extractions)
    report = BuildReport(
        articles=tuple(summaries),
        skipped=tuple(skipped),
        entity_counts=count_entities(corpus),
    )
    with stage("graph"):
        graph = build_graph(summaries, corpus)
    with stage("analyse"):
        analysis = analyse(graph)
        annotate_graph(graph, analysis)
    with _replacing(out_dir) as staging:
        with stage("export"):
            write_graph(graph, staging, rdf_format)
            write_report(report, staging / "report.json")
        with stage("views"):
            write_views(graph, analysis, report, staging)
    return BuildResult(out_dir=out_dir, report=report, corpus=corpus, triples=len(graph))


def write_report(report: BuildReport, path: Path) -> None:
    import json
    from dataclasses import asdict

    path.write_text(json.dumps(asdict(report), ensure_ascii=False, indent=1, sort_keys=True), "utf-8")


@contextmanager
def _replacing(out_dir: Path) -> Iterator[Path]:
    """Yield an empty staging folder beside ``out_dir``; on success it replaces ``out_dir``.

    On failure the staging folder is removed and ``out_dir`` keeps its old files.
    """
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = None
    if out_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f"{out_dir.name}.old-", dir=out_dir.parent))
        old.rmdir()
        out_dir.rename(old)
    staging.rename(out_dir)
    out_dir.chmod(0o755)  # mkdtemp makes 0700; an export folder is for sharing
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
