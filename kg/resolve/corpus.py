"""Resolve, corpus-wide: merge the articles' observations into one record per entity and relation.

Identities are already settled per article (``kg.resolve.identity``); what
is decided here, over the whole corpus, is only how each entity is
described: its one canonical label (the form articles write most for units
and programs, else the most complete form; ties by length, then code-point
order, so the choice never depends on input order), its alt labels, its finest
class, its attributes. Labels may change as the corpus grows; IRIs never do.

``CorpusTables`` holds nothing per entity in memory while the articles come
in: each article's observations go to a SQLite file of its own (a temporary
folder), and ``resolve()`` reads them back sorted by IRI, merging one entity
(one relation) at a time. Memory then grows only with what the resolved
records keep: a 100,000-article corpus has about a million of each, and
aggregates held in dicts cost some 0.9 KB per entity and relation (1.7 GB).
The records keep counts, not article lists, and no evidence text: the samples
stay on disk as (article, sentence, offsets) (``evidence``), and their text
is in the build cache (``kg.cache.BuildCache.evidence``).
"""
from __future__ import annotations

import json
import marshal
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from operator import attrgetter
from pathlib import Path
from sys import intern
from typing import Protocol

from kg.cache.codec import fact_lists
from kg.model import ArticleFacts, Entity, EvidenceRef, Membership, Relation, ResolvedCorpus
from kg.rdf.terms import KIND_CLASSES
from kg.resolve.rules import load_rules

EVIDENCE_SAMPLES = 2
# Classes whose label is the form written most (官方 and colloquial names of
# units; quoted names of programs, not name + head noun); the others take the
# most complete (longest) form.
MOST_WRITTEN_LABEL = ("AdministrativeUnit", "Program")
AUTONOMOUS = "自治"  # in the official names of autonomous regions, prefectures, counties and banners


def _pack(row: list) -> bytes:
    """A row's data as marshal bytes: a third of the CPU of JSON each way (some 220,000 rows written and read
    back at 5,000 articles). Safe here, unlike in the build cache (``kg.cache.codec``): the file is this
    process's own scratch, in a private temporary folder, read back only by it. A lone surrogate (which the
    text never has, but hand-made facts may) goes in and out as it is. Lists may come back as tuples:
    every reader only iterates them."""
    return marshal.dumps(row)


_unpack = marshal.loads

_SCHEMA = """
CREATE TABLE entities (iri TEXT NOT NULL, article TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE relations (s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL, article TEXT NOT NULL, data BLOB NOT NULL);
-- roles as UTF-8 bytes: they sort as their code points do, as Python sorts the strings
CREATE TABLE memberships (person TEXT NOT NULL, body TEXT NOT NULL, role BLOB NOT NULL, article TEXT NOT NULL,
                          PRIMARY KEY (person, body, role, article)) WITHOUT ROWID;
"""


class EntityTotals:
    """One entity's aggregate while its observations are merged. Containers most entities never need stay None."""

    __slots__ = ("cls", "written", "official", "aliases", "kinds", "code", "attributes", "roles", "articles",
                 "mentions")

    def __init__(self, cls: str):
        self.cls = cls
        self.written: dict[str, int] = {}  # names the articles write, with how often
        self.official: set[str] = set()  # names of implicit observations (the gazetteer's)
        self.aliases: set[str] | None = None
        self.kinds: dict[str, int] | None = None
        self.code: str | None = None
        self.attributes: dict[str, str] | None = None  # name -> value: the first article's (rows come by article)
        self.roles: set[str] | None = None
        self.articles = 0  # articles that write it
        self.mentions = 0

    def add(self, names, aliases, kind, code, implicit, attributes, roles, count) -> None:
        if implicit:
            self.official.update(name for name, _ in names)
        else:
            for name, n in names:
                if n:
                    self.written[name] = self.written.get(name, 0) + n
                else:
                    self.official.add(name)  # a coded unit's name in the division table, not written in this article
            self.articles += 1
            self.mentions += count
        if aliases:
            self.aliases = (self.aliases or set()) | set(aliases)
        if kind:
            kinds = self.kinds = self.kinds or {}
            kinds[kind] = kinds.get(kind, 0) + 1
        self.code = self.code or code
        for name, value in attributes:
            self.attributes = self.attributes or {}
            self.attributes.setdefault(name, value)
        if roles:
            self.roles = (self.roles or set()) | set(roles)


