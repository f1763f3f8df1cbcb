"""Where things were read, kept on disk while the views are written (``PassageStore``).

Articles come one at a time in input order, but the entity shards and
edges.csv want the passages entity by entity and fact by fact; holding them
all until then would make the views' memory grow with the corpus' text. So
each passage goes into a temporary SQLite file as its article is read, and is
read back sorted. Mentions beyond ``MAX_MENTIONS`` per entity are only
counted (the shards show no more; graph.ttl has every one); every passage
that states a fact is kept (edges.csv lists them all).

A passage row is (article number, sentence, sentence start, sentence end,
start, end), offsets in the article's normalised text (what the source
reader shows).
"""
from __future__ import annotations

import json
import sqlite3
from bisect import bisect_right
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Mapping
from itertools import repeat
from pathlib import Path

import numpy as np

MAX_MENTIONS = 40  # per entity in its shard; every one is in graph.ttl
MAX_FACT_PASSAGES = 3  # per fact in a shard; every one is in edges.csv
MAX_SENTENCE_CHARS = 300

_SCHEMA = """
CREATE TABLE mention (entity INTEGER, article INTEGER, sentence TEXT, s_start INTEGER, s_end INTEGER,
                      start INTEGER, end INTEGER);
CREATE TABLE statement (fact INTEGER, article_id TEXT, article INTEGER, sentence TEXT,
                        s_start INTEGER, s_end INTEGER);
"""


def short(sentence: str) -> str:
    return sentence if len(sentence) <= MAX_SENTENCE_CHARS else sentence[: MAX_SENTENCE_CHARS - 1] + "…"


