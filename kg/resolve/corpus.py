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

import json
from sys import intern

from kg.model import (
    ArticleFacts,
    Entity,
    Evidence,
    Membership,
    Relation,
    ResolvedCorpus,
)
from kg.cache.codec import encode_facts
from kg.rdf.vocab import KIND_CLASSES
from kg.resolve.rules import load_rules

EVIDENCE_SAMPLES = 2
# Classes whose label is the form written most (官方 and colloquial names of
# units; quoted names of programs, not name + head noun); the others take the
# most complete (longest) form.
MOST_WRITTEN_LABEL = ("AdministrativeUnit", "Program")


# A piece of evidence while merging: (article id, start, end, sentence start, sentence end, sentence text),
# so that tuple order is the order in which samples are kept (by article id, then offset).
Sample = tuple[str, int, int, int, int, str]


def _keep_first(kept: list[Sample], more: list[Sample]) -> list[Sample]:
    return sorted({*kept, *more})[:EVIDENCE_SAMPLES]


def _evidence(samples: list[Sample]) -> tuple[Evidence, ...]:
    return tuple(Evidence(a, text, s_start, s_end, start, end) for a, start, end, s_start, s_end, text in samples)


class EntityTotals:
    """One entity's aggregate. Containers a typical entity never needs stay None (memory: ~0.5 KB each)."""

    __slots__ = ("cls", "written", "official", "aliases", "kinds", "code", "attributes", "roles",
                 "articles", "evidence", "mentions")

    def __init__(self, cls: str):
        self.cls = cls
        self.written: dict[str, int] = {}  # names the articles write, with how often
        self.official: tuple[str, ...] = ()  # names of implicit observations (the gazetteer's)
        self.aliases: set[str] | None = None
        self.kinds: dict[str, int] | None = None
        self.code: str | None = None
        self.attributes: dict[str, tuple[str, str]] | None = None  # name -> (article id, value): the first article's
        self.roles: set[str] | None = None
        self.articles: list[str] = []
        self.evidence: list[Sample] = []
        self.mentions = 0


class RelationTotals:
    __slots__ = ("rules", "gazetteer", "articles", "evidence")

    def __init__(self) -> None:
        self.rules: tuple[str, ...] = ()
        self.gazetteer = False
        self.articles: list[str] = []
        self.evidence: list[Sample] = []


class CorpusTables:
    """Add each article's facts (in any order), then ``resolve()``.

    Facts come in their cache encoding (``kg.cache.codec.encode_facts``): the build
    has them as text anyway, and merging plain lists skips building every
    observation as an object. Strings that recur across articles (IRIs, class
    and rule names) are kept once.
    """

    def __init__(self) -> None:
        self.entities: dict[str, EntityTotals] = {}
        self.relations: dict[tuple[str, str, str], RelationTotals] = {}
        self.memberships: set[tuple[str, str, str]] = set()

    def add(self, facts: ArticleFacts) -> None:
        self.add_encoded(encode_facts(facts))

    def add_encoded(self, text: str) -> None:
        article, entities, relations, memberships, sentences = json.loads(text)

        def samples(items: list) -> list[Sample]:
            return [(article, start, end, sentences[i][0], sentences[i][1], sentences[i][2]) for i, start, end in items]

        for iri, key, cls, names, aliases, kind, code, implicit, attributes, roles, evidence, count in entities:
            totals = self.entities.get(iri)
            if totals is None:
                totals = self.entities[intern(iri)] = EntityTotals(intern(cls))
            if implicit:
                totals.official = tuple(sorted({*totals.official, *(name for name, _ in names)}))
            else:
                written = totals.written
                for name, n in names:
                    written[name] = written.get(name, 0) + n
                totals.articles.append(article)
                totals.mentions += count
                if evidence:
                    totals.evidence = _keep_first(totals.evidence, samples(evidence))
            if aliases:
                totals.aliases = (totals.aliases or set()) | set(aliases)
            if kind:
                kinds = totals.kinds = totals.kinds or {}
                kinds[intern(kind)] = kinds.get(kind, 0) + 1
            totals.code = totals.code or code
            for name, value in attributes:
                attributes_ = totals.attributes = totals.attributes or {}
                if name not in attributes_ or article < attributes_[name][0]:
                    attributes_[name] = (article, value)
            if roles:
                totals.roles = (totals.roles or set()) | set(roles)
        for s, p, o, rules, gazetteer, at, evidence in relations:
            s, o = intern(s), intern(o)  # the entities table holds the same strings
            totals = self.relations.get((s, p, o))
            if totals is None:
                totals = self.relations[(s, intern(p), o)] = RelationTotals()
            if not set(rules) <= set(totals.rules):
                totals.rules = tuple(sorted({*totals.rules, *map(intern, rules)}))
            totals.gazetteer |= gazetteer
            if at or not gazetteer:
                totals.articles.append(article)
            if evidence:
                totals.evidence = _keep_first(totals.evidence, samples(evidence))
        self.memberships.update(map(tuple, memberships))

    def resolve(self) -> ResolvedCorpus:
        """The tables, sorted; the aggregates are dropped as they are described (memory is not held twice)."""
        entities = []
        for entity_iri in sorted(self.entities):
            entities.append(describe(entity_iri, self.entities.pop(entity_iri)))
        relations = []
        for (s, p, o) in sorted(self.relations):
            t = self.relations.pop((s, p, o))
            relations.append(Relation(s, p, o, t.rules, t.gazetteer, tuple(sorted(set(t.articles))), _evidence(t.evidence)))
        memberships = tuple(Membership(*m) for m in sorted(self.memberships))
        return ResolvedCorpus(tuple(entities), tuple(relations), memberships)


def describe(entity_iri: str, t: EntityTotals) -> Entity:
    label = canonical_label(t)
    forms = set(t.written) | (t.aliases or set()) | set(t.official)
    return Entity(
        iri=entity_iri,
        cls=t.cls,
        fine_class=fine_class(t, label),
        label=label,
        alt_labels=tuple(sorted(forms - {label})),
        code=t.code,
        implicit=not t.written,
        attributes=tuple(sorted((name, value) for name, (_, value) in (t.attributes or {}).items())),
        roles=tuple(sorted(t.roles or ())),
        articles=tuple(sorted(set(t.articles))),
        mentions=t.mentions,
        evidence=_evidence(t.evidence),
    )


def canonical_label(t: EntityTotals) -> str:
    if not t.written:
        return min(t.official or ("?",), key=lambda n: (-len(n), n))
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
