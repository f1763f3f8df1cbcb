"""Chains the article writes (某县某某镇某村) where the gazetteer disagrees: the written chain wins.

The 2023 table is the state of one year: a township may be newer than it, or bear the name of one
in another county. Written inside a county the table has, such a township is the article's own
unit (found by its suffix, its sentence its evidence), not the table's homonym.
"""
from __future__ import annotations

from kg.extract.found import Found
from kg.extract.units import gazetteer, rank


def follow_written_chains(units: list[Found]) -> None:
    """A township the article writes inside a unit the gazetteer has (某县某某镇) but that the
    gazetteer knows only elsewhere (a homonym in another county, or a township newer than its
    table) is the article's own unit, in the unit written before it: it loses the code of its
    homonym, in every mention of the article, and keeps its level."""
    gaz = gazetteer()
    ordered = sorted(units, key=lambda u: (u.start, -u.end))
    elsewhere = set()
    for prev, cur in zip(ordered, ordered[1:]):
        if prev.end != cur.start or not prev.code or not cur.code or cur.kind != "subdistrict":
            continue
        parent = gaz.get(prev.code)
        if parent is None or rank(parent.level) >= rank(cur.kind):
            continue
        inside = [d for d in gaz.lookup(cur.name) if gaz.is_ancestor(parent, d)]
        if len(inside) == 1:
            cur.code = inside[0].code  # the homonym in the parent the article writes
        elif not inside:
            elsewhere.add(cur.name)
    for unit in units:
        if unit.name in elsewhere and unit.code:
            division = gaz.get(unit.code)
            unit.code = None
            if division is not None and division.name != unit.name:
                unit.aliases.discard(division.name)
