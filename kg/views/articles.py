"""One pass over the articles: each article's reader shard written as it is read.

``read_articles`` takes ``BuildTables.articles()`` one ``ArticleRecord`` at a
time and, for each, writes its part of an ``a-N`` shard (text, body spans,
dropped furniture, metadata, mention spans, the facts it states with their
sentences), puts its passages into the ``PassageStore``, and counts. It keeps
no text: what it returns (``ArticleTotals``) is numbers only, so the views'
memory does not grow with the corpus' text.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg.model import ArticleRecord
from kg.views.passages import PassageStore
from kg.views.runs import ShardFiles, entity_key, feed, inputs_hash, joined, shard_bytes

ARTICLES_PER_SHARD = 25  # articles in a shard, on average (kg.views.runs)


class ShardIndex:
    """Positions of entities, facts and articles in the core lists (the numbers the shards use)."""

    def __init__(self, entities: Mapping[str, int] | Iterable[str], facts: Iterable[tuple[str, str, str]],
                 articles: Iterable[str]) -> None:
        # A mapping of IRI -> number is used as it is (the analysis has one: Analysis.position).
        self.entity = entities if isinstance(entities, Mapping) else {iri: i for i, iri in enumerate(entities)}
        self.fact = {key: i for i, key in enumerate(facts)}
        self.article = {article_id: i for i, article_id in enumerate(articles)}


class ShardRefs:
    """How the shards name entities and facts: by key, never by position (``kg.views.runs``)."""

    def __init__(self, entity_iris: Iterable[str], implicit: list[bool],
                 facts: list[tuple[str, str, str]], relation_number: Mapping[str, int]) -> None:
        self.key = [entity_key(iri) for iri in entity_iris]  # by position
        self.implicit = implicit  # by position: added from the gazetteer, never written in an article
        self.facts = facts  # by position: (subject, predicate, object)
        self.relation_number = relation_number

    def fact(self, number: int) -> list:
        """[subject key, relation number, object key]: the fact as the shards name it."""
        subject, predicate, obj = self.facts[number]
        return [entity_key(subject), self.relation_number[predicate], entity_key(obj)]


@dataclass
class ArticleTotals:
    """What the pass counted per article (the articles of each entity and fact are in the ``PassageStore``)."""

    mentioned: list[int] = field(default_factory=list)  # per article: entities it mentions
    stated: list[int] = field(default_factory=list)  # per article: facts it states


def mention_spans(mentions: list[tuple[int, int, int]], implicit: list[bool]) -> list[list[int]]:
    """[start, end, entity, ...] spans of (start, end, entity) mentions: longest first where they overlap,
    explicit before implicit entities."""
    found: dict[tuple[int, int], list[int]] = {}
    for start, end, number in mentions:
        found.setdefault((start, -end), []).append(number)  # keyed so that the keys sort as wanted
    chosen: list[list[int]] = []
    taken_until = -1
    for start, minus_end in sorted(found):
        end = -minus_end
        if start < taken_until or end <= start:
            continue  # inside a longer mention already highlighted
        ids = found[start, minus_end]
        # Most spans name one entity: nothing to sort.
        chosen.append([start, end, *(ids if len(ids) == 1 else sorted(set(ids), key=lambda i: (implicit[i], i)))])
        taken_until = end
    return chosen


class ArticlePass:
    """Feeds the ``PassageStore`` article by article and writes each run of articles' shard (``kg.views.runs``).

    A run's records are kept until its last one has come (a few dozen): only then is it known whether the
    run's inputs are those of the last build's shard, which is then taken as it is.
    """

    def __init__(self, index: ShardIndex, refs: ShardRefs, store: PassageStore, files: ShardFiles,
                 article_runs: list[tuple[str, int]]) -> None:
        self.index, self.refs, self.store, self.files = index, refs, store, files
        self.totals = ArticleTotals([0] * len(index.article), [0] * len(index.article))
        self.run_of = {first: name for name, first in article_runs}
        self.run: list[tuple[ArticleRecord, list, set]] = []  # this run's records, their mentions, the facts stated
        self.run_name: str | None = None
        self.inputs = inputs_hash()

    def add(self, record: ArticleRecord) -> None:
        s, text, index = record.summary, record.text, self.index
        number = index.article.get(s.id)
        if number is None:
            return  # not among the report's articles: nothing links to it
        if number in self.run_of:
            self.flush()
            self.run_name = self.run_of[number]
        position = index.entity.get
        mentions = [(start, end, entity) for start, end, iri in record.mentions if (entity := position(iri)) is not None]
        mentioned = {entity for _, _, entity in mentions}
        self.store.add_mentions(number, text, sorted(set(record.sentences)), mentions)
        stated, rows, facts = set(), [], set()
        for subject, predicate, obj, start, end in record.relations:
            fact = index.fact.get((subject, predicate, obj))
            if fact is None or (fact, start, end) in stated:
                continue
            stated.add((fact, start, end))
            rows.append((fact, s.id, number, text[start:end], start, end))
            facts.add(fact)
        self.store.add_statements(rows)
        entities, facts = sorted(mentioned), sorted(facts)
        self.store.add_articles(number, entities, facts)
        self.totals.mentioned[number] += len(entities)
        self.totals.stated[number] += len(facts)
        # The shard's bytes come from the article (its id is its content's), where it was read, and which of
        # the entities and facts it names the analysis has (entities with whether the gazetteer alone added them).
        refs = self.refs
        feed(self.inputs, s.id, json.dumps(s.source, ensure_ascii=False),
             joined(refs.key[e] + ("\x1c1" if refs.implicit[e] else "") for e in entities),
             joined("\x1c".join(refs.facts[f]) for f in facts))
        self.run.append((record, mentions, stated))

    def payload(self, record: ArticleRecord, mentions: list[tuple[int, int, int]], stated: set) -> dict:
        s, refs = record.summary, self.refs
        return {
            "text": record.text,
            "body": [list(span) for span in record.body],
            "dropped": [[line.text, line.reason] for line in s.dropped],
            "url": s.metadata.url or "",
            "authors": list(s.metadata.authors),
            "source": s.source,
            "mentions": [[start, end, *(refs.key[e] for e in ids)]
                         for start, end, *ids in mention_spans(mentions, refs.implicit)],
            "facts": [[*refs.fact(fact), start, end, start, end] for fact, start, end in sorted(stated)],
        }

    def flush(self) -> None:
        if self.run_name is not None:
            run, name = self.run, self.run_name
            self.files.write(name, self.inputs.hexdigest(),
                             lambda: shard_bytes(name, {r.summary.id: self.payload(r, found, stated) for r, found, stated in run}))
        self.run, self.run_name, self.inputs = [], None, inputs_hash()


def read_articles(records: Iterable[ArticleRecord], index: ShardIndex, refs: ShardRefs, store: PassageStore,
                  files: ShardFiles, article_runs: list[tuple[str, int]]) -> ArticleTotals:
    """Write every article's reader shard; return what was counted.

    ``records`` come in input order (``BuildTables.articles()``), so each run's articles come together.
    """
    reader = ArticlePass(index, refs, store, files, article_runs)
    for record in records:
        reader.add(record)
    reader.flush()
    return reader.totals
