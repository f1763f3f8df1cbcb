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
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from sys import intern

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
CREATE TABLE memberships (person TEXT NOT NULL, body TEXT NOT NULL, role BLOB NOT NULL,
                          PRIMARY KEY (person, body, role)) WITHOUT ROWID;
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
        self.db.executemany("INSERT OR IGNORE INTO memberships VALUES (?, ?, ?)",
                            ((person, body, role.encode("utf-8", "surrogatepass")) for person, body, role in memberships))

    def close(self) -> None:
        self.db.close()
        self._folder.cleanup()

    def __enter__(self) -> "CorpusTables":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---------------------------------------------------------------- resolve
    def resolve(self) -> ResolvedCorpus:
        """One record per entity, relation and membership, each table sorted (SQLite sorts on disk)."""
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")
        entities = tuple(self._entities())
        relations = tuple(self._relations())
        memberships = tuple(
            Membership(self.share(person), self.share(body), self.share(role.decode("utf-8", "surrogatepass")))
            for person, body, role in self.db.execute("SELECT person, body, role FROM memberships ORDER BY person, body, role"))
        return ResolvedCorpus(entities, relations, memberships)

    def share(self, value):
        """The one copy kept of a string or tuple that recurs (an IRI in many relations, a list of rules)."""
        return self._shared.setdefault(value, value)

    def _entities(self) -> Iterator[Entity]:
        rows = self.db.execute("SELECT iri, data FROM entities ORDER BY iri, article")
        for entity_iri, group in groupby(rows, key=lambda row: row[0]):
            totals = None
            for _, data in group:
                cls, names, aliases, kind, code, implicit, attributes, roles, _, count = _unpack(data)
                totals = totals or EntityTotals(cls)
                totals.add(names, aliases, kind, code, implicit, attributes, roles, count)
            yield describe(intern(entity_iri), totals, self.share)

    def _relations(self) -> Iterator[Relation]:
        rows = self.db.execute("SELECT s, p, o, data FROM relations ORDER BY s, p, o, article")
        for (s, p, o), group in groupby(rows, key=lambda row: row[:3]):
            rules, gazetteer, articles = set(), False, 0
            for *_, data in group:
                found_by, from_gazetteer, at, _ = _unpack(data)
                rules.update(found_by)
                gazetteer |= from_gazetteer
                articles += at or not from_gazetteer
            yield Relation(intern(s), self.share(p), intern(o), self.share(tuple(sorted(rules))), gazetteer, articles)

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
