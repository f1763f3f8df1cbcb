"""The rooms a place is said to have: 设有党员活动室、幸福食堂、周末课堂和法律服务站.

After a verb of having or fitting out rooms (``[rooms] verbs``), each item of
the list that follows names one of the place's facilities when it ends with a
facility's word, or one of its programs when it ends with a program's word,
even when its stem alone would name nothing (幸福食堂, 周末课堂): the verb
says these are the place's own rooms and classes, not a kind of them in
general. Items the other rules named keep their reading.
"""
from __future__ import annotations

import re

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS, alternation, longest_first
from kg.extract.quotes import program_kind
from kg.extract.text import is_cjk
from kg.model import Sentence

TABLE = PATTERNS["rooms"]
_AFTER_VERB = re.compile(f"(?:{alternation(TABLE['verbs'])})了?")
_CLAUSE_END = re.compile("[,，;；:：。!！?？()（）“”]")
_SEPARATOR = re.compile(alternation(TABLE["separators"]))
FACILITY_WORDS = longest_first(PATTERNS["facilities"]["suffixes"])
PROGRAM_WORDS = longest_first(TABLE["program_words"])
LIST_END = "等"


def find_rooms(index: int, sentence: Sentence, taken: list[Found]) -> list[Found]:
    text, base = sentence.text, sentence.start
    found: list[Found] = []
    for verb in _AFTER_VERB.finditer(text):
        end = _CLAUSE_END.search(text, verb.end())
        items = list_items(text, verb.end(), end.start() if end else len(text))
        if len(items) < TABLE["min_items"]:
            continue  # (设有专人: one word after the verb is no list of rooms)
        for s, e in items:
            entity = room(index, text[s:e], base + s, base + e)
            if entity is not None and not any(f.overlaps(entity.start, entity.end) for f in taken + found):
                found.append(entity)
    return found


def list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items between the verb and the clause's end, or the 等 that closes the list (…和某某室等区域)."""
    closed = text.find(LIST_END, start, end)
    end = closed if closed >= 0 else end
    items, pos = [], start
    for sep in _SEPARATOR.finditer(text, start, end):
        items.append((pos, sep.start()))
        pos = sep.end()
    items.append((pos, end))
    return [(s, e) for s, e in items if s < e]


def room(index: int, item: str, start: int, end: int) -> Found | None:
    """A facility or a program by the word the item ends with; None for anything else (or too long)."""
    if not TABLE["min_item"] <= len(item) <= TABLE["max_item"] or not all(is_cjk(ch) for ch in item):
        return None
    word = next((w for w in FACILITY_WORDS if item.endswith(w)), None)
    if word is not None and len(item) > len(word) or word in TABLE["whole_facilities"]:
        return Found("Facility", item, start, end, index, rule="room")
    word = next((w for w in PROGRAM_WORDS if item.endswith(w)), None)
    if word is not None and len(item) > len(word):
        return Found("Program", item, start, end, index, kind=program_kind(word), rule="room")
    return None
