"""Events named without a year or an ordinal: the name a holding verb puts before an event word.

``named.find_events`` reads 2024年某某文化节 and 首届某某节 by their prefix.
News names as many events right after the verb that holds them (举办邻里
文化节, 举行某某成立仪式暨学雷锋游园会): the name runs from the verb (or from
暨, which joins a second event to the first) to the event word.
"""
from __future__ import annotations

import re

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS, alternation
from kg.model import Sentence

TABLE = PATTERNS["programs"]
HELD_EVENT = re.compile(
    f"(?:{alternation(TABLE['holding_verbs'])})了?(?:[\u4e00-\u9fff]{{2,16}}?暨)?"
    f"([\u4e00-\u9fffA-Za-z0-9·]{{2,{TABLE['max_event_stem']}}}?)(?:{alternation(TABLE['held_event_words'])})"
)
NOT_IN_STEM = "的了在和与是及、"
GENERIC = frozenset(TABLE["generic_stems"])


def find_held_events(index: int, sentence: Sentence, taken: list[Found]) -> list[Found]:
    """金城街道举办邻里文化节: the event a holding verb names (its name without the verb)."""
    found = []
    for match in HELD_EVENT.finditer(sentence.text):
        stem = match.group(1)
        s, e = sentence.start + match.start(1), sentence.start + match.end()
        if any(ch in stem for ch in NOT_IN_STEM) or stem in GENERIC:
            continue
        if any(f.overlaps(s, e) and f.cls != "AdministrativeUnit" for f in taken + found):
            continue
        found.append(Found("Program", sentence.text[match.start(1) : match.end()], s, e, index, kind="event",
                           rule="held event"))
    return found
