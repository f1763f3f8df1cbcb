"""Resolve, corpus-wide: merge the articles' observations into one record per entity and relation.

Identities are already settled per article (``kg.resolve.identity``); what
is decided here, over the whole corpus, is only how each entity is
described: its one canonical label (the form articles write most for units
and programs, else the most complete form; ties by length, then code-point
order, so the choice never depends on input order), its alt labels, its finest
class, its attributes. Labels may change as the corpus grows; IRIs never do.

``CorpusTables`` keeps one small aggregate per entity and per relation and
nothing per mention, so memory grows with the number of distinct entities,
not with the corpus.
"""
from __future__ import annotations

from collections import Counter

from kg.model import (
    ArticleFacts,
    Entity,
    Evidence,
    Membership,
    Relation,
    ResolvedCorpus,
)
from kg.rdf.vocab import KIND_CLASSES
from kg.resolve.rules import load_rules

EVIDENCE_SAMPLES = 2
# Classes whose label is the form written most (官方 and colloquial names of
# units; quoted names of programs, not name + head noun); the others take the
# most complete (longest) form.
MOST_WRITTEN_LABEL = ("AdministrativeUnit", "Program")


def _evidence_order(e: Evidence) -> tuple:
    return (e.article_id, e.start, e.end, e.sentence_start)


class EntityTotals:
    __slots__ = ("cls", "key", "written", "official", "aliases", "kinds", "code", "attributes", "roles",
                 "articles", "evidence", "mentions")

    def __init__(self, cls: str, key: str):
        self.cls, self.key = cls, key
        self.written: Counter = Counter()  # names the articles write, with how often
        self.official: set[str] = set()  # names of implicit observations (the gazetteer's)
        self.aliases: set[str] = set()
        self.kinds: Counter = Counter()
        self.code: str | None = None
        self.attributes: dict[str, tuple[str, str]] = {}  # name -> (article id, value): the first article's
        self.roles: set[str] = set()
        self.articles: list[str] = []
        self.evidence: list[Evidence] = []
        self.mentions = 0


class RelationTotals:
    __slots__ = ("rules", "gazetteer", "articles", "evidence")

    def __init__(self) -> None:
        self.rules: set[str] = set()
        self.gazetteer = False
        self.articles: list[str] = []
        self.evidence: list[Evidence] = []


def _keep_first(kept: list[Evidence], more) -> list[Evidence]:
    return sorted({*kept, *more}, key=_evidence_order)[:EVIDENCE_SAMPLES]


class CorpusTables:
    """Add each article's facts (in any order), then ``resolve()``."""

    def __init__(self) -> None:
        self.entities: dict[str, EntityTotals] = {}
        self.relations: dict[tuple[str, str, str], RelationTotals] = {}
        self.memberships: set[tuple[str, str, str]] = set()

    def add(self, facts: ArticleFacts) -> None:
        article = facts.article_id
        for o in facts.entities:
            totals = self.entities.get(o.iri)
            if totals is None:
                totals = self.entities[o.iri] = EntityTotals(o.cls, o.key)
            if o.implicit:
                totals.official.update(name for name, _ in o.names)
            else:
                totals.written.update(dict(o.names))
                totals.articles.append(article)
                totals.mentions += o.mentions
                if o.evidence:
                    totals.evidence = _keep_first(totals.evidence, o.evidence)
            totals.aliases.update(o.aliases)
            if o.kind:
                totals.kinds[o.kind] += 1
            totals.code = totals.code or o.code
            for name, value in o.attributes:
                if name not in totals.attributes or article < totals.attributes[name][0]:
                    totals.attributes[name] = (article, value)
            totals.roles.update(o.roles)
        for r in facts.relations:
            totals = self.relations.get((r.subject, r.predicate, r.object))
            if totals is None:
                totals = self.relations[(r.subject, r.predicate, r.object)] = RelationTotals()
            totals.rules.update(r.rules)
            totals.gazetteer |= r.from_gazetteer
            if r.sentences or not r.from_gazetteer:
                totals.articles.append(article)
            if r.evidence:
                totals.evidence = _keep_first(totals.evidence, r.evidence)
        self.memberships.update((m.person, m.body, m.role) for m in facts.memberships)

    def resolve(self) -> ResolvedCorpus:
        entities = tuple(describe(entity_iri, t) for entity_iri, t in sorted(self.entities.items()))
        relations = tuple(
            Relation(s, p, o, tuple(sorted(t.rules)), t.gazetteer, tuple(sorted(set(t.articles))), tuple(t.evidence))
            for (s, p, o), t in sorted(self.relations.items())
        )
        memberships = tuple(Membership(*m) for m in sorted(self.memberships))
        return ResolvedCorpus(entities, relations, memberships)


def describe(entity_iri: str, t: EntityTotals) -> Entity:
    label = canonical_label(t)
    forms = set(t.written) | t.aliases | t.official
    return Entity(
        iri=entity_iri,
        key=t.key,
        cls=t.cls,
        fine_class=fine_class(t, label),
        label=label,
        alt_labels=tuple(sorted(forms - {label})),
        code=t.code,
        implicit=not t.written,
        attributes=tuple(sorted((name, value) for name, (_, value) in t.attributes.items())),
        roles=tuple(sorted(t.roles)),
        articles=tuple(sorted(set(t.articles))),
        mentions=t.mentions,
        evidence=tuple(t.evidence),
    )


def canonical_label(t: EntityTotals) -> str:
    if not t.written:
        return min(t.official or {t.key}, key=lambda n: (-len(n), n))
    if t.cls in MOST_WRITTEN_LABEL:
        return min(t.written, key=lambda n: (-t.written[n], -len(n), n))
    return min(set(t.written) | t.aliases, key=lambda n: (-len(n), n))


def fine_class(t: EntityTotals, label: str) -> str:
    """The finest class the entity's kind allows (the kind most articles give), else its top class."""
    kind = min(t.kinds, key=lambda k: (-t.kinds[k], k)) if t.kinds else None
    if kind is None and t.cls == "Partner":
        kind = load_rules().partner_kind(label)
    return KIND_CLASSES.get((t.cls, kind or ""), t.cls)
