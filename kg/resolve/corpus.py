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
from collections import Counter

from kg.model import (
    ArticleFacts,
    Entity,
    Evidence,
    Membership,
    Relation,
    ResolvedCorpus,
)
from kg.codec import encode_facts
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
        self.evidence: list[Sample] = []
        self.mentions = 0


class RelationTotals:
    __slots__ = ("rules", "gazetteer", "articles", "evidence")

    def __init__(self) -> None:
        self.rules: set[str] = set()
        self.gazetteer = False
        self.articles: list[str] = []
        self.evidence: list[Sample] = []


class CorpusTables:
    """Add each article's facts (in any order), then ``resolve()``.

    Facts come in their cache encoding (``kg.codec.encode_facts``): the build
    has them as text anyway, and merging plain lists skips building every
    observation as an object.
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
                totals = self.entities[iri] = EntityTotals(cls, key)
            if implicit:
                totals.official.update(name for name, _ in names)
            else:
                for name, n in names:
                    totals.written[name] += n
                totals.articles.append(article)
                totals.mentions += count
                if evidence:
                    totals.evidence = _keep_first(totals.evidence, samples(evidence))
            totals.aliases.update(aliases)
            if kind:
                totals.kinds[kind] += 1
            totals.code = totals.code or code
            for name, value in attributes:
                if name not in totals.attributes or article < totals.attributes[name][0]:
                    totals.attributes[name] = (article, value)
            totals.roles.update(roles)
        for s, p, o, rules, gazetteer, at, evidence in relations:
            totals = self.relations.get((s, p, o))
            if totals is None:
                totals = self.relations[(s, p, o)] = RelationTotals()
            totals.rules.update(rules)
            totals.gazetteer |= gazetteer
            if at or not gazetteer:
                totals.articles.append(article)
            if evidence:
                totals.evidence = _keep_first(totals.evidence, samples(evidence))
        self.memberships.update(map(tuple, memberships))

    def resolve(self) -> ResolvedCorpus:
        entities = tuple(describe(entity_iri, t) for entity_iri, t in sorted(self.entities.items()))
        relations = tuple(
            Relation(s, p, o, tuple(sorted(t.rules)), t.gazetteer, tuple(sorted(set(t.articles))), _evidence(t.evidence))
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
        evidence=_evidence(t.evidence),
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
