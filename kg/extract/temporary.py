"""Temporary branches (临时党支部) an organisation sets up: 某党总支成立(了)防汛临时党支部.

Their stems (临时, 防汛临时) are too short or too verbal to name a body of
their own; named right after the organisation and its set-up word, they
are that organisation's, named as the text writes them.
"""
from __future__ import annotations

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.text import is_cjk


def named_before_parent(found: list[Found], at: int, text: str, base: int) -> Found | None:
    """The named organisation before ``at`` whose set-up word (成立, 组建 ...) leads to it."""
    for org in reversed(found):
        if org.name and org.end <= at:
            between = text[org.end - base : at - base]
            words = next((w for w in SET_UP_WORDS if between.startswith(w)), None)
            rest = between[len(words):].removeprefix("了") if words else None
            if rest is not None and len(rest) <= MAX_TEMPORARY_MODIFIER and all(is_cjk(ch) for ch in rest):
                return org
    return None


def set_up_here(text: str, base: int, start: int, stem: str, found: list[Found]) -> int | None:
    """Where a temporary branch's name begins when an organisation before it sets it up (after 成立了)."""
    if not stem.endswith(TEMPORARY_WORDS):
        return None
    parent = named_before_parent(found, start, text, base)
    if parent is None:
        return None
    between = text[parent.end - base : start - base]
    words = next(w for w in SET_UP_WORDS if between.startswith(w))
    return parent.end + len(words) + (1 if between[len(words):].startswith("了") else 0)


SET_UP_WORDS = tuple(PATTERNS["relations"]["set_up_words"])
TEMPORARY_WORDS = tuple(PATTERNS["party"]["temporary_words"])
MAX_TEMPORARY_MODIFIER = 8