class PassageStore:
    """A temporary SQLite file of mentions and fact statements; ``close()`` deletes it."""

    def __init__(self, entities: int, facts: int) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="kg-views-")
        self.db = sqlite3.connect(Path(self._folder.name) / "passages.sqlite", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")
        self.mention_count = [0] * entities
        self.statement_count = [0] * facts
        # (entity, article) and (fact, article) pairs as two columns of numbers (4 bytes each; some 2 million
        # pairs at 100,000 articles), sorted when they are asked for: cheaper than a table in the SQLite
        # file and its ORDER BY.
        self._entity_article = (array("i"), array("i"))
        self._fact_article = (array("i"), array("i"))
        self._indexed = False

    def add_mentions(self, article: int, text: str, sentences: list[tuple[int, int]],
                     mentions: Iterable[tuple[int, int, int]]) -> None:
        """One article's (start, end, entity) mentions in its ``text``, each kept with the sentence it is in
        (of ``sentences``, sorted spans; its own span when in none) while its entity has fewer than MAX_MENTIONS."""
        count, kept = self.mention_count, []
        starts = [start for start, _ in sentences]
        for start, end, entity in mentions:
            n = count[entity]
            count[entity] = n + 1
            if n >= MAX_MENTIONS:
                continue  # only counted: its sentence is never cut out
            at = bisect_right(starts, start) - 1
            s_start, s_end = sentences[at] if at >= 0 and start < sentences[at][1] else (start, end)
            kept.append((entity, article, text[s_start:s_end], s_start, s_end, start, end))
        self.db.executemany("INSERT INTO mention VALUES (?, ?, ?, ?, ?, ?, ?)", kept)

    def add_statements(self, rows: list[tuple[int, str, int, str, int, int]]) -> None:
        """(fact, article id, article, sentence, sentence start, sentence end) rows of one article."""
        count = self.statement_count
        for row in rows:
            count[row[0]] += 1
        self.db.executemany("INSERT INTO statement VALUES (?, ?, ?, ?, ?, ?)", rows)

    def add_articles(self, article: int, entities: Iterable[int], facts: Iterable[int]) -> None:
        """The entities one article mentions and the facts it states (each once)."""
        for (items, articles), found in ((self._entity_article, entities), (self._fact_article, facts)):
            before = len(items)
            items.extend(found)
            articles.extend(repeat(article, len(items) - before))

    def entity_articles(self) -> Iterator[list[int]]:
        """For each entity in turn, 0 to the last, the articles that mention it, in input order."""
        return _article_lists(*self._entity_article, len(self.mention_count))

    def fact_articles(self) -> Iterator[list[int]]:
        """For each fact in turn, the articles that state it, in input order."""
        return _article_lists(*self._fact_article, len(self.statement_count))

    def _index(self) -> None:
        if not self._indexed:
            self.db.execute("COMMIT")
            self.db.execute("CREATE INDEX mention_entity ON mention (entity, article, start)")
            self.db.execute("CREATE INDEX statement_fact ON statement (fact, article_id, s_start)")
            self.db.execute(
                "CREATE TABLE first_statement AS SELECT fact, article, sentence, s_start, s_end FROM "
                "(SELECT fact, article, sentence, s_start, s_end, ROW_NUMBER() OVER "
                "(PARTITION BY fact ORDER BY article_id, s_start) AS n FROM statement) WHERE n <= ?",
                (MAX_FACT_PASSAGES,))
            self.db.execute("CREATE INDEX first_statement_fact ON first_statement (fact)")
            self._indexed = True

    def mentions(self, first: int, last: int) -> Iterator[tuple[int, list]]:
        """(entity, passage row) of the entities first..last, each one's first mentions in input order."""
        self._index()
        for entity, article, sentence, s_start, s_end, start, end in self.db.execute(
                "SELECT entity, article, sentence, s_start, s_end, start, end FROM mention "
                "WHERE entity BETWEEN ? AND ? ORDER BY entity, article, start, rowid", (first, last)):
            yield entity, [article, short(sentence), s_start, s_end, start, end]

    def first_statements(self, facts: Iterable[int]) -> dict[int, list[list]]:
        """Each fact's first MAX_FACT_PASSAGES passages (by article id and offset) as passage rows."""
        self._index()
        found: dict[int, list[list]] = {}
        wanted = json.dumps(sorted(set(facts)))
        for fact, article, sentence, start, end in self.db.execute(
                # CROSS JOIN keeps this order of the loops: one index look-up per fact wanted.
                "SELECT f.fact, f.article, f.sentence, f.s_start, f.s_end FROM json_each(?) AS w "
                "CROSS JOIN first_statement AS f ON f.fact = w.value ORDER BY f.fact, f.rowid", (wanted,)):
            found.setdefault(fact, []).append([article, short(sentence), start, end, start, end])
        return found

    def statements(self) -> Iterator[tuple[int, str, str, int, int]]:
        """(fact, article id, sentence, sentence start, sentence end) of every passage, by fact, article id, offset."""
        self._index()
        return self.db.execute("SELECT fact, article_id, sentence, s_start, s_end FROM statement "
                               "ORDER BY fact, article_id, s_start")

    def close(self) -> None:
        self.db.close()
        self._folder.cleanup()


def _article_lists(items: array, articles: array, count: int) -> Iterator[list[int]]:
    """For each item 0…count-1, its articles in order, from (item, article) pairs (no repeats)."""
    # Made one list at a time rather than kept as a list per entity and fact: a million of each at
    # 100,000 articles.
    item, article = np.frombuffer(items, dtype=np.int32), np.frombuffer(articles, dtype=np.int32)
    order = np.lexsort((article, item))
    ends = np.searchsorted(item[order], np.arange(1, count + 1), side="left").tolist()
    ordered = article[order].tolist()
    del order
    start = 0
    for end in ends:
        yield ordered[start:end]
        start = end


class StatedIn(Mapping):
    """Each fact's passages as edges.csv rows (``kg.analyse.tables.EdgeEvidence``), read from the store as asked.

    edges.csv asks for the facts in their order, so one scan of the store,
    sorted by fact, answers every question in turn.
    """

    def __init__(self, store: PassageStore, facts: dict[tuple[str, str, str], int], rules: list[str]) -> None:
        self.store, self.facts, self.rules = store, facts, rules
        self._rows = store.statements()
        self._next = next(self._rows, None)

    def __getitem__(self, key: tuple[str, str, str]) -> list[tuple]:
        fact = self.facts[key]
        rules = self.rules[fact]
        while self._next is not None and self._next[0] < fact:
            self._next = next(self._rows, None)
        found = []
        while self._next is not None and self._next[0] == fact:
            # The trigger span is not kept in model v2: a fact's span is its sentence.
            _, article_id, sentence, start, end = self._next
            found.append((article_id, sentence, start, end, start, end, rules))
            self._next = next(self._rows, None)
        # A fact of the division table alone has no sentence: its row still names the rule (gazetteer).
        return found or [("",) * 6 + (rules,)]

    def __iter__(self) -> Iterator[tuple[str, str, str]]:
        return iter(self.facts)

    def __len__(self) -> int:
        return len(self.facts)
