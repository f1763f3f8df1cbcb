"""Runs the stages: read → normalise → segment → extract → resolve → graph → analyse → export → views.

Per article (``process_file``, the unit of work of a worker; pure and
picklable): read, prepare, extract, settle every identity (``kg.resolve``)
and write the article's own triples (``kg.rdf.article``). Each result goes
to disk as soon as it is made, into the build cache (``kg.cache``), which
also spares the next build every file it has seen. Corpus-wide, the facts
are read back one article at a time and merged into one record per entity
and relation; the analysis runs on those tables; graph.ttl is written
section by section with the articles' chunks streamed from disk, and the
Oxigraph store is loaded from it. Nothing per mention is held in memory.

Any failure is re-raised as a ``StageError`` naming the stage, and the
output folder is replaced only once every file of the new build is written.
"""
from __future__ import annotations

import gc
import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from kg.analyse import SEED, analyse_records, records_of
from kg.analyse.network import DECIMALS, MetricsTable
from kg.analyse.networkfiles import write_network_files
from kg.cache import ArticleResult, BuildCache, cache_dir, file_hash, fingerprint, open_cache
from kg.cache.codec import ArticleText, decode_entities, decode_relations, encode_entities, encode_relations
from kg.cache.summaries import StoredSummaries
from kg.errors import InputError, KgError, NoArticlesError, OutputError, stage
from kg.extract import REMEMBERED_STEPS, process_article
from kg.extract.roles import forget_role_spans
from kg.extract.segment import cut_weights, dictionary, stored_weights, word_tags
from kg.gazetteer.communities import load_communities
from kg.heap import fewer_collections, freeze, frozen_heap, paused_collections
from kg.model import (
    Article,
    ArticleExtraction,
    ArticleRecord,
    ArticleSummary,
    BuildReport,
    BuildTables,
    Membership,
    ResolvedCorpus,
    Skipped,
    summarise,
)
from kg.outdir import check_out_dir, replacing, show_path
from kg.prepare import prepare_article
from kg.prepare.boilerplate import line_reason
from kg.prepare.read import DEFAULT_MAX_ARTICLE_MB, FileData, find_files, read_file, source_of
from kg.rdf.article import article_chunk
from kg.rdf.export import (
    GRAPH_FILE,
    RDF_FORMATS,
    STORE_DIR,
    AnalysisFacts,
    ChunkTotals,
    PreviousGraph,
    data_names,
    write_extra_format,
    write_graph,
)
from kg.rdf.graph import NodeMeasures
from kg.report import count_entities, write_report
from kg.resolve import CorpusTables, observe
from kg.resolve.corpus import observations, patch_corpus
from kg.views import write_views
from kg.workers import map_files

# progress(done, total, source) is called once per input file.
# What one input file gives: its articles' results or skips, and the CPU seconds per stage.
FileOutcome = tuple[list[Skipped | ArticleResult], dict[str, float]]
ProgressCallback = Callable[[int, int, str], None]
COMMIT_EVERY = 200  # files between commits of the cache: a killed build keeps most of its work
# Resolve patches the last corpus when at most this share of the articles was added or removed; past it,
# merging every article again costs no more than merging the touched ones and reading the last corpus.
PATCH_SHARE = 0.5
RESOLVED_PART = 4096  # records of the resolved corpus encoded at a time, kept as one row


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    report: BuildReport
    corpus: ResolvedCorpus
    triples: int
    # CPU seconds per stage (of this process and its threads; the per-article stages
    # summed over articles, across workers when there are several), in the order they ran.
    timings: tuple[tuple[str, float], ...] = ()
    reused: int = 0  # input files the build cache answered (not read or extracted again)
    store_changed: bool = False  # the store was the last build's, changed (not loaded afresh)


