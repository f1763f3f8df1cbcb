"""Resolve stage: one node per real-world thing across the corpus.

Identity, by class:
- administrative units: the division code when the gazetteer placed them;
  below its depth, the parent's identity plus the name, so two 中南社区 in
  two subdistricts stay two nodes. A unit an article leaves unplaced joins
  the one placed unit of that name, if there is exactly one;
- party organisations: their unit's identity plus what the name adds to it
  (中南党总支 and 中南社区党总支 are one);
- programs, facilities, partners: names and aliases shared between mentions
  join them (闪亮工程 = “闪亮”工程), as do a name and the same name written
  after one of the article's units (初心讲堂 = 中南社区初心讲堂);
- persons: name plus what they lead, else name.
The canonical label is the most complete form; the others become alt labels.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from kg.model import ArticleExtraction, Entity, EntityRef, Evidence, Mention, Relation, ResolvedCorpus

FILLER_WORDS = ("服务",)  # 党群服务驿站 = 党群驿站: words a facility's name may carry or drop
NAME_CLASSES = ("Program", "Facility", "Partner")


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(extractions: Iterable[ArticleExtraction]) -> ResolvedCorpus:
    extractions = sorted(extractions, key=lambda x: x.article_id)
    keys: dict[tuple[str, str, str], str] = {}  # (article id, cls, name) -> identity key
    unit_keys(extractions, keys)
    org_keys(extractions, keys)
    name_keys(extractions, keys)
    person_keys(extractions, keys)
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for ex in extractions:
        for m in ex.mentions:
            mentions[keys[(ex.article_id, m.cls, m.name)]].append(m)
    entities = tuple(make_entity(key, ms) for key, ms in sorted(mentions.items()))
    return ResolvedCorpus(entities, make_relations(extractions, keys))


# ----------------------------------------------------------------- identity
def parent_refs(ex: ArticleExtraction, predicate: str) -> dict[EntityRef, EntityRef]:
    return {r.subject: r.object for r in ex.relations if r.predicate == predicate}


def unit_keys(extractions: list[ArticleExtraction], keys: dict) -> None:
    unplaced: list[tuple[str, str]] = []
    for ex in extractions:
        parents = parent_refs(ex, "partOf")
        codes = {m.name: m.code for m in ex.mentions if m.cls == "AdministrativeUnit" and m.code}
        names = {m.name for m in ex.mentions if m.cls == "AdministrativeUnit"}

        def key_of(name: str, depth: int = 0) -> str:
            if name in codes:
                return f"unit/{codes[name]}"
            parent = parents.get(EntityRef("AdministrativeUnit", name))
            if parent is None or depth > 8:
                return f"unit/?/{name}"
            return f"{key_of(parent.name, depth + 1)}/{name}"

        for name in sorted(names):
            keys[(ex.article_id, "AdministrativeUnit", name)] = key_of(name)
            if keys[(ex.article_id, "AdministrativeUnit", name)].startswith("unit/?/"):
                unplaced.append((ex.article_id, name))
    placed_by_name: dict[str, set[str]] = defaultdict(set)
    for (_, cls, name), key in keys.items():
        if cls == "AdministrativeUnit" and not key.startswith("unit/?/"):
            placed_by_name[name].add(key)
    for article_id, name in unplaced:
        if len(placed_by_name[name]) == 1:
            keys[(article_id, "AdministrativeUnit", name)] = next(iter(placed_by_name[name]))


def org_keys(extractions: list[ArticleExtraction], keys: dict) -> None:
    for ex in extractions:
        units = parent_refs(ex, "partyOrgOf")
        for m in ex.mentions:
            if m.cls != "PartyOrganization":
                continue
            unit = units.get(EntityRef(m.cls, m.name))
            if unit is None:
                keys[(ex.article_id, m.cls, m.name)] = f"org/?/{m.name}"
                continue
            unit_key = keys[(ex.article_id, "AdministrativeUnit", unit.name)]
            own = m.name[len(unit.name):] if m.name.startswith(unit.name) else m.name
            keys[(ex.article_id, m.cls, m.name)] = f"org/{unit_key}/{own}"


def name_keys(extractions: list[ArticleExtraction], keys: dict) -> None:
    """Programs, facilities and partners: mentions that share a name or an alias are one."""
    forms = UnionFind()
    for ex in extractions:
        unit_names = {m.name for m in ex.mentions if m.cls == "AdministrativeUnit"}
        by_class: dict[str, set[str]] = defaultdict(set)
        for m in ex.mentions:
            if m.cls in NAME_CLASSES:
                by_class[m.cls].add(m.name)
                for alias in m.aliases:
                    forms.union(f"{m.cls}|{m.name}", f"{m.cls}|{alias}")
        for cls, names in by_class.items():
            for name in names:
                for other in variants(name, unit_names):
                    if other in names:
                        forms.union(f"{cls}|{name}", f"{cls}|{other}")
    for ex in extractions:
        for m in ex.mentions:
            if m.cls in NAME_CLASSES:
                keys[(ex.article_id, m.cls, m.name)] = f"{m.cls.lower()}/{forms.find(f'{m.cls}|{m.name}').split('|', 1)[1]}"


def variants(name: str, unit_names: set[str]) -> list[str]:
    """Other forms of the same name within one article: without a unit prefix, without filler words.

    A prefix is looked up among the article's unit names, not each unit name
    tried as a prefix: an article naming thousands of units made that quadratic.
    """
    out = [name[cut:] for cut in range(1, len(name) - 1) if name[:cut] in unit_names]
    out += [name.replace(w, "") for w in FILLER_WORDS if w in name and len(name.replace(w, "")) >= 2]
    return out


def person_keys(extractions: list[ArticleExtraction], keys: dict) -> None:
    for ex in extractions:
        leads = {r.subject.name: r.object for r in ex.relations if r.predicate == "leads"}
        for m in ex.mentions:
            if m.cls != "Person":
                continue
            org = leads.get(m.name)
            anchor = keys.get((ex.article_id, org.cls, org.name), "?") if org else "?"
            keys[(ex.article_id, m.cls, m.name)] = f"person/{m.name}/{anchor}"


# ----------------------------------------------------------------- entities
def make_entity(key: str, mentions: list[Mention]) -> Entity:
    cls = mentions[0].cls
    label = canonical_label(cls, mentions)
    forms = {m.name for m in mentions} | {a for m in mentions for a in m.aliases}
    kinds = Counter(m.kind for m in mentions if m.kind)
    attributes: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: (m.evidence.article_id, m.evidence.start)):
        for k, v in m.attributes:
            attributes.setdefault(k, v)
    return Entity(
        key=key,
        cls=cls,
        label=label,
        kind=min(kinds, key=lambda k: (-kinds[k], k)) if kinds else None,
        alt_labels=tuple(sorted(forms - {label})),
        code=next((m.code for m in mentions if m.code), None),
        attributes=tuple(sorted(attributes.items())),
        role=next((m.role for m in sorted(mentions, key=lambda m: m.evidence.start) if m.role), None),
        evidence=tuple(sorted({m.evidence for m in mentions}, key=evidence_order)),
        implicit=all(m.implicit for m in mentions),
    )


def canonical_label(cls: str, mentions: list[Mention]) -> str:
    """The most complete form: for units, the form articles write most (官方 names for implied ones);
    for programs, the most used name (quoted names, not name + head noun); else the longest."""
    written = [m for m in mentions if not m.implicit] or mentions
    if cls == "AdministrativeUnit" or cls == "Program":
        counts = Counter(m.name for m in written)
        return min(counts, key=lambda n: (-counts[n], -len(n), n))
    forms = {m.name for m in written} | {a for m in written for a in m.aliases}
    return min(forms, key=lambda n: (-len(n), n))


def evidence_order(e: Evidence) -> tuple:
    return (e.article_id, e.start, e.end, e.sentence_start)


# ---------------------------------------------------------------- relations
def make_relations(extractions: list[ArticleExtraction], keys: dict) -> tuple[Relation, ...]:
    evidence: dict[tuple[str, str, str], set[Evidence]] = defaultdict(set)
    rules: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for ex in extractions:
        for r in ex.relations:
            s = keys.get((ex.article_id, r.subject.cls, r.subject.name))
            o = keys.get((ex.article_id, r.object.cls, r.object.name))
            if s is None or o is None or s == o:
                continue
            evidence[(s, r.predicate, o)].add(r.evidence)
            rules[(s, r.predicate, o)].add(r.rule)
    return tuple(
        Relation(s, p, o, tuple(sorted(evidence[(s, p, o)], key=evidence_order)), tuple(sorted(rules[(s, p, o)])))
        for s, p, o in sorted(evidence)
    )
