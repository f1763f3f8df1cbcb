"""Village names the stem walk cuts short: a function character or a verb inside the name (某村和永和村:
和 stops the walk; 某镇保卫屯村: the verb 保卫 does). When the national table lists the longer name under a
township of the sentence, or under the township of a village listed beside it, the longer name is the
village's (the table names it: its characters describe nothing)."""
from __future__ import annotations

from kg.extract.found import Found
from kg.extract.text import is_cjk
from kg.gazetteer import load_gazetteer
from kg.gazetteer.communities import load_communities, township_of

# The longest stem tried, and the levels whose names the table lists.
MAX_STEM = 4
LEVELS = ("community",)


def tabled_start(text: str, base: int, start: int, suffix_start: int, end: int, level: str,
                 units: list[Found]) -> int:
    """Where the village ending at ``end`` starts if the table lists a longer name than the one walked from
    ``start`` (absolute positions; ``text`` starts at ``base``), else ``start``."""
    if level not in LEVELS or not units:
        return start
    covered = max((u.end for u in units if u.end <= start), default=base)
    table = load_communities()
    for size in range(MAX_STEM, max(suffix_start - start, 1), -1):
        first = suffix_start - size
        if first < covered or any(u.start < suffix_start and u.end > first for u in units):
            continue
        if not all(is_cjk(ch) for ch in text[first - base : suffix_start - base]):
            continue
        codes = table.candidates(text[first - base : end - base])
        if codes and any(township_of(code) in townships(units, first, table) for code in codes):
            return first
    return start


def townships(units: list[Found], before: int, table) -> set[str]:
    """The township codes of the sentence's townships and of the villages listed before ``before``."""
    gaz, found = load_gazetteer(), set()
    for unit in units:
        if unit.start >= before:
            continue
        if unit.kind == "subdistrict":
            found.update(place.code for place in gaz.lookup(unit.name))
        elif unit.kind == "community":
            found.update(township_of(code) for code in table.candidates(unit.name))
    return found