class CorpusTables:
    """Add each article's facts (in any order, each article once), then ``resolve()``; ``close()`` at the end.

    Facts come in their cache encoding (``kg.cache.codec.encode_facts``): the
    build has them as text anyway; the facts of an article just worked out
    come as the lists that encoding was made from (``add_lists``), not parsed again. The rows live in a temporary SQLite file,
    deleted by ``close()`` (or when the tables are garbage-collected).
    """

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="kg-tables-", dir=folder)
        self.db = sqlite3.connect(Path(self._folder.name) / "tables.sqlite", isolation_level=None)
        # Scratch data, rebuilt by any build that needs it: no journal, no syncing.
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE; "
                              "PRAGMA cache_size=-65536;")  # sorting: 64 MB in memory, the rest in files
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")
        self._indexed = False
        self._shared: dict = {}  # one copy of each recurring string or tuple (IRIs, classes, rule lists)

    def add(self, facts: ArticleFacts) -> None:
        self.add_lists(fact_lists(facts))

    def add_encoded(self, text: str) -> None:
        self.add_lists(json.loads(text))

    def add_lists(self, facts: list) -> None:
        """``add_encoded`` of the facts before they were encoded (``kg.cache.codec.fact_lists``)."""
        article, entities, relations, memberships, _ = facts
        self.db.executemany("INSERT INTO entities VALUES (?, ?, ?)", (
            (iri, article, _pack([cls, names, aliases, kind, code, implicit, attributes, roles, evidence, count]))
            for iri, _key, cls, names, aliases, kind, code, implicit, attributes, roles, evidence, count in entities))
        self.db.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?)", (
            (s, p, o, article, _pack([rules, gazetteer, bool(at), evidence]))
            for s, p, o, rules, gazetteer, at, evidence in relations))
        self.db.executemany("INSERT OR IGNORE INTO memberships VALUES (?, ?, ?, ?)",
                            ((person, body, role.encode("utf-8", "surrogatepass"), article)
                             for person, body, role in memberships))

    def close(self) -> None:
        self.db.close()
        self._folder.cleanup()

    def __enter__(self) -> "CorpusTables":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---------------------------------------------------------------- resolve
    def resolve(self, keep: KeptObservations | None = None) -> ResolvedCorpus:
        """One record per entity, relation and membership, each table sorted (SQLite sorts on disk).

        ``keep``: where every observation also goes, as it is read (the build cache keeps them, so that the
        next build merges again only the entities and relations its changed articles observe)."""
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")
        entities = tuple(self._entities(keep.entities if keep else None))
        relations = tuple(self._relations(keep.relations if keep else None))
        rows = self.db.execute("SELECT DISTINCT person, body, role FROM memberships ORDER BY person, body, role")
        memberships = tuple(Membership(self.share(person), self.share(body), self.share(role.decode("utf-8", "surrogatepass")))
                            for person, body, role in rows)
        if keep:
            keep.memberships(self.db.execute("SELECT person, body, role, article FROM memberships").fetchall())
        return ResolvedCorpus(entities, relations, memberships)

    def share(self, value):
        """The one copy kept of a string or tuple that recurs (an IRI in many relations, a list of rules)."""
        return self._shared.setdefault(value, value)

    def _entities(self, keep: Callable[[list], None] | None) -> Iterator[Entity]:
        rows = self.db.execute("SELECT iri, article, data FROM entities ORDER BY iri, article")
        return self._merged(rows, lambda row: row[0], ENTITY_FIELDS, merge_entity, keep)

    def _relations(self, keep: Callable[[list], None] | None) -> Iterator[Relation]:
        rows = self.db.execute("SELECT s, p, o, article, data FROM relations ORDER BY s, p, o, article")
        return self._merged(rows, lambda row: row[:3], RELATION_FIELDS, merge_relation, keep)

    def _merged(self, rows, key_of: Callable, fields, merge: Callable, keep: Callable[[list], None] | None) -> Iterator:
        """Each key's observations merged, from rows of (key…, article, data) in key order; with ``keep``, the rows
        are also handed to it as kept observations, ``KEEP_BATCH`` at a time."""
        kept: list = []
        for key, group in groupby(rows, key=key_of):
            observations = [_unpack(row[-1]) for row in group] if keep is None else \
                [_kept_row(kept, key, row[-2], _unpack(row[-1]), fields) for row in group]
            yield merge(key, observations, self.share)
            if len(kept) >= KEEP_BATCH:
                keep(kept)
                kept = []
        if keep is not None:
            keep(kept)

    # --------------------------------------------------------------- evidence
    def evidence(self, subject: str, predicate: str | None = None, obj: str | None = None) -> tuple[EvidenceRef, ...]:
        """The first samples of where an entity (or, given all three, a relation) is stated: by article id, then offset.

        Their sentence text is in the articles' facts (``kg.cache.BuildCache.evidence`` reads it back).
        """
        if not self._indexed:  # only asked for after the build's pass over all rows: index then, once
            self.db.execute("CREATE INDEX IF NOT EXISTS entity_rows ON entities (iri)")
            self.db.execute("CREATE INDEX IF NOT EXISTS relation_rows ON relations (s, p, o)")
            self._indexed = True
        if predicate is None:
            rows = self.db.execute("SELECT article, data FROM entities WHERE iri = ?", (subject,))
            position = 8
        else:
            rows = self.db.execute("SELECT article, data FROM relations WHERE s = ? AND p = ? AND o = ?",
                                   (subject, predicate, obj))
            position = 3
        samples = []
        for article, data in rows:
            row = _unpack(data)
            if predicate is None and row[5]:
                continue  # an implicit observation (a gazetteer ancestor) has no evidence of its own
            samples.extend((article, start, end, sentence) for sentence, start, end in row[position])
        samples.sort()
        return tuple(EvidenceRef(article, sentence, start, end) for article, start, end, sentence in
                     samples[:EVIDENCE_SAMPLES])


