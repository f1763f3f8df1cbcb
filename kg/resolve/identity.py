"""Resolve, per article: who is who, from that article and the gazetteer only (the keys).

Every entity an article names gets an identity key here, and its IRI is
minted from the key (``kg.rdf.iri``), so an IRI never depends on what else
is in the corpus: adding articles never renames an entity. Keys by class:

- a unit with a division code: the code. Its one ``partOf`` is to its
  direct parent in the gazetteer, whatever the article writes, and every
  ancestor up to the province is added as an implicit unit (no mentions);
- any other unit (community, village, compound): the key of the parent the
  article places it in, plus its name, so homonyms under different parents
  stay apart; a unit the article places nowhere is local to the article;
- a party organisation: its unit's key plus the rest of its name
  (中南党总支 and 中南社区党总支 are one);
- a facility, a local program, a local partner, a person: the place it
  belongs to in the article (the unit that has it, runs it, works with it or
  is led by them; else the unit the article is mostly about) plus a normal
  form of its name; a general method many places adopt (kind ``method``) and
  a nationally unique body (a university, a company, a news outlet, or any
  name that starts with a place name) are one node by name.

``kg.resolve.observe`` then writes the article's facts with these keys.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from kg.extract.unitstems import strip_level_suffix
from kg.gazetteer import load_gazetteer
from kg.model import Article, ArticleExtraction, LocalRelation, Mention, level_rank
from kg.rdf import iri
from kg.resolve.rules import load_rules

UNIT, ORG, PERSON = "AdministrativeUnit", "PartyOrganization", "Person"
NAMED = ("Program", "Facility", "Partner")
PLACE_RELATION = {"Facility": "hasFacility", "Program": "runsProgram", "Partner": "partnersWith"}
MAX_DEPTH = 8


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


# What a unit the article states no parent of has: a constant, not a Counter made for every unit and article
# (Counter's __init__ is Python code; the counts of a unit's stated parents, and of names' mentions, are plain
# lookups of keys that are there).
_NO_PARENTS: dict[str, int] = {}

class ArticleIdentities:
    """Keys of one article's entities, computed class by class (units first: the others build on them)."""

    def __init__(self, article: Article, extraction: ArticleExtraction):
        self.article = article
        self.article_id = extraction.article_id
        self.gazetteer = load_gazetteer()
        self.rules = load_rules()
        self.mentions: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        implicit_codes: dict[str, str] = {}
        for m in extraction.mentions:
            if m.implicit:
                if m.cls == UNIT and m.code:
                    implicit_codes.setdefault(m.name, m.code)
            else:
                self.mentions[(m.cls, m.name)].append(m)
        self.relations: dict[str, list[LocalRelation]] = defaultdict(list)
        for r in extraction.relations:
            self.relations[r.predicate].append(r)
        self._names: dict[str, list[str]] = {}
        self._iris: dict[tuple[str, str], str] = {}
        self.keys: dict[tuple[str, str], str] = {}
        self.levels: dict[str, str | None] = {}  # unit name -> level
        self.parent_of: dict[str, str] = {}  # uncoded unit name -> the parent name its key builds on
        self.unit_names: frozenset[str] = frozenset()
        self.unit_keys(implicit_codes)
        self.main_place = self.find_main_place()
        self.org_keys()
        self.named_keys()
        self.person_keys()

    # ------------------------------------------------------------------ units
    def names_of(self, cls: str) -> list[str]:
        """The names of one class the article writes, sorted (computed once per class)."""
        names = self._names.get(cls)
        if names is None:
            names = self._names[cls] = sorted(name for c, name in self.mentions if c == cls)
        return names

    def unit_keys(self, implicit_codes: dict[str, str]) -> None:
        codes: dict[str, str] = {}
        for name in self.names_of(UNIT):
            mentions = self.mentions[(UNIT, name)]
            found = sorted({m.code.ljust(12, "0") for m in mentions if m.code})
            if found:
                codes[name] = found[0]
            kinds = [m.kind for m in mentions if m.kind]
            self.levels[name] = kinds[0] if kinds else None
        for name, code in implicit_codes.items():
            codes.setdefault(name, code.ljust(12, "0"))
        for name, code in codes.items():
            division = self.gazetteer.get(code)
            if division is not None:
                self.levels[name] = division.level
        self.prefer_contained_homonyms(codes)
        parents: dict[str, Counter] = defaultdict(Counter)
        for r in self.relations["partOf"]:
            if r.subject.cls == UNIT and r.object.cls == UNIT and r.subject.name != r.object.name:
                parents[r.subject.name][r.object.name] += 1

        for name in sorted({*self.names_of(UNIT), *implicit_codes}):
            self.keys[(UNIT, name)] = self.unit_key(name, codes, parents)
        self.codes = codes
        self.unit_names = frozenset(self.names_of(UNIT))

    def unit_key(self, name: str, codes: dict[str, str], parents: dict[str, Counter], depth: int = 0) -> str:
        """A unit's key: its code's, else its parent's key and its name (a method, not a closure that calls
        itself: that would be a reference cycle keeping the article's identities for the collector)."""
        if name in codes:
            return iri.unit_key(codes[name])
        stated = parents.get(name, _NO_PARENTS)
        options = [p for p in stated if self.is_above(p, name)]
        if not options or depth > MAX_DEPTH:
            return f"unit/@{self.article_id}/{name}"
        # The parent the article states most often; then a coded one (it anchors the key in the
        # gazetteer), then the deepest level.
        parent = min(options, key=lambda p: (-stated[p], p not in codes, -(level_rank(self.levels.get(p)) or 0), p))
        self.parent_of[name] = parent
        return f"{self.unit_key(parent, codes, parents, depth + 1)}/{name}"

    def prefer_contained_homonyms(self, codes: dict[str, str]) -> None:
        """A coded name whose homonym contains another unit the article names is that homonym.

        绳金塔街道 lies in 南昌's 西湖区, not 杭州's: when the article names
        绳金塔街道 and 西湖区, its 西湖区 is the one the gazetteer puts above 绳金塔街道.
        """
        gazetteer = self.gazetteer
        divisions = {name: gazetteer.get(code) for name, code in codes.items()}
        for name, division in sorted(divisions.items()):
            if division is None:
                continue
            homonyms = {
                up.code
                for other, below in divisions.items() if other != name and below is not None
                for up in gazetteer.ancestors(below)
                if up.code != division.code and up.level == division.level
                and (up.name == name or name in gazetteer.aliases(up) or name in gazetteer.short_forms(up))
            }
            if homonyms and not any(gazetteer.is_ancestor(division, d) for d in divisions.values() if d is not None):
                codes[name] = min(homonyms)

    def is_above(self, parent: str, child: str) -> bool:
        """A parent must sit above its child when both levels are known (no level inversion, no cycle)."""
        above, below = level_rank(self.levels.get(parent)), level_rank(self.levels.get(child))
        return above is None or below is None or above < below

    def find_main_place(self) -> str:
        """The unit the article is mostly about: the most mentioned, then the deepest, then the first."""
        counts = {name: len(self.mentions[(UNIT, name)]) for name in self.names_of(UNIT)}
        if not counts:
            return f"@{self.article_id}"
        first = {name: min(m.evidence.start for m in self.mentions[(UNIT, name)]) for name in counts}
        name = min(counts, key=lambda n: (-counts[n], -(level_rank(self.levels.get(n)) or 0), first[n], n))
        return self.keys[(UNIT, name)]

    def starts_with_place(self, name: str) -> bool:
        """Whether the name opens with a place name (常德市民政局), leaving at least two characters."""
        for cut in range(min(len(name) - 2, 12), 1, -1):
            head = name[:cut]
            if (UNIT, head) in self.mentions or self.gazetteer.lookup(head, short=True):
                return True
        return False

    # ------------------------------------------------------------------- orgs
    def org_keys(self) -> None:
        units = defaultdict(set)
        for r in self.relations["partyOrgOf"]:
            if r.subject.cls == ORG and r.object.cls == UNIT and (UNIT, r.object.name) in self.keys:
                units[r.subject.name].add(r.object.name)
        for name in self.names_of(ORG):
            if units.get(name):
                unit = min(units[name])
                rest = own_part(name, unit)
                self.keys[(ORG, name)] = f"org/{self.keys[(UNIT, unit)]}/{rest}"
            elif self.starts_with_place(name):
                self.keys[(ORG, name)] = f"org/{name}"
            else:
                self.keys[(ORG, name)] = f"org/{self.main_place}/{name}"

    def place_key(self, cls: str, name: str) -> tuple[int, str] | None:
        """(depth, key) of the place a unit, organisation or partner stands for."""
        key = self.keys.get((cls, name))
        if key is None:
            return None
        if cls == UNIT:
            return (level_rank(self.levels.get(name)) or 0, key)
        if cls == ORG:
            for r in self.relations["partyOrgOf"]:
                if r.subject.name == name and (UNIT, r.object.name) in self.keys:
                    return (level_rank(self.levels.get(r.object.name)) or 0, self.keys[(UNIT, r.object.name)])
        return (-1, key)

    def place_of(self, predicate: str, names: set[str], cls: str) -> str:
        """The deepest place among the subjects of ``predicate`` whose object is one of ``names``."""
        places = [
            self.place_key(r.subject.cls, r.subject.name)
            for r in self.relations[predicate]
            if r.object.cls == cls and r.object.name in names
        ]
        places = [p for p in places if p is not None]
        return min(places, key=lambda p: (-p[0], p[1]))[1] if places else self.main_place

    # ------------------------------------------------------------------ named
    def named_keys(self) -> None:
        """Programs, facilities, partners: one group per set of forms the article links (aliases, unit prefixes)."""
        forms = UnionFind()
        for cls in NAMED:
            names = set(self.names_of(cls))
            for name in names:
                forms.find(f"{cls}|{name}")
                for m in self.mentions[(cls, name)]:
                    for alias in m.aliases:
                        if alias in names:
                            forms.union(f"{cls}|{name}", f"{cls}|{alias}")
                for other in self.variants(name):
                    if other in names:
                        forms.union(f"{cls}|{name}", f"{cls}|{other}")
        groups: dict[str, set[str]] = defaultdict(set)
        for cls in NAMED:
            for name in self.names_of(cls):
                groups[forms.find(f"{cls}|{name}")].add(name)
        for root, names in groups.items():
            cls = root.split("|", 1)[0]
            counts = {n: len(self.mentions[(cls, n)]) for n in names}
            written = min(counts, key=lambda n: (-counts[n], -len(n), n))
            segment = iri.CLASS_SEGMENTS[cls].replace("party-", "")
            if self.is_general(cls, names, written):
                key = f"{segment}/{written}"
            else:
                place = self.place_of(PLACE_RELATION[cls], names, cls)
                key = f"{segment}/{place}/{min((self.normal_form(n) for n in names), key=lambda n: (len(n), n))}"
            for name in names:
                self.keys[(cls, name)] = key

    def is_general(self, cls: str, names: set[str], written: str) -> bool:
        kinds = {m.kind for n in names for m in self.mentions[(cls, n)] if m.kind}
        if cls == "Program":
            return not kinds & self.rules.local_program_kinds and not self.starts_with_place(written)
        if cls == "Partner":
            kinds.add(self.rules.partner_kind(written) or "")
            return bool(kinds & self.rules.national_partner_kinds) or self.starts_with_place(written)
        return False

    def unit_prefixes(self, name: str) -> list[int]:
        """Where a unit name the article writes ends inside ``name``, longest first (leaving ≥ 2 characters).

        Each prefix is looked up among the article's unit names rather than
        each unit name tried as a prefix: an article naming thousands of units
        made that quadratic.
        """
        return [cut for cut in range(len(name) - 2, 0, -1) if name[:cut] in self.unit_names]

    def variants(self, name: str) -> list[str]:
        """Other forms of the same name within this article: without a unit prefix, without filler words."""
        out = [name[cut:] for cut in self.unit_prefixes(name)]
        out += [name.replace(w, "") for w in self.rules.filler_words if w in name and len(name.replace(w, "")) >= 2]
        return out

    def normal_form(self, name: str) -> str:
        """The name as its key holds it: no unit prefix, no filler words (so the short and long forms agree)."""
        cuts = self.unit_prefixes(name)
        if cuts:
            name = name[cuts[0]:]
        for word in self.rules.filler_words:
            if len(name.replace(word, "")) >= 2:
                name = name.replace(word, "")
        return name

    # ---------------------------------------------------------------- persons
    def person_keys(self) -> None:
        led: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for r in self.relations["leads"]:
            led[r.subject.name].append((r.object.cls, r.object.name))
        for name in self.names_of(PERSON):
            places = [p for cls, body in led.get(name, ()) if (p := self.place_key(cls, body)) is not None]
            place = min(places, key=lambda p: (-p[0], p[1]))[1] if places else self.main_place
            self.keys[(PERSON, name)] = f"person/{place}/{name}"

    # ------------------------------------------------------------------ facts
    def iri_of(self, cls: str, name: str) -> str | None:
        found = self._iris.get((cls, name))
        if found is None:
            key = self.keys.get((cls, name))
            if key is None:
                return None
            found = self._iris[(cls, name)] = iri.entity_iri(cls, key)
        return found


def own_part(org: str, unit: str) -> str:
    """What an organisation's name adds to its unit's: 中南社区党总支 and 中南党总支 → 党总支."""
    for prefix in (unit, strip_level_suffix(unit)):
        if org.startswith(prefix) and len(org) > len(prefix):
            return org[len(prefix):]
    return org
