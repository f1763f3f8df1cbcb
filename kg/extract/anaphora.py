"""Sentences that go on about a facility by its head word alone (…建成“某某驿站”。驿站推出…): the
holder of the facility is who acts in them."""
from __future__ import annotations

from kg.extract.actors import Actor
from kg.extract.found import Found
from kg.extract.index import Covering
from kg.extract.patterns import PATTERNS
from kg.extract.text import is_cjk

HEAD_WORDS = tuple(sorted(PATTERNS["facilities"]["suffixes"], key=len, reverse=True))
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
    names = Covering((f.start, f.end) for f in named)
    actors = []
    for i, start in enumerate(starts):
        word = next((w for w in HEAD_WORDS if text.startswith(w, start)), None)
        if word is None or names.covers(start, start + len(word)):
            continue
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