# What of an observation the merge reads, in this order (``CorpusTables.add_lists`` packs them so, with the
# evidence samples as well); the build cache keeps these fields only, as JSON.
ENTITY_FIELDS = 8  # cls, names, aliases, kind, code, implicit, attributes, roles (then evidence, count)
RELATION_FIELDS = 3  # rules, gazetteer, at (then evidence)
KEEP_BATCH = 10_000  # observations handed to ``KeptObservations`` at a time


class KeptObservations(Protocol):
    """Where ``CorpusTables.resolve`` hands every observation it reads (the build cache is one).

    Rows are (key, article, observation): key the entity's IRI or the relation's (subject, predicate, object),
    the observation as the merge reads it (``merge_entity``, ``merge_relation``)."""

    def entities(self, rows: list) -> None: ...
    def relations(self, rows: list) -> None: ...
    def memberships(self, rows: list[tuple[str, str, bytes, str]]) -> None: ...  # (person, body, role as UTF-8, article)


def _kept_row(kept: list, key, article: str, row, fields: int) -> list:
    """The observation as the merge reads it, also put in ``kept`` as (key, article, observation)."""
    observation = [*row[:fields], row[-1]] if fields == ENTITY_FIELDS else list(row[:fields])
    kept.append((key, article, observation))
    return observation


def merge_entity(entity_iri: str, observations, share=lambda value: value) -> Entity:
    """One entity from its observations in article-id order, each (cls, names, aliases, kind, code, implicit,
    attributes, roles, …, count): the full build's packed rows and the kept ones (without evidence) alike."""
    totals = None
    for row in observations:
        totals = totals or EntityTotals(row[0])
        totals.add(*row[1:ENTITY_FIELDS], row[-1])
    return describe(intern(entity_iri), totals, share)


def merge_relation(key: tuple[str, str, str], observations, share=lambda value: value) -> Relation:
    """One relation from its observations in article-id order, each (rules, gazetteer, at, …)."""
    rules, gazetteer, articles = set(), False, 0
    for found_by, from_gazetteer, at, *_ in observations:
        rules.update(found_by)
        gazetteer |= from_gazetteer
        articles += at or not from_gazetteer
    s, p, o = key
    return Relation(intern(s), share(p), intern(o), share(tuple(sorted(rules))), gazetteer, articles)