class StageClock:
    """CPU seconds spent per stage, summed over every time a stage runs; names any failure (``stage``).

    CPU rather than wall time: on a shared machine a stage's wall time says more about the neighbours.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.process_time()
        try:
            with stage(name):
                yield
        finally:
            self.add(name, time.process_time() - started)

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def merge(self, other: dict[str, float]) -> None:
        for name, seconds in other.items():
            self.add(name, seconds)


# ------------------------------------------------------------------ per article
def read_articles(file: Path | FileData, max_article_mb: float = DEFAULT_MAX_ARTICLE_MB) -> Iterator[Article | Skipped]:
    """Each article of one input file (a path, or its bytes), prepared; whatever fails, a ``Skipped`` with why.

    One bad input never ends a build: an unexpected error while reading or
    preparing one file or line is that input's skip reason, naming the stage.
    """
    try:
        with stage("read"):
            items = read_file(file, max_article_mb)
    except KgError as error:
        yield Skipped(source_of(file), str(error))
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


@lru_cache(maxsize=1)
def _names():
    return data_names()  # one cache of written IRIs per process


def article_result(article: Article, clock: StageClock) -> ArticleResult:
    """One prepared article, extracted, resolved and written as its chunk of Turtle."""
    started = time.process_time()
    extraction = process_article(article)
    clock.add("segment + extract", time.process_time() - started)
    with clock("resolve"):
        facts = observe(article, extraction)
    with clock("graph"):
        summary = summarise(article)
        chunk = article_chunk(summary, facts, _names())
    return ArticleResult(summary, facts, chunk, ArticleText(article.text, article.body))


def _each_article(path: Path | FileData, max_article_mb: float, clock: StageClock, work) -> list:
    out = []
    started = time.process_time()
    for item in read_articles(path, max_article_mb):
        clock.add("read + prepare", time.process_time() - started)
        if isinstance(item, Skipped):
            out.append(item)
        else:
            try:
                with paused_collections():  # (kg.heap: an article's working set is not scanned again and again)
                    out.append(work(item))
            except KgError as error:
                out.append(Skipped(item.source, str(error)))
        started = time.process_time()
    clock.add("read + prepare", time.process_time() - started)
    return out


def process_file(path: Path | FileData, max_article_mb: float = DEFAULT_MAX_ARTICLE_MB) -> FileOutcome:
    """All one input file contributes to the graph, and the seconds its stages took: a worker's unit of work."""
    clock = StageClock()
    return _each_article(path, max_article_mb, clock, partial(article_result, clock=clock)), clock.seconds


def read_and_extract(path: Path | FileData, max_article_mb: float = DEFAULT_MAX_ARTICLE_MB):
    """One file's (summary, extraction) pairs or skips, and the seconds taken (extraction only, no graph)."""
    clock = StageClock()

    def extract(article: Article) -> tuple[ArticleSummary, ArticleExtraction]:
        with clock("segment + extract"):
            return summarise(article), process_article(article)

    return _each_article(path, max_article_mb, clock, extract), clock.seconds


def first_copy(seen: dict[str, str], article_id: str, source: str) -> Skipped | None:
    """None the first time an article's content is seen (recording where); later, a ``Skipped`` naming the first."""
    if article_id in seen:
        return Skipped(source, f"duplicate of {seen[article_id]}")
    seen[article_id] = source
    return None


def read_corpus(
    inputs: Sequence[Path], progress: ProgressCallback | None = None, max_article_mb: float = DEFAULT_MAX_ARTICLE_MB
) -> Iterator[Article | Skipped]:
    """Every usable article under the inputs, prepared, and a ``Skipped`` for each unusable one or duplicate."""
    with stage("read"):
        files = find_files(inputs)
    seen: dict[str, str] = {}
    for done, path in enumerate(files, start=1):
        for item in read_articles(path, max_article_mb):
            yield item if isinstance(item, Skipped) else first_copy(seen, item.id, item.source) or item
        if progress:
            progress(done, len(files), show_path(path))


def extract_corpus(
    inputs: Sequence[Path], jobs: int = 1, max_article_mb: float = DEFAULT_MAX_ARTICLE_MB, scheduler: str | None = None
) -> tuple[list[ArticleSummary], list[ArticleExtraction], list[Skipped]]:
    """Every article's summary and extraction (no graph), in input order: for tools that score extraction."""
    with stage("read"):
        files = find_files(inputs)
    summaries, extractions, skipped, seen = [], [], [], {}
    work = partial(read_and_extract, max_article_mb=max_article_mb)
    with map_files(work, files, jobs=jobs, scheduler=scheduler) as outcomes:
        results = [items for items, _ in outcomes]
    for items in results:
        for item in items:
            duplicate = None if isinstance(item, Skipped) else first_copy(seen, item[0].id, item[0].source)
            if isinstance(item, Skipped) or duplicate:
                skipped.append(duplicate or item)
            else:
                summaries.append(item[0])
                extractions.append(item[1])
    return summaries, extractions, skipped


