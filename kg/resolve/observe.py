"""Resolve, per article: the article's facts, with every identity settled (``observe``).

The keys come from ``kg.resolve.identity``; this module writes what the
article says with them, as an ``ArticleFacts``:

- one observation per entity (names and how often, aliases, kind, code,
  attributes, roles, a few sample mentions), merged corpus-wide by IRI;
- one observation per relation triple, with the rules that found it and the
  sentences that state it. A unit's ``partOf`` to its parent in the gazetteer
  is attributed to the gazetteer, never to a sentence, and so are the
  implicit ancestors it brings (they have no mentions). A deputy (副书记)
  does not ``lead``; a role in an organisation is also a membership;
- the sentences that support something, and every mention with its offsets
  in its sentence's text, chosen so that they select exactly its surface form.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from kg.model import (
    Article,
    ArticleExtraction,
    ArticleFacts,
    EntityObservation,
    Evidence,
    MembershipObservation,
    Mention,
    MentionSpan,
    RelationObservation,
    SentenceSpan,
)
from kg.rdf import iri
from kg.resolve.identity import ORG, UNIT, ArticleIdentities

MEMBERSHIP_BODIES = (ORG, "Partner")  # organisations only: a unit is a place, not an org:Organization
EVIDENCE_SAMPLES = 2  # sample mentions and sentences kept per entity and relation, for the views
GAZETTEER_RULE = "gazetteer"


def observe(article: Article, extraction: ArticleExtraction) -> ArticleFacts:
    """What one article contributes to the graph, with the keys of ``kg.resolve.identity``."""
    writer = FactsWriter(ArticleIdentities(article, extraction))
    for (cls, name), mentions in sorted(writer.ids.mentions.items()):
        writer.add_mentions(cls, name, mentions)
    writer.add_gazetteer_hierarchy()
    writer.add_relations()
    return writer.finish()


def first(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    if len(evidence) == 1 and EVIDENCE_SAMPLES:
        return (evidence[0],)  # (most entities and relations: nothing to dedupe or sort)
    return tuple(sorted(set(evidence), key=lambda e: (e.start, e.end, e.sentence_start))[:EVIDENCE_SAMPLES])


class FactsWriter:
    def __init__(self, ids: ArticleIdentities):
        self.ids = ids
        self.to_original = ids.article.normalised.to_original
        self.sentence_index: dict[tuple[int, int], int] = {}
        self.sentences: list[SentenceSpan] = []
        # (iri, sentence, begin) -> (end, surface): made a MentionSpan once, when the sentences are renumbered
        self.spans: dict[tuple[str, int, int], tuple[int, str]] = {}
        self.entities: dict[str, dict] = {}
        self.relations: dict[tuple[str, str, str], dict] = {}
        self.memberships: set[MembershipObservation] = set()

    # -------------------------------------------------------------- sentences
    def sentence(self, evidence: Evidence) -> int:
        where = (evidence.sentence_start, evidence.sentence_end)
        index = self.sentence_index.get(where)
        if index is None:
            index = self.sentence_index[where] = len(self.sentences)
            start = bisect_left(self.to_original, evidence.sentence_start)
            self.sentences.append(SentenceSpan(*where, evidence.sentence, start))
        return index

    def mention_span(self, entity: str, mention: Mention) -> None:
        index = self.sentence(mention.evidence)
        sentence = self.sentences[index]
        surface = mention.surface
        begin = bisect_left(self.to_original, mention.evidence.start) - sentence.normalised_start
        if sentence.text[begin : begin + len(surface)] != surface:
            # The offsets and the text disagree (an offset map that is not one to one): trust the text.
            found = [i for i in _occurrences(sentence.text, surface)]
            if not found:
                return
            begin = min(found, key=lambda i: (abs(i - begin), i))
        self.spans.setdefault((entity, index, begin), (begin + len(surface), surface))

    # --------------------------------------------------------------- entities
    def entity(self, cls: str, iri_: str, key: str) -> dict:
        found = self.entities.get(iri_)
        if found is None:
            # Counts as defaultdict(int), not Counter: the same counting, and Counter's __init__ is Python code
            # (two per entity per article: 0.25 s at 5,000 articles).
            found = self.entities[iri_] = {
                "cls": cls, "key": key, "names": defaultdict(int), "aliases": set(), "kinds": defaultdict(int),
                "code": None, "attributes": {}, "roles": set(), "evidence": [], "mentions": 0, "implicit": False,
            }
        return found

    def add_mentions(self, cls: str, name: str, mentions: list[Mention]) -> None:
        key = self.ids.keys[(cls, name)]
        entity_iri = self.ids.iri_of(cls, name)
        record = self.entity(cls, entity_iri, key)
        record["names"][name] += len(mentions)
        record["mentions"] += len(mentions)
        for m in sorted(mentions, key=lambda m: (m.evidence.start, m.evidence.end)):
            record["aliases"].update(m.aliases)
            if m.kind:
                record["kinds"][m.kind] += 1
            for attribute, value in m.attributes:
                record["attributes"].setdefault(attribute, value)
            if m.role:
                record["roles"].add(m.role)
            record["evidence"].append(m.evidence)
            self.mention_span(entity_iri, m)
        if cls == UNIT and name in self.ids.codes:
            record["code"] = self.ids.codes[name]

    def add_gazetteer_hierarchy(self) -> None:
        """Each coded unit's parent, and theirs up to the province, from the division table."""
        gazetteer = self.ids.gazetteer
        pending = sorted({r["code"] for r in self.entities.values() if r["code"]})
        done: set[str] = set()
        while pending:
            code = pending.pop()
            if code in done:
                continue
            done.add(code)
            division = gazetteer.get(code)
            parent = gazetteer.parent(division) if division is not None else None
            if parent is None:
                continue
            child_iri = iri.entity_iri(UNIT, iri.unit_key(code))
            parent_iri = iri.entity_iri(UNIT, iri.unit_key(parent.code))
            if parent_iri not in self.entities:
                record = self.entity(UNIT, parent_iri, iri.unit_key(parent.code))
                record.update(code=parent.code, implicit=True)
                record["names"][parent.name] += 0  # the official name, written nowhere
                record["kinds"][parent.level] += 1
            self.add_relation(child_iri, "partOf", parent_iri, GAZETTEER_RULE, from_gazetteer=True)
            pending.append(parent.code)

    # -------------------------------------------------------------- relations
    def add_relation(self, s: str, p: str, o: str, rule: str, evidence: Evidence | None = None,
                     from_gazetteer: bool = False) -> None:
        record = self.relations.setdefault((s, p, o), {"rules": set(), "sentences": set(), "evidence": [],
                                                       "gazetteer": False})
        record["rules"].add(rule)
        record["gazetteer"] |= from_gazetteer
        if evidence is not None:
            record["sentences"].add(self.sentence(evidence))
            record["evidence"].append(evidence)

    def add_relations(self) -> None:
        ids = self.ids
        for predicate, relations in sorted(ids.relations.items()):
            if predicate == "partOf":
                continue  # coded units: the gazetteer's; others: the parent their key was built on (below)
            for r in relations:
                s, o = ids.iri_of(r.subject.cls, r.subject.name), ids.iri_of(r.object.cls, r.object.name)
                if s is None or o is None or s == o:
                    continue
                if predicate == "leads":
                    role = self.role_at(r.subject.name, r.evidence)
                    if role and r.object.cls in MEMBERSHIP_BODIES:
                        self.memberships.add(MembershipObservation(s, o, role))
                    if ids.rules.is_deputy(role):
                        continue
                self.add_relation(s, predicate, o, r.rule, r.evidence)
        for name, parent in sorted(ids.parent_of.items()):
            s, o = ids.iri_of(UNIT, name), ids.iri_of(UNIT, parent)
            for r in ids.relations["partOf"]:
                if r.subject.name == name and r.object.name == parent and r.subject.cls == r.object.cls == UNIT:
                    self.add_relation(s, "partOf", o, r.rule, r.evidence)

    def role_at(self, person: str, evidence: Evidence) -> str | None:
        """The role the person's mention at this relation's evidence states."""
        mentions = self.ids.mentions.get(("Person", person), [])
        here = [m.role for m in mentions if (m.evidence.start, m.evidence.end) == (evidence.start, evidence.end)]
        return next((r for r in here if r), next((m.role for m in mentions if m.role), None))

    # ----------------------------------------------------------------- finish
    def finish(self) -> ArticleFacts:
        order = sorted(range(len(self.sentences)), key=lambda i: (self.sentences[i].start, self.sentences[i].end))
        renumber = {old: new for new, old in enumerate(order)}
        spans = [MentionSpan(iri_, sentence, begin, end, surface) for sentence, begin, end, iri_, surface in sorted(
            (renumber[index], begin, end, iri_, surface) for (iri_, index, begin), (end, surface) in self.spans.items())]
        return ArticleFacts(
            article_id=self.ids.article_id,
            entities=tuple(self.entity_observation(i, r) for i, r in sorted(self.entities.items())),
            relations=tuple(
                RelationObservation(s, p, o, tuple(sorted(r["rules"])), r["gazetteer"],
                                    tuple(sorted(renumber[i] for i in r["sentences"])), first(r["evidence"]))
                for (s, p, o), r in sorted(self.relations.items())
            ),
            memberships=tuple(sorted(self.memberships, key=lambda m: (m.person, m.body, m.role))),
            sentences=tuple(self.sentences[i] for i in order),
            mentions=tuple(spans),
        )

    def entity_observation(self, entity_iri: str, r: dict) -> EntityObservation:
        kinds: dict[str, int] = r["kinds"]
        kind = min(kinds, key=lambda k: (-kinds[k], k)) if kinds else None
        names = r["names"]
        if r["code"]:
            division = self.ids.gazetteer.get(r["code"])
            if division is not None:
                kind = division.level
                if division.name not in names:
                    # The official name, written nowhere in this article (a count of 0 says so): the label of a
                    # coded unit however the articles write it (kg.resolve.corpus.canonical_label).
                    names = {**names, division.name: 0}
        if r["cls"] == "Partner" and kind is None:
            kind = self.ids.rules.partner_kind(max(r["names"], key=lambda n: (len(n), n)))
        return EntityObservation(
            iri=entity_iri,
            key=r["key"],
            cls=r["cls"],
            names=tuple(sorted(names.items())),
            aliases=tuple(sorted(r["aliases"] - set(names))),
            kind=kind,
            code=r["code"],
            implicit=r["implicit"],
            attributes=tuple(sorted(r["attributes"].items())),
            roles=tuple(sorted(r["roles"])),
            evidence=first(r["evidence"]),
            mentions=r["mentions"],
        )


def _occurrences(text: str, part: str):
    at = text.find(part)
    while part and at >= 0:
        yield at
        at = text.find(part, at + 1)
