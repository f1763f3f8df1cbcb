"""The build cache: every article's results on disk, reused by the next build of the same --out.

Where: a hidden folder beside the output folder, ``.NAME.kg-cache/`` for
``--out NAME`` (like the staging folders of ``kg.outdir``), holding one
SQLite file. Not inside the output: the output folder is replaced whole by
each build and is what users publish, while the cache holds the articles'
text and is private to the machine that built it. A folder of that name that
kg did not create (no ``kg-cache.json`` inside) is never used or touched.

What: per input file, keyed by the SHA-256 of its bytes and the
*fingerprint* (kg's version, the source and data files of every stage that
makes per-article results, the versions of the libraries they use, and the
options that change them), the list of its articles and skips; per article,
keyed by its id and the fingerprint, its summary, facts, Turtle chunk and
text. A build looks every file up first and only reads, extracts and
resolves the files it misses; after a successful build, rows no input used
any more are deleted, so the cache holds the current corpus only. Rows are
JSON (``kg.cache.codec``) and Turtle, stored as they are: zlib (level 1) took
1.6 s of CPU for the chunks, spans and texts of 5,000 articles where plain
rows take 0.2 s, for a file 2.7 times smaller (27 against 73 MB, measured
here). ``--rebuild`` empties it first.

The same file is the build's store of per-article results while it runs: a
result goes to disk as soon as it is made, and the corpus-wide stages read
them back in article-id order, one at a time.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from kg.cache.codec import (
    ArticleText,
    decode_record,
    decode_summary,
    encode_fact_lists,
    encode_view,
    encode_summary,
    encode_text,
    encode_observation,
    fact_lists,
)
from kg.model import ArticleFacts, ArticleRecord, ArticleSummary, Evidence, EvidenceRef, Skipped
from kg.rdf.article import Chunk
from kg.version import __version__

MANIFEST = "kg-cache.json"
DATABASE = "cache.sqlite"
SUFFIX = "kg-cache"
# The last output's store less its network measures (see ``base_store``), and the next build's while it is made.
BASE_STORE = "graph-base.oxigraph"
NEXT_BASE_STORE = "graph-base.oxigraph.next"
# What makes per-article results: a change to any of these files or libraries invalidates the cache.
PACKAGES = ("kg.prepare", "kg.extract", "kg.gazetteer", "kg.resolve", "kg.rdf")
CORE_FILES = ("model.py", "cache/codec.py", "pipeline.py", "version.py")
LIBRARIES = ("jieba", "opencc", "trafilatura", "charset-normalizer", "lxml", "justext")
PAGE_SIZE = 16384  # bytes, of a new cache file
# The tables' layout (5: rows no longer compressed; 6: the views' part of the facts in a column of its own;
# 7: the corpus-wide blocks kept by key and digest of what they are made from; 8: every observation and the
# resolved corpus kept for the next build's resolve): a cache of another layout is emptied.
SCHEMA_VERSION = 8

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    hash TEXT NOT NULL, fingerprint TEXT NOT NULL, items TEXT NOT NULL, PRIMARY KEY (hash, fingerprint));
CREATE TABLE IF NOT EXISTS articles (
    id TEXT NOT NULL, fingerprint TEXT NOT NULL, summary TEXT NOT NULL, facts TEXT NOT NULL, views TEXT NOT NULL,
    chunk BLOB NOT NULL, text TEXT NOT NULL, triples INTEGER NOT NULL, sentences INTEGER NOT NULL,
    mentions INTEGER NOT NULL, PRIMARY KEY (id, fingerprint));
CREATE TABLE IF NOT EXISTS output (
    fingerprint TEXT NOT NULL, graph_sha256 TEXT NOT NULL, triples INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS output_articles (id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS blocks (
    key BLOB PRIMARY KEY, digest BLOB NOT NULL, text TEXT NOT NULL, triples INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS observed_entities (iri TEXT NOT NULL, article TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS observed_relations (
    s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL, article TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS observed_memberships (
    person TEXT NOT NULL, body TEXT NOT NULL, role BLOB NOT NULL, article TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS resolved (fingerprint TEXT NOT NULL, observed TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS resolved_parts (
    kind TEXT NOT NULL, part INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, part)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS resolved_articles (id TEXT PRIMARY KEY);
"""
_OBSERVED = ("observed_entities", "observed_relations", "observed_memberships")
# Made after a full resolve has put every observation in (``keep_resolved``): an index made at once over sorted
# rows costs less than one kept up to date row by row.
_OBSERVED_INDEXES = """
CREATE INDEX IF NOT EXISTS observed_entity_key ON observed_entities (iri, article);
CREATE INDEX IF NOT EXISTS observed_entity_article ON observed_entities (article);
CREATE INDEX IF NOT EXISTS observed_relation_key ON observed_relations (s, p, o, article);
CREATE INDEX IF NOT EXISTS observed_relation_article ON observed_relations (article);
CREATE INDEX IF NOT EXISTS observed_membership_article ON observed_memberships (article);
"""


