"""Words that stand for an actor named before: a facility's head word (…建成“某某驿站”。驿站推出…) for
the facility's holder, and the word for "here" of a level (村里, 乡里) for the unit of the passage."""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.actors import Actor
from kg.extract.frames import CLAUSE_OPENERS, opens_report
from kg.extract.found import Found
from kg.extract.index import Covering
from kg.extract.patterns import PATTERNS, alternation
from kg.extract.text import is_cjk
from kg.extract.units import PassageUnits

HEAD_WORD = re.compile(alternation(PATTERNS["facilities"]["suffixes"]))  # (longest first)
HEAD_FIRST = frozenset(w[0] for w in PATTERNS["facilities"]["suffixes"])  # (most sentences start with none)
MAX_HEAD = 8  # “某某”党群驿站: the head word written after a quoted name, within a few characters


def facility_anaphors(holders: dict[int, Found], facilities: list[Found], named: list[Found], starts: list[int],
                      text: str) -> list[Actor]:
    """An actor for each sentence that opens with the head word of a facility named before it (驿站,
    服务中心, 工坊), the word not being part of a name: the holder of the last such facility
    (``holders``: a facility's id to who holds it), that runs what the sentence says the facility
    does (驿站推出“某某”服务, 驿站还与某协会共建…)."""
    held = sorted((f for f in facilities if id(f) in holders), key=lambda f: f.start)
    if not held:
        return []
    names: Covering | None = None
    actors = []
    for i, start in enumerate(starts):
        match = HEAD_WORD.match(text, start) if text[start : start + 1] in HEAD_FIRST else None
        if match is None:
            continue
        if names is None:
            names = Covering((f.start, f.end) for f in named)  # (built for the few articles that need it)
        if names.covers(start, match.end()):
            continue
        word = match.group()
        before = [f for f in held if f.end <= start and headed_by(f, word, text)]
        if before:
            actors.append(Actor(start, start + len(word), i, holders[id(before[-1])]))
    return actors


def headed_by(facility: Found, word: str, text: str) -> bool:
    """Whether a facility's name (or as written, “某某”党群驿站) ends with ``word``, or the word ends the head
    written right after it."""
    if facility.name.endswith(word) or text.endswith(word, facility.start, facility.end):
        return True
    at = text.find(word, facility.end, facility.end + MAX_HEAD)
    return at >= 0 and all(map(is_cjk, text[facility.end : at]))



LOCAL_LEVELS = dict(PATTERNS["relations"]["local_words"])
# (or after a word that joins it to a partner: 某公司与村里的合作社签订协议)
JOINERS = tuple(PATTERNS["relations"]["partner_joiners"])
# time words (今年, 下一步) and dates (2024年, 3月) that may stand before 村里 in its clause
TIME_LEAD = re.compile(f"(?:{alternation(PATTERNS['relations']['time_words'])}|\\d{{1,4}}[年月日号](?:底|初|[上中下]旬)?)+(?:以来|起)?")
LOCAL_WORD = re.compile(alternation(LOCAL_LEVELS))


def local_actors(units: list[Found], starts: list[int], paragraph: list[int], text: str) -> list[Actor]:
    """村里引进…, 乡里将推行…: a clause that opens with the word for "here" of a level (村里, 乡里,
    社区里) is about the unit of that level its passage is about, as a bare 社区 opening a clause is; so is
    one joined to a partner by 与 (某公司与村里的合作社签订协议)."""
    actors: list[Actor] = []
    passages: dict[str, PassageUnits] = {}
    for match in LOCAL_WORD.finditer(text):  # (few articles have one: no scan of every clause)
        at, i = match.start(), bisect_right(starts, match.start()) - 1
        if i < 0:
            continue
        if at != starts[i] and text[at - 1 : at] not in CLAUSE_OPENERS and not text.endswith(JOINERS, 0, at) and not opens_report(text, at):
            # (今年村里将…, 下一步镇里将…: a time word may open the clause before it)
            opened = max([text.rfind(m, starts[i], at) + 1 for m in CLAUSE_OPENERS] + [starts[i]])
            if not TIME_LEAD.fullmatch(text, opened, at):
                continue
        level = LOCAL_LEVELS[match.group()]
        if level not in passages:
            passages[level] = PassageUnits([u for u in units if u.kind == level and not u.implicit], paragraph)
        unit = passages[level].nearest(Found("AdministrativeUnit", "", at, at, i))
        if unit is not None:
            actors.append(Actor(at, match.end(), i, unit))
    return actors