# ---------------------------------------------------------------------- corpus
@dataclass
class Collected:
    skipped: list[Skipped]
    sources: dict[str, str]  # article id -> where it was read (the first copy)
    articles: int = 0
    tables: CorpusTables | None = None  # holds the facts of the articles worked out this time
    added: set[str] = field(default_factory=set)  # their ids


def collect(
    inputs: Sequence[Path],
    cache: BuildCache,
    max_article_mb: float,
    clock: StageClock,
    progress: ProgressCallback | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Collected:
    """Every article under the inputs into the cache, in input order: reused when known, else worked out.

    The work runs on ``jobs`` local processes or on the Dask cluster of
    ``scheduler`` (``kg.workers.map_files``); only the files the cache does
    not answer are handed to it. An article whose content repeats one
    already read is skipped as a duplicate.
    """
    with stage("read"):
        files = find_files(inputs)
    known: dict[int, list] = {}
    hashes: list[str | None] = []
    for i, path in enumerate(files):
        hash_ = file_hash(path)
        hashes.append(hash_)
        items = cache.file_items(hash_, show_path(path)) if hash_ else None
        if items is not None and cache.has_articles(item[0] for item in items if not isinstance(item, Skipped)):
            known[i] = items
    missing = [path for i, path in enumerate(files) if i not in known]
    with map_files(partial(process_file, max_article_mb=max_article_mb), missing, jobs=jobs, scheduler=scheduler) as worked, \
            frozen_heap():
        return _collect(files, hashes, known, worked, cache, clock, progress)


def _collect(files, hashes, known, worked, cache: BuildCache, clock: StageClock, progress) -> Collected:
    collected = Collected([], {}, tables=CorpusTables())
    for done, (path, hash_) in enumerate(zip(files, hashes), start=1):
        items = known.get(done - 1)
        if items is None:
            results, seconds = next(worked)
            clock.merge(seconds)
            for result in results:
                if not isinstance(result, Skipped):
                    facts = cache.put_article(result)
                    if result.summary.id not in collected.added:  # facts just made need not be read back
                        collected.tables.add_lists(facts)
                        collected.added.add(result.summary.id)
            if hash_:
                cache.put_file(hash_, show_path(path), results)
            items = [r if isinstance(r, Skipped) else (r.summary.id, r.summary.source) for r in results]
        if hash_:
            cache.use_file(hash_)
        for item in items:
            if isinstance(item, Skipped):
                collected.skipped.append(item)
            elif cache.use_article(item[0]):
                collected.sources[item[0]] = item[1]
                collected.articles += 1
            else:
                collected.skipped.append(Skipped(item[1], f"duplicate of {collected.sources[item[0]]}"))
        if done % COMMIT_EVERY == 0:
            cache.commit()
            # The corpus tables only grow here, and every full collection would scan all of them again
            # (2.8 s of collections at 5,000 articles): what is alive now is collected once and then
            # left out of later collections (frozen_heap above thaws it when the files are done).
            freeze(collect=True)
        if progress:
            progress(done, len(files), show_path(path))
    return collected


def article_records(cache: BuildCache, sources: dict[str, str]) -> Iterator[ArticleRecord]:
    return cache.articles(sources)


@fewer_collections()  # (kg.heap: a young generation of thousands, not 700, while a build runs)
def build(
    inputs: Sequence[Path | str],
    out_dir: Path | str = "exports",
    *,
    progress: ProgressCallback | None = None,
    rdf_format: str = "turtle",
    jobs: int = 1,
    max_article_mb: float = DEFAULT_MAX_ARTICLE_MB,
    rebuild: bool = False,
    scheduler: str | None = None,
) -> BuildResult:
    """Build the knowledge graph of every article under ``inputs`` into ``out_dir``.

    ``out_dir`` is replaced only when it is absent, empty or an earlier kg
    build (``OutputError`` otherwise, before any work). Files an earlier
    build of the same ``out_dir`` already read are taken from its cache
    (``kg.cache``) unless ``rebuild``; the output is the same either way.
    The per-file work runs on ``jobs`` local processes, or on the Dask cluster
    of ``scheduler`` (``tcp://HOST:PORT``); the output is the same.
    Raises ``NoArticlesError`` when nothing usable was found; ``out_dir`` is
    then left as it was, as it is on any failure or interruption.
    """
    inputs = [Path(p) for p in inputs]
    if rdf_format not in RDF_FORMATS:
        raise InputError(f"unknown graph format {rdf_format!r}: use one of {', '.join(RDF_FORMATS)}")
    if max_article_mb <= 0:
        raise InputError(f"--max-article-mb must be above 0, not {max_article_mb:g}")
    shown_out = Path(out_dir)
    out_dir = check_out_dir(shown_out, inputs)
    check_cache_dir(cache_dir(out_dir), inputs)
    clock = StageClock()
    cache, warning = open_cache(out_dir, fingerprint((("max_article_mb", f"{max_article_mb:g}"),)), rebuild)
    built = False
    collected = None
    try:
        collected = collect(inputs, cache, max_article_mb, clock, progress, jobs, scheduler)
        release_article_tables()
        if not collected.articles:
            reasons = "; ".join(f"{s.source}: {s.reason}" for s in collected.skipped[:3]) or "no files found"
            raise NoArticlesError(f"no usable article under the inputs ({reasons})")
        with clock("resolve"):
            corpus = resolve_corpus(cache, collected)
            collected.tables.close()
            collected.tables = None
        # The corpus-wide stages add millions of objects that the collector would scan again and again (3 s of
        # 71 at 5,000 articles, measured here); what exists now lives until the end anyway, so it is frozen.
        freeze()
        with clock("analyse"):
            analysis = analyse_records(*records_of(corpus))
        report = BuildReport(
            # On disk, not 3 KB an article in memory; the cache's encoding as it is.
            articles=StoredSummaries(encoded=cache.encoded_summaries(collected.sources)),
            skipped=tuple(collected.skipped),
            entity_counts=count_entities(corpus),
            warnings=(warning,) if warning else (),
        )
        previous = previous_graph(cache, out_dir)
        changed, removed = cache.changed_articles() if previous else (None, frozenset())
        cache.forget_output()  # until this build's output is complete
        with replacing(out_dir) as staging:
            with clock("export"):
                articles, triples, sentences, mentions = cache.counts()
                measures = node_measures(analysis.metrics)
                written = write_graph(
                    staging, corpus, measures, ChunkTotals(cache.chunks(), articles, triples, sentences, mentions),
                    AnalysisFacts(analysis.betweenness_sample, SEED), cache, previous, cache.next_base_store(),
                )
                write_extra_format(staging / STORE_DIR, staging, rdf_format)
                write_network_files(analysis, staging)
                write_report(report, staging / "report.json")
            with clock("views"):
                write_views(BuildTables(corpus, partial(article_records, cache, collected.sources), changed, removed,
                                        out_dir if changed is not None else None), analysis, report, staging)
        cache.record_output(written.sha256, written.triples)
        cache.prune()
        built = True
    finally:
        gc.unfreeze()
        if collected is not None and collected.tables is not None:
            collected.tables.close()  # a build that failed before resolving: its scratch tables go
        cache.close(keep=True)
    return BuildResult(shown_out, report, corpus, written.triples, tuple(clock.seconds.items()),
                       cache.hits if built else 0, written.changed)


def resolve_corpus(cache: BuildCache, collected: Collected) -> ResolvedCorpus:
    """This build's articles merged into one record per entity, relation and membership.

    When the cache keeps the corpus the last resolve made, and the observations it was made from, and fewer
    than half the articles changed, only the entities and relations the added and removed articles observe
    are merged again (``patch_corpus``); otherwise every article's facts are read back and merged, and their
    observations and the corpus are kept for the next build. Either way the records are the same.
    """
    changes = cache.resolved_changes()
    if changes is not None and len(changes[0]) + len(changes[1]) <= PATCH_SHARE * collected.articles:
        try:
            corpus = patch_resolved(cache, *changes)
        except (ValueError, TypeError, KeyError):  # what is kept cannot be read: resolve it all (it is replaced)
            corpus = None
        if corpus is not None:
            return corpus
    cache.forget_observed()
    tables = collected.tables
    if len(collected.added) < collected.articles:  # (a first build worked out every article: none to read back)
        for facts in cache.facts(skip=collected.added):
            tables.add_encoded(facts)
    corpus = tables.resolve(keep=cache)
    keep_resolved(cache, corpus)
    return corpus


def keep_resolved(cache: BuildCache, corpus: ResolvedCorpus) -> None:
    def parts(records: tuple) -> Iterator[tuple]:
        return (records[i:i + RESOLVED_PART] for i in range(0, len(records), RESOLVED_PART))

    cache.keep_resolved(map(encode_entities, parts(corpus.entities)), map(encode_relations, parts(corpus.relations)))


def patch_resolved(cache: BuildCache, added: list[str], removed: list[str]) -> ResolvedCorpus:
    """``resolve_corpus`` of the kept corpus, with the observations of ``added`` and ``removed``."""
    shared: dict = {}

    def share(value):  # one copy of each class, predicate and list of rules, as a full resolve keeps them
        return shared.setdefault(value, value)

    previous = ResolvedCorpus(
        tuple(entity for part in cache.resolved_corpus("entities") for entity in decode_entities(part)),
        tuple(relation for part in cache.resolved_corpus("relations") for relation in decode_relations(part, share)))
    touched_entities, touched_relations = cache.drop_observed(removed)
    for text in cache.facts_of(added):
        entities, relations, memberships = observations(json.loads(text))
        cache.entities(entities)
        cache.relations(relations)
        cache.memberships(memberships)
        touched_entities.update(iri for iri, _, _ in entities)
        touched_relations.update(key for key, _, _ in relations)
    loads = json.loads
    entity_rows = ((iri, [loads(data) for _, data in group])
                   for iri, group in groupby(cache.observed_entities(sorted(touched_entities)), key=itemgetter(0)))
    relation_rows = ((key, [loads(row[3]) for row in group])
                     for key, group in groupby(cache.observed_relations(sorted(touched_relations)), key=itemgetter(0, 1, 2)))
    memberships = tuple(Membership(person, body, role.decode("utf-8", "surrogatepass"))
                        for person, body, role in cache.observed_memberships())
    corpus = patch_corpus(previous, entity_rows, relation_rows, touched_entities, touched_relations, memberships,
                          share)
    keep_resolved(cache, corpus)
    return corpus


def node_measures(metrics: MetricsTable) -> Iterator[NodeMeasures]:
    """Each entity's measures as graph.ttl's measures section takes them, one at a time (a list is 100 bytes
    per entity more): the figures as the fixed-point text of their rounded Decimal (``MetricsTable.texts``),
    without making the Decimals (0.5 s at 5,000 articles)."""
    for entity, betweenness, page_rank, community in zip(metrics.entities, metrics.betweenness, metrics.page_rank,
                                                         metrics.community):
        yield entity.iri, f"{betweenness:.{DECIMALS}f}", f"{page_rank:.{DECIMALS}f}", community


def previous_graph(cache: BuildCache, out_dir: Path) -> PreviousGraph | None:
    """The last build's base store (in the cache) when ``out_dir`` holds exactly what the cache says that build wrote.

    graph.ttl's SHA-256 is checked (a graph.ttl replaced or edited by hand is
    not the one the cache describes); the export checks the store's count.
    """
    recorded = cache.output()
    store_dir, graph = cache.base_store(), out_dir / GRAPH_FILE
    if recorded is None or not store_dir.is_dir() or not graph.is_file():
        return None
    if file_hash(graph) != recorded[0]:
        return None
    return PreviousGraph(store_dir, cache.added_chunks, cache.removed_chunks)


def release_article_tables() -> None:
    """Drop the tables only the per-article work uses (jieba's dictionary and word tags, the NBS table of
    communities, the written names of chunks, the lines whose boilerplate reasons, the blocks and texts whose
    cuts, the sentences whose findings and role spans are remembered: some 250 MB) once it is done, before the
    corpus-wide stages add theirs; a later build in the same process loads them again.

    No collection follows: the tables hold no cycles, so they are freed as they are dropped, and a full
    collection here found 93 objects of garbage after c1000's files, for 0.03 s of CPU in every build that
    works out a file (it scans everything the build holds)."""
    for table in (dictionary, cut_weights, stored_weights, word_tags, load_communities, _names, line_reason):
        table.cache_clear()
    for step in REMEMBERED_STEPS:
        step.clear()
    forget_role_spans()


def check_cache_dir(folder: Path, inputs: Sequence[Path]) -> None:
    """The cache beside --out must not hold an input: a build never reads its own results as articles."""
    for given in inputs:
        source = Path(os.path.realpath(given))
        if source == folder or source.is_relative_to(folder):
            raise OutputError(f"the input {show_path(given)} is inside kg's build cache {show_path(folder)}: "
                              "give the articles themselves")