@dataclass(frozen=True)
class ArticleResult:
    """Everything a build keeps of one article once it is read, extracted and resolved."""

    summary: ArticleSummary
    facts: ArticleFacts
    chunk: Chunk
    text: ArticleText


@lru_cache(maxsize=8)
def fingerprint(options: tuple[tuple[str, str], ...] = ()) -> str:
    """A hash of everything that decides an article's results (code, data, libraries, options)."""
    digest = hashlib.sha256(__version__.encode())
    for package in PACKAGES:
        folder = files(package)
        for path in sorted(_package_files(Path(str(folder)))):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    root = Path(str(files("kg")))
    for name in CORE_FILES:
        digest.update((root / name).read_bytes())
    for library in LIBRARIES:
        try:
            digest.update(f"{library}={importlib.metadata.version(library)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{library}=absent".encode())
    digest.update(json.dumps(options).encode())
    return digest.hexdigest()[:32]


def _package_files(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".py", ".toml", ".gz", ".tsv", ".ttl", ".txt", ".json"):
            yield path


def file_hash(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None when it cannot be read (it is then never cached)."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def cache_dir(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.{SUFFIX}"


class BuildCache:
    """The SQLite file of per-article results; ``open_cache`` finds or makes it."""

    def __init__(self, path: Path, fingerprint: str, temporary: tempfile.TemporaryDirectory | None = None):
        self.path = path
        self.fingerprint = fingerprint
        self._temporary = temporary
        self.db = sqlite3.connect(path, isolation_level=None)
        # Pages of 16 KB, not 4: an article's row (facts, views, chunk, text: 18 KB on average at 5,000
        # generated articles) spans a quarter as many overflow pages, and storing 5,000 of them took 0.17-0.18 s
        # instead of 0.23-0.35 s (the corpus-wide blocks 0.33 instead of 0.40 s), measured here; reading them
        # back costs the same. It applies to a new file: a cache made with 4 KB pages keeps them and works as it did.
        self.db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            # A cache of another layout (an older kg): its rows are useless, start it afresh.
            self.db.executescript("".join(f"DROP TABLE IF EXISTS {table};" for table in (
                "files", "articles", "output", "output_articles", "blocks", *_OBSERVED, "resolved",
                "resolved_parts", "resolved_articles")))
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.db.executescript(_SCHEMA)
        self.db.execute("CREATE TEMP TABLE used_files (hash TEXT PRIMARY KEY)")
        self.db.execute("CREATE TEMP TABLE used_articles (seq INTEGER PRIMARY KEY, id TEXT UNIQUE)")
        self.db.execute("BEGIN")
        self.hits = 0
        self._afresh = True  # whether the blocks being seen replace the last ones directly
        self._last_blocks: Iterator[tuple[bytes, bytes, str, int]] = iter(())  # the last graph's, by key
        self._last_block: tuple[bytes, bytes, str, int] | None = None
        self._changed_blocks: list[tuple[bytes, bytes, str, int]] = []  # new or changed, not yet in a table
        self._gone_blocks: list[tuple[bytes, str]] = []  # (key, text) of the last graph's

    # --------------------------------------------------------------- files
    def file_items(self, hash_: str, shown: str) -> list[Skipped | tuple[str, str]] | None:
        """A file's items as an earlier build found them: a ``Skipped``, or (article id, source) for an article."""
        row = self.db.execute("SELECT items FROM files WHERE hash = ? AND fingerprint = ?",
                              (hash_, self.fingerprint)).fetchone()
        if row is None:
            return None
        self.hits += 1
        return [Skipped(shown + suffix, value) if kind == "skip" else (value, shown + suffix)
                for kind, suffix, value in json.loads(row[0])]

    def put_file(self, hash_: str, shown: str, items: Iterable[Skipped | ArticleResult]) -> None:
        """Remember what a file gave (sources are kept relative to the file, so moving it keeps the row)."""
        rows = []
        for item in items:
            if isinstance(item, Skipped):
                rows.append(("skip", item.source[len(shown):] if item.source.startswith(shown) else "", item.reason))
            else:
                source = item.summary.source
                rows.append(("article", source[len(shown):] if source.startswith(shown) else "", item.summary.id))
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (hash_, self.fingerprint, json.dumps(rows)))

    def has_articles(self, ids: Iterable[str]) -> bool:
        ids = list(ids)
        found = self.db.execute(
            f"SELECT COUNT(*) FROM articles WHERE fingerprint = ? AND id IN ({','.join('?' * len(ids))})",
            (self.fingerprint, *ids)).fetchone()[0] if ids else 0
        return found == len(set(ids))

    def use_file(self, hash_: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO used_files VALUES (?)", (hash_,))

    # ------------------------------------------------------------ articles
    def put_article(self, result: ArticleResult) -> list:
        """Store an article's results; return its facts as the lists they were encoded from (``fact_lists``:
        ``CorpusTables.add_lists`` takes them, without parsing the text again)."""
        summary = result.summary
        facts = fact_lists(result.facts)
        self.db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (summary.id, self.fingerprint, encode_summary(summary), encode_fact_lists(facts),
             encode_view(result.facts), result.chunk.text.encode("utf-8"), encode_text(result.text),
             result.chunk.triples, result.chunk.sentences, result.chunk.mentions),
        )
        return facts

    def use_article(self, article_id: str) -> bool:
        """Count the article into this build (in input order); False when it already is (a duplicate)."""
        cursor = self.db.execute("INSERT OR IGNORE INTO used_articles (id) VALUES (?)", (article_id,))
        return cursor.rowcount == 1

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    def _used(self, columns: str, order: str) -> Iterator[tuple]:
        return self.db.execute(
            f"SELECT {columns} FROM used_articles u JOIN articles a ON a.id = u.id AND a.fingerprint = ? "
            f"ORDER BY {order}", (self.fingerprint,))

    def facts(self, skip: set[str] = frozenset()) -> Iterator[str]:
        """This build's articles' facts as encoded (``kg.cache.codec``), in article-id order, but for ``skip``."""
        for article_id, data in self._used("u.id, a.facts", "u.id"):
            if article_id not in skip:
                yield data

    def chunks(self) -> Iterator[bytes]:
        """This build's articles' Turtle chunks as UTF-8, in article-id order (the order of graph.ttl)."""
        for (data,) in self._used("a.chunk", "u.id"):
            yield data

    def counts(self) -> tuple[int, int, int, int]:
        """(articles, triples, sentences, mentions) of this build's chunks."""
        row = self.db.execute(
            "SELECT COUNT(*), SUM(a.triples), SUM(a.sentences), SUM(a.mentions) FROM used_articles u "
            "JOIN articles a ON a.id = u.id AND a.fingerprint = ?", (self.fingerprint,)).fetchone()
        return tuple(value or 0 for value in row)

    def summaries(self, sources: dict[str, str]) -> Iterator[ArticleSummary]:
        """This build's articles' summaries, in input order; ``sources`` maps id -> where it was read."""
        for source, data in self.encoded_summaries(sources):
            yield decode_summary(data, source)

    def encoded_summaries(self, sources: dict[str, str]) -> Iterator[tuple[str, str]]:
        """(where it was read, its summary as encoded: ``kg.cache.codec.encode_summary``) of this build's
        articles, in input order."""
        for article_id, data in self._used("u.id, a.summary", "u.seq"):
            yield sources.get(article_id, ""), data

    def articles(self, sources: dict[str, str]) -> Iterator[ArticleRecord]:
        """Each of this build's articles as the views read it, in input order, one at a time."""
        for article_id, summary, view, text in self._used("u.id, a.summary, a.views, a.text", "u.seq"):
            yield decode_record(summary, sources.get(article_id, ""), view, text)

    def evidence(self, refs: Iterable[EvidenceRef]) -> tuple[Evidence, ...]:
        """Samples of evidence (``CorpusTables.evidence``) with their sentence's text and span, from the facts."""
        found = []
        for ref in refs:
            row = self.db.execute("SELECT facts FROM articles WHERE id = ? AND fingerprint = ?",
                                  (ref.article_id, self.fingerprint)).fetchone()
            if row is not None:
                start, end, text, _ = json.loads(row[0])[4][ref.sentence]
                found.append(Evidence(ref.article_id, text, start, end, ref.start, ref.end))
        return tuple(found)

    # ------------------------------------------------- the last build's output
    # What the last successful build wrote to --out, so that the next one can change its store instead of
    # loading every triple again: the SHA-256 and triple count of its graph.ttl, its articles, and the
    # corpus-wide blocks of Turtle (one subject each) it held. Rows of a build that fails are not trusted:
    # ``forget_output`` runs before the output is written, ``record_output`` only once it is complete.
    def output(self) -> tuple[str, int] | None:
        """(graph.ttl's SHA-256, its triples) as the last successful build with this fingerprint wrote them."""
        row = self.db.execute("SELECT graph_sha256, triples FROM output WHERE fingerprint = ?",
                              (self.fingerprint,)).fetchone()
        return (row[0], row[1]) if row else None

    def forget_output(self) -> None:
        self.db.execute("DELETE FROM output")
        shutil.rmtree(self.path.parent / NEXT_BASE_STORE, ignore_errors=True)  # a killed build's

    def record_output(self, graph_sha256: str, triples: int) -> None:
        self.db.execute("DELETE FROM output")
        self.db.execute("INSERT INTO output VALUES (?, ?, ?)", (self.fingerprint, graph_sha256, triples))
        self.db.execute("DELETE FROM output_articles")
        self.db.execute("INSERT INTO output_articles SELECT id FROM used_articles")
        base, made = self.base_store(), self.path.parent / NEXT_BASE_STORE
        shutil.rmtree(base, ignore_errors=True)
        if made.is_dir():
            made.rename(base)

    # The store the next build changes rather than loading every triple again: the last output's graph.ttl
    # as a store, without the network measures. Those change for most entities whenever the corpus does, and
    # removing the last ones from a copy of the output's store cost more than loading them (0.3 s for 30,000
    # quads at 1,000 articles, measured here); kept beside the output's, it costs a backup (hard links).
    def base_store(self) -> Path:
        return self.path.parent / BASE_STORE

    def next_base_store(self) -> Path | None:
        """Where this build puts its base store, which becomes ``base_store`` at ``record_output``.

        None for a temporary cache: no later build will find it, and it may be on another file system
        than the output, where the backup copies every file.
        """
        return self.path.parent / NEXT_BASE_STORE if self._temporary is None else None

    def changed_articles(self) -> tuple[frozenset[str], frozenset[str]]:
        """(ids this build has and the last output lacks, ids the last output has and this build lacks)."""
        added = self.db.execute("SELECT id FROM used_articles WHERE id NOT IN (SELECT id FROM output_articles)")
        removed = self.db.execute("SELECT id FROM output_articles WHERE id NOT IN (SELECT id FROM used_articles)")
        return frozenset(row[0] for row in added), frozenset(row[0] for row in removed)

    def added_chunks(self) -> Iterator[bytes]:
        """Turtle chunks (UTF-8) of this build's articles that the last output lacks."""
        for (data,) in self.db.execute(
                "SELECT a.chunk FROM used_articles u JOIN articles a ON a.id = u.id AND a.fingerprint = ? "
                "WHERE u.id NOT IN (SELECT id FROM output_articles) ORDER BY u.id", (self.fingerprint,)):
            yield data

    def removed_chunks(self) -> Iterator[bytes]:
        """Turtle chunks (UTF-8) of the last output's articles that this build lacks (their rows go at ``prune``)."""
        for (data,) in self.db.execute(
                "SELECT a.chunk FROM output_articles o JOIN articles a ON a.id = o.id AND a.fingerprint = ? "
                "WHERE o.id NOT IN (SELECT id FROM used_articles) ORDER BY o.id", (self.fingerprint,)):
            yield data

    def start_blocks(self, afresh: bool) -> None:
        """Before a graph's corpus-wide blocks are made (``block``).

        ``afresh``: the store is loaded whole and nobody asks what the last graph had, so the blocks
        replace the last ones directly. Otherwise the last graph's blocks are read back in key order
        beside this graph's, which come in key order too (one pass, nothing per block held in memory):
        a block whose key and digest the last graph had is its text as it was, not made again; the
        new, changed and gone ones go to temporary tables for ``new_blocks``/``gone_blocks``.
        """
        self._afresh = afresh
        self._changed_blocks, self._gone_blocks = [], []
        if afresh:
            self.db.execute("DELETE FROM blocks")
            self._last_blocks = iter(())
        else:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS changed_blocks "
                            "(key BLOB, digest BLOB, text TEXT NOT NULL, triples INTEGER)")
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS gone_blocks (key BLOB, text TEXT NOT NULL)")
            self.db.execute("DELETE FROM changed_blocks")
            self.db.execute("DELETE FROM gone_blocks")
            self._last_blocks = self.db.execute("SELECT key, digest, text, triples FROM blocks ORDER BY key")
        self._last_block = next(self._last_blocks, None)

    def block(self, key: str, digest: bytes, make: Callable[[], tuple[str, int]]) -> tuple[str, int]:
        """One corpus-wide block of this graph, as (text, triples): the last graph's when it had this
        ``key`` (unique, and given in increasing order) with this ``digest`` (of everything the text is
        made from), else ``make()``'s."""
        encoded = key.encode("utf-8", "surrogatepass")
        last = self._last_block
        while last is not None and last[0] < encoded:  # the last graph's blocks this one has no key for
            self._gone(last)
            last = next(self._last_blocks, None)
        if last is not None and last[0] == encoded:
            self._last_block = next(self._last_blocks, None)
            if last[1] == digest:
                return last[2], last[3]
            self._gone(last)
        else:
            self._last_block = last
        text, triples = make()
        self._changed_blocks.append((encoded, digest, text, triples))
        if len(self._changed_blocks) >= 10_000:
            self._insert_blocks()
        return text, triples

    def _gone(self, block: tuple[bytes, bytes, str, int]) -> None:
        self._gone_blocks.append((block[0], block[2]))
        if len(self._gone_blocks) >= 10_000:
            self._insert_blocks()

    def _finish_walk(self) -> None:
        while self._last_block is not None:
            self._gone(self._last_block)
            self._last_block = next(self._last_blocks, None)
        self._insert_blocks()

    def _insert_blocks(self) -> None:
        if self._afresh:
            self.db.executemany("INSERT OR REPLACE INTO blocks VALUES (?, ?, ?, ?)", self._changed_blocks)
        else:
            self.db.executemany("INSERT INTO changed_blocks VALUES (?, ?, ?, ?)", self._changed_blocks)
            self.db.executemany("INSERT INTO gone_blocks VALUES (?, ?)", self._gone_blocks)
        self._changed_blocks, self._gone_blocks = [], []

    def new_blocks(self) -> Iterator[str]:
        """This graph's corpus-wide blocks the last output lacks (new, or changed: the ones ``block`` made)."""
        self._finish_walk()
        for (text,) in self.db.execute("SELECT text FROM changed_blocks ORDER BY rowid"):
            yield text

    def gone_blocks(self) -> Iterator[str]:
        """The last output's corpus-wide blocks this graph lacks (gone, or changed: their last text)."""
        self._finish_walk()
        for (text,) in self.db.execute("SELECT text FROM gone_blocks ORDER BY rowid"):
            yield text

    def end_blocks(self) -> None:
        """The blocks seen become the ones the next build compares with."""
        self._finish_walk()
        if not self._afresh:
            # The keys walked past (this graph lacks them) and the changed ones go; the changed come back.
            self.db.execute("DELETE FROM blocks WHERE key IN (SELECT key FROM gone_blocks)")
            self.db.execute("INSERT OR REPLACE INTO blocks SELECT key, digest, text, triples FROM changed_blocks")
            self.db.execute("DELETE FROM changed_blocks")
            self.db.execute("DELETE FROM gone_blocks")

    # ------------------------------------------------- the last resolved corpus
    # Every observation of the articles the last resolve merged (``observed_*``, each as the merge reads it,
    # JSON), that corpus (``resolved``) and those articles' ids: a rebuild of a few changed articles merges
    # again only the entities and relations they observe (``kg.resolve.corpus.patch_corpus``) instead of
    # reading every article's facts back. It all changes inside the resolve stage, which commits nothing
    # before it ends, so the three always agree; the observed rows are counted too, and a count that is not
    # the recorded one (rows changed by hand) means a full resolve.
    def resolved_changes(self) -> tuple[list[str], list[str]] | None:
        """(ids of this build's articles the kept corpus lacks, ids it has that this build lacks), or None
        when there is no kept corpus of this fingerprint whose observations are all there."""
        row = self.db.execute("SELECT observed FROM resolved WHERE fingerprint = ?", (self.fingerprint,)).fetchone()
        if row is None or row[0] != self._observed_counts():
            return None
        added = self.db.execute("SELECT id FROM used_articles WHERE id NOT IN (SELECT id FROM resolved_articles) "
                                "ORDER BY id")
        added = [article_id for (article_id,) in added]
        removed = self.db.execute("SELECT id FROM resolved_articles WHERE id NOT IN (SELECT id FROM used_articles) "
                                  "ORDER BY id")
        return added, [article_id for (article_id,) in removed]

    def _observed_counts(self) -> str:
        """How many observed rows and parts of the corpus there are and how long their data is (5 ms at 1,000
        articles)."""
        return " ".join(" ".join(map(str, self.db.execute(f"SELECT COUNT(*), TOTAL(LENGTH({column})) FROM {table}")
                                     .fetchone()))
                        for table, column in zip((*_OBSERVED, "resolved_parts"), ("data", "data", "article", "data")))

    def resolved_corpus(self, kind: str) -> Iterator[str]:
        """The kept corpus' entities (``kind`` "entities") or relations ("relations"), part by part as encoded
        (``kg.cache.codec.encode_entities``…), in order."""
        for (data,) in self.db.execute("SELECT data FROM resolved_parts WHERE kind = ? ORDER BY part", (kind,)):
            yield data

    def forget_observed(self) -> None:
        """Before a full resolve: every kept observation and corpus goes (the resolve keeps its own)."""
        for table in (*_OBSERVED, "resolved", "resolved_parts", "resolved_articles"):
            self.db.execute(f"DELETE FROM {table}")
        for index in ("entity_key", "entity_article", "relation_key", "relation_article", "membership_article"):
            self.db.execute(f"DROP INDEX IF EXISTS observed_{index}")

    # The rows a full resolve reads, or a patch adds: (key, article, observation as the merge reads it).
    def entities(self, rows: list) -> None:
        self.db.executemany("INSERT INTO observed_entities VALUES (?, ?, ?)",
                            ((iri, article, encode_observation(data)) for iri, article, data in rows))

    def relations(self, rows: list) -> None:
        self.db.executemany("INSERT INTO observed_relations VALUES (?, ?, ?, ?, ?)",
                            ((*key, article, encode_observation(data)) for key, article, data in rows))

    def memberships(self, rows: list[tuple[str, str, bytes, str]]) -> None:
        self.db.executemany("INSERT INTO observed_memberships VALUES (?, ?, ?, ?)", rows)

    def drop_observed(self, article_ids: list[str]) -> tuple[set[str], set[tuple[str, str, str]]]:
        """Forget the observations of these articles; return the entities and relations they observed."""
        entities, relations = set(), set()
        for article_id in article_ids:
            entities.update(iri for (iri,) in self.db.execute(
                "SELECT iri FROM observed_entities WHERE article = ?", (article_id,)))
            relations.update(self.db.execute("SELECT s, p, o FROM observed_relations WHERE article = ?",
                                             (article_id,)))
            for table in _OBSERVED:
                self.db.execute(f"DELETE FROM {table} WHERE article = ?", (article_id,))
        return entities, relations

    def facts_of(self, article_ids: Iterable[str]) -> Iterator[str]:
        """The facts of these articles (of this fingerprint) as encoded (``kg.cache.codec``)."""
        for article_id in article_ids:
            row = self.db.execute("SELECT facts FROM articles WHERE id = ? AND fingerprint = ?",
                                  (article_id, self.fingerprint)).fetchone()
            if row is None:
                raise KeyError(article_id)  # (the build counted it in: it is there)
            yield row[0]

    def observed_entities(self, iris: Iterable[str]) -> Iterator[tuple[str, str]]:
        """(IRI, observation as encoded) of every kept observation of these entities, by IRI and article id."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_entities (iri TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM wanted_entities")
        self.db.executemany("INSERT OR IGNORE INTO wanted_entities VALUES (?)", ((iri,) for iri in iris))
        # CROSS JOIN: one look-up in the index per entity wanted, in the order of both.
        return self.db.execute("SELECT e.iri, e.data FROM wanted_entities w CROSS JOIN observed_entities e "
                               "ON e.iri = w.iri ORDER BY e.iri, e.article, e.rowid")

    def observed_relations(self, keys: Iterable[tuple[str, str, str]]) -> Iterator[tuple[str, str, str, str]]:
        """(subject, predicate, object, observation as encoded) of these relations', by key and article id."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_relations (s TEXT, p TEXT, o TEXT, "
                        "PRIMARY KEY (s, p, o))")
        self.db.execute("DELETE FROM wanted_relations")
        self.db.executemany("INSERT OR IGNORE INTO wanted_relations VALUES (?, ?, ?)", keys)
        return self.db.execute("SELECT r.s, r.p, r.o, r.data FROM wanted_relations w CROSS JOIN observed_relations r "
                               "ON r.s = w.s AND r.p = w.p AND r.o = w.o ORDER BY r.s, r.p, r.o, r.article, r.rowid")

    def observed_memberships(self) -> Iterator[tuple[str, str, bytes]]:
        """Every (person, body, role as UTF-8) the kept observations hold, once each, sorted."""
        return self.db.execute("SELECT DISTINCT person, body, role FROM observed_memberships "
                               "ORDER BY person, body, role")

    def keep_resolved(self, entities: Iterable[str], relations: Iterable[str]) -> None:
        """The corpus just resolved, of this build's articles, whose observations are all kept now: its
        entities and relations part by part as encoded (a few thousand records a part: the whole corpus
        encoded at once held some 25 MB more at 5,000 articles)."""
        for statement in _OBSERVED_INDEXES.split(";"):
            self.db.execute(statement)
        self.db.execute("DELETE FROM resolved")
        self.db.execute("DELETE FROM resolved_parts")
        for kind, parts in (("entities", entities), ("relations", relations)):
            self.db.executemany("INSERT INTO resolved_parts VALUES (?, ?, ?)",
                                ((kind, part, data) for part, data in enumerate(parts)))
        self.db.execute("INSERT INTO resolved VALUES (?, ?)", (self.fingerprint, self._observed_counts()))
        self.db.execute("DELETE FROM resolved_articles")
        self.db.execute("INSERT INTO resolved_articles SELECT id FROM used_articles")

    # ----------------------------------------------------------------- end
    def prune(self) -> None:
        """Forget every file and article this build did not use (the cache holds the current corpus)."""
        self.db.execute("DELETE FROM files WHERE fingerprint != ? OR hash NOT IN (SELECT hash FROM used_files)",
                        (self.fingerprint,))
        self.db.execute("DELETE FROM articles WHERE fingerprint != ? OR id NOT IN (SELECT id FROM used_articles)",
                        (self.fingerprint,))

    def close(self, keep: bool) -> None:
        """Commit what this build stored when ``keep``, else drop it; a temporary cache is deleted."""
        self.db.execute("COMMIT" if keep else "ROLLBACK")
        self.db.close()
        if self._temporary is not None:
            self._temporary.cleanup()