def observations(facts: list) -> tuple[list, list, list]:
    """An article's facts (``kg.cache.codec.fact_lists``, or their JSON read back) as the rows a full resolve
    hands to ``KeptObservations``: the same (key, article, observation) it reads from its tables."""
    article, entities, relations, memberships, _ = facts
    return (
        [(iri, article, [cls, names, aliases, kind, code, implicit, attributes, roles, count])
         for iri, _key, cls, names, aliases, kind, code, implicit, attributes, roles, _evidence, count in entities],
        [((s, p, o), article, [rules, gazetteer, bool(at)]) for s, p, o, rules, gazetteer, at, _evidence in relations],
        [(person, body, role.encode("utf-8", "surrogatepass"), article) for person, body, role in memberships],
    )


def patch_corpus(last: ResolvedCorpus, entities: Iterable[tuple[str, list]],
                 relations: Iterable[tuple[tuple[str, str, str], list]], touched_entities: set[str],
                 touched_relations: set[tuple[str, str, str]], memberships: tuple[Membership, ...],
                 share=lambda value: value) -> ResolvedCorpus:
    """The last corpus with the touched entities and relations merged again from their observations.

    ``entities`` and ``relations``: (key, its observations in article-id order) of every touched one that is
    still observed, in key order; a touched one no article observes any more is gone. The merge is the one a
    full resolve runs, so the records are the ones it would make.
    """
    entities_ = [e for e in last.entities if e.iri not in touched_entities]
    entities_ += [merge_entity(iri, rows, share) for iri, rows in entities]
    relations_ = [r for r in last.relations if (r.subject, r.predicate, r.object) not in touched_relations]
    relations_ += [merge_relation(key, rows, share) for key, rows in relations]
    # Two sorted runs: sorting finds and merges them (Python's sort, in C), cheaper than merging them here.
    entities_.sort(key=_iri)
    relations_.sort(key=_triple)
    return ResolvedCorpus(tuple(entities_), tuple(relations_), memberships)


_iri = attrgetter("iri")
_triple = attrgetter("subject", "predicate", "object")


def describe(entity_iri: str, t: EntityTotals, share=lambda value: value) -> Entity:
    label = canonical_label(t)
    forms = set(t.written) | (t.aliases or set()) | t.official
    return Entity(
        iri=entity_iri,
        cls=share(t.cls),
        fine_class=share(fine_class(t, label)),
        label=label,
        alt_labels=tuple(sorted(forms - {label})),
        code=t.code,
        implicit=not t.written,
        attributes=tuple(sorted((t.attributes or {}).items())),
        roles=tuple(sorted(t.roles or ())),
        article_count=t.articles,
        mentions=t.mentions,
    )


def canonical_label(t: EntityTotals) -> str:
    if not t.written:
        return min(t.official or ("?",), key=lambda n: (-len(n), n))
    if t.cls == "AdministrativeUnit" and (autonomous := [n for n in t.official if AUTONOMOUS in n]):
        # An autonomous area is written by a short form that drops its peoples (海南州, 景东县) but named by
        # the division table's full name, which says what it is; other units keep the form the articles
        # write, which may differ from the table's (满春街道, where the table has 满春街街道).
        return min(autonomous, key=lambda n: (-len(n), n))
    if t.cls in MOST_WRITTEN_LABEL:
        return min(t.written, key=lambda n: (-t.written[n], -len(n), n))
    return min(set(t.written) | (t.aliases or set()), key=lambda n: (-len(n), n))


def fine_class(t: EntityTotals, label: str) -> str:
    """The finest class the entity's kind allows (the kind most articles give), else its top class."""
    kinds = t.kinds or {}
    kind = min(kinds, key=lambda k: (-kinds[k], k)) if kinds else None
    if kind is None and t.cls == "Partner":
        kind = load_rules().partner_kind(label)
    return KIND_CLASSES.get((t.cls, kind or ""), t.cls)
