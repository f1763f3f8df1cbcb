"""Temporary branches (临时党支部) an organisation sets up: 某党总支成立(了)防汛临时党支部, 某党总支防汛临时党支部.

Their stems (临时, 防汛临时) are too short or too verbal to name a body of
their own; named right after the organisation (and its set-up word), they
are that organisation's, named as the text writes them.
"""
from __future__ import annotations

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.text import is_cjk


def temporary_branch(text: str, base: int, start: int, stem: str, found: list[Found]) -> tuple[Found, int] | None:
    """The organisation named before ``start`` whose set-up word (成立, 组建 ...) leads to a temporary
    branch whose stem ends at ``start``, and where the branch's name begins (after the word and 了)."""
    if not stem.endswith(TEMPORARY_WORDS):
        return None
    nearest = True
    for org in reversed(found):
        if org.name and org.end <= start:
            between = text[org.end - base : start - base]
            lead = next((w for w in SET_UP_LEADS if between.startswith(w)), "")  # (牵头|成立)
            words = next((lead + w for w in SET_UP_WORDS if between.startswith(w, len(lead))), None)
            if words is None and nearest and len(between) <= MAX_TEMPORARY_MODIFIER and all(map(is_cjk, between)) \
                    and not any(ch in PATTERNS.stop_chars for ch in between) and not any(t in between for t in TITLES):
                return org, org.start  # 某党总支返乡党员临时党支部: written right after its organisation, named with it
            nearest = False
            if words is None:
                continue
            rest = between[len(words):]
            name_start = org.end + len(words) + rest.startswith("了")
            rest = rest.removeprefix("了")
            if len(rest) <= MAX_TEMPORARY_MODIFIER and all(is_cjk(ch) for ch in rest):
                return org, name_start
    return None


SET_UP_WORDS = tuple(PATTERNS["relations"]["set_up_words"])
TITLES = tuple(PATTERNS["persons"]["titles"])  # (某党总支副书记某某任临时党支部书记: a person between, no name)
SET_UP_LEADS = tuple(PATTERNS["party"]["set_up_leads"])
TEMPORARY_WORDS = tuple(PATTERNS["party"]["temporary_words"])
MAX_TEMPORARY_MODIFIER = 8