def open_cache(out_dir: Path | None, fingerprint_: str, rebuild: bool = False) -> tuple[BuildCache, str | None]:
    """The cache beside ``out_dir`` (made if absent), or a temporary one; and a warning when it cannot be used.

    ``rebuild`` empties it first. A folder of the cache's name that kg did not
    make is left alone (and a temporary cache is used instead).
    """
    folder = cache_dir(out_dir) if out_dir is not None else None
    warning = None
    if folder is not None:
        try:
            _claim(folder)
            path = folder / DATABASE
            if rebuild:
                _remove_database(path)
            try:
                return BuildCache(path, fingerprint_), None
            except sqlite3.DatabaseError:  # damaged (a killed disk, a truncated copy): ours to start again
                _remove_database(path)
                return BuildCache(path, fingerprint_), None
        except (OSError, sqlite3.DatabaseError, CacheRefused) as error:
            warning = f"not using the build cache {folder}: {error}"
    temporary = tempfile.TemporaryDirectory(prefix="kg-results-")
    return BuildCache(Path(temporary.name) / DATABASE, fingerprint_, temporary), warning


def _remove_database(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


class CacheRefused(Exception):
    """The cache folder exists and is not kg's."""


def _claim(folder: Path) -> None:
    manifest = folder / MANIFEST
    if folder.exists() or folder.is_symlink():
        if folder.is_symlink() or not folder.is_dir() or not _is_ours(manifest):
            raise CacheRefused("a folder of that name exists and kg did not make it (no kg-cache.json)")
        return
    folder.parent.mkdir(parents=True, exist_ok=True)  # as the output's staging folder will be
    folder.mkdir(mode=0o700)
    manifest.write_text(json.dumps({"generator": "kg", "what": "build cache"}, indent=1) + "\n", "utf-8")


def _is_ours(manifest: Path) -> bool:
    try:
        return json.loads(manifest.read_text("utf-8")).get("generator") == "kg"
    except (OSError, ValueError, AttributeError):
        return False
