"""One pass over the articles: each article's reader shard written as it is read.

``read_articles`` takes ``BuildTables.articles()`` one ``ArticleRecord`` at a
time and, for each, writes its part of an ``a-N`` shard (text, body spans,
dropped furniture, metadata, mention spans, the facts it states with their
sentences), puts its passages into the ``PassageStore``, and counts. It keeps
no text: what it returns (``ArticleTotals``) is numbers only, so the views'
memory does not grow with the corpus' text.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from kg.model import ArticleRecord
from kg.views.passages import PassageStore

ARTICLES_PER_SHARD = 25
WriteShard = Callable[[str, object], None]  # (shard name, payload)


class ShardIndex:
    """Positions of entities, facts and articles in the core lists (the numbers the shards use)."""

    def __init__(self, entities: Mapping[str, int] | Iterable[str], facts: Iterable[tuple[str, str, str]],
                 articles: Iterable[str]) -> None:
        # A mapping of IRI -> number is used as it is (the analysis has one: Analysis.position).
        self.entity = entities if isinstance(entities, Mapping) else {iri: i for i, iri in enumerate(entities)}
        self.fact = {key: i for i, key in enumerate(facts)}
        self.article = {article_id: i for i, article_id in enumerate(articles)}


@dataclass
class ArticleTotals:
    """What the pass counted per article (the articles of each entity and fact are in the ``PassageStore``)."""

    mentioned: list[int] = field(default_factory=list)  # per article: entities it mentions
    stated: list[int] = field(default_factory=list)  # per article: facts it states


def mention_spans(record: ArticleRecord, index: ShardIndex, implicit: list[bool]) -> list[list[int]]:
    """[start, end, entity, ...] spans: longest first where they overlap, explicit before implicit entities."""
    found: dict[tuple[int, int], list[int]] = {}
    for start, end, iri in record.mentions:
        number = index.entity.get(iri)
        if number is not None:
            found.setdefault((start, end), []).append(number)
    chosen: list[list[int]] = []
    taken_until = -1
    for (start, end), ids in sorted(found.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        if start < taken_until or end <= start:
            continue  # inside a longer mention already highlighted
        chosen.append([start, end, *sorted(set(ids), key=lambda i: (implicit[i], i))])
        taken_until = end
    return chosen


class ArticlePass:
    def __init__(self, index: ShardIndex, implicit: list[bool], store: PassageStore, write: WriteShard) -> None:
        self.index, self.implicit, self.store, self.write = index, implicit, store, write
        self.totals = ArticleTotals([0] * len(index.article), [0] * len(index.article))
        self.shard: dict[str, dict] = {}
        self.shard_number = -1

    def add(self, record: ArticleRecord) -> None:
        s, text, index = record.summary, record.text, self.index
        number = index.article.get(s.id)
        if number is None:
            return  # not among the report's articles: nothing links to it
        sentences = sorted(set(record.sentences))
        starts = [start for start, _ in sentences]
        mentions, mentioned = [], set()
        for start, end, iri in record.mentions:
            entity = index.entity.get(iri)
            if entity is None:
                continue
            at = bisect_right(starts, start) - 1
            sentence = sentences[at] if at >= 0 and start < sentences[at][1] else (start, end)
            mentions.append((entity, number, text[sentence[0]:sentence[1]], *sentence, start, end))
            mentioned.add(entity)
        self.store.add_mentions(mentions)
        stated, rows, facts = set(), [], set()
        for subject, predicate, obj, start, end in record.relations:
            fact = index.fact.get((subject, predicate, obj))
            if fact is None or (fact, start, end) in stated:
                continue
            stated.add((fact, start, end))
            rows.append((fact, s.id, number, text[start:end], start, end))
            facts.add(fact)
        self.store.add_statements(rows)
        self.store.add_articles(number, sorted(mentioned), sorted(facts))
        self.totals.mentioned[number] += len(mentioned)
        self.totals.stated[number] += len(facts)
        self._write(number, {
            "text": text,
            "body": [list(span) for span in record.body],
            "dropped": [[line.text, line.reason] for line in s.dropped],
            "url": s.metadata.url or "",
            "authors": list(s.metadata.authors),
            "source": s.source,
            "mentions": mention_spans(record, index, self.implicit),
            "facts": sorted([fact, start, end, start, end] for fact, start, end in stated),
        })

    def _write(self, number: int, payload: dict) -> None:
        shard = number // ARTICLES_PER_SHARD
        if shard != self.shard_number:
            self.flush()
            self.shard_number = shard
        self.shard[str(number)] = payload

    def flush(self) -> None:
        if self.shard:
            self.write(f"a-{self.shard_number}", self.shard)
        self.shard = {}


def read_articles(records: Iterable[ArticleRecord], index: ShardIndex, implicit: list[bool], store: PassageStore,
                  write: WriteShard) -> tuple[ArticleTotals, int]:
    """Write every article's reader shard; return what was counted and how many shard files were written.

    ``records`` come in input order (``BuildTables.articles()``), so each shard's articles come together.
    """
    shards = set()
    reader = ArticlePass(index, implicit, store, write)
    for record in records:
        reader.add(record)
        shards.add(reader.shard_number)
    reader.flush()
    return reader.totals, len(shards - {-1})
