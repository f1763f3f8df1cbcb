"""Branches an organisation sets up: temporary ones (某党总支成立(了)防汛临时党支部, 某党总支防汛临时党支部,
某党总支牵头成立某小区改造临时党支部), a body's own branch it has the body set up (某社区党委推动某某物业成立党支部)
and a branch set up in a place (某社区党委在某某小区成立联合党支部: the place's branch, 某某小区联合党支部).

Their stems (临时, 防汛临时) are too short or too verbal to name a body of
their own; named right after the organisation (and its set-up word), they
are that organisation's, named as the text writes them. A bare kind word
after a set-up word whose subject is a body an organisation moved to it
(推动, 指导, 帮助 + the body) names the body's own branch, under that organisation.
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
            # (the set-up word may follow a verb of leading it: 牵头成立, 指导组建)
            words = next((w for w in SET_UP_WORDS if between.startswith(w)), None) or next(
                (between[: len(lead) + len(w)] for lead in LEADING_VERBS for w in SET_UP_WORDS
                 if between.startswith(lead + w)), None)
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
TEMPORARY_WORDS = tuple(PATTERNS["party"]["temporary_words"])
MAX_TEMPORARY_MODIFIER = 8
LEADING_VERBS = tuple(PATTERNS["party"]["founding"]["leading_verbs"])


def body_s_own_branch(text: str, base: int, kind_start: int, found: list[Found]) -> tuple[Found, int, str] | None:
    """某社区党委推动某某物业成立党支部: the organisation that moved a body to set up a branch written by its
    bare kind word, where the body's name begins, and the name (the branch is named by the body, 某某物业党支部).
    The organisation ends right before the verb of moving; the body's name stands between that verb and
    the set-up word (an aspect particle after it): a name, not a class of bodies (辖区物业企业)."""
    rel = kind_start - base
    head = text[:rel].removesuffix("了").removesuffix("起")
    words = next((w for w in SET_UP_WORDS if head.endswith(w)), None)
    if words is None:
        return None
    body_end = len(head) - len(words)
    for org in reversed(found):
        if org.end > kind_start or org.end - base >= body_end:
            continue
        after = text[org.end - base : body_end]
        verb = next((v for v in MOVING_VERBS if after.startswith(v)), None)
        if verb is None:
            return None  # (the nearest organisation before it must be the one that moved the body)
        body = after[len(verb):]
        if not MIN_BODY <= len(body) <= MAX_BODY or not all(map(is_cjk, body)) or any(ch in PATTERNS.stop_chars for ch in body) \
                or body.startswith(CLASS_OPENERS) or len(own_name(body)) < MIN_BODY:
            return None
        return org, org.end + len(verb), body
    return None


def branch_in_place(text: str, base: int, kind_start: int, units: list[Found], found: list[Found]) -> tuple[Found, Found | None] | None:
    """在某某小区成立(了)联合党支部: a bare kind word set up in a unit the text names right before the set-up
    word, after 在: the unit's branch, named with it; and the organisation that set it up, when one is named
    before 在 in the sentence (the branch is under it)."""
    head = text[: kind_start - base].removesuffix("了")
    words = next((w for w in SET_UP_WORDS if head.endswith(w)), None)
    if words is None:
        return None
    unit = next((u for u in units if not u.implicit and u.end - base == len(head) - len(words)), None)
    if unit is None or text[unit.start - base - 1 : unit.start - base] != IN_PLACE:
        return None  # (成立党支部 with no place, 在每个小区成立: a class; the unit must be written right there)
    parent = next((o for o in reversed(found) if o.name and o.end <= unit.start - 1), None)
    return unit, parent


IN_PLACE = "在"
MOVING_VERBS = tuple(sorted(PATTERNS["party"]["founding"]["moving_verbs"], key=len, reverse=True))
CLASS_OPENERS = tuple(PATTERNS["party"]["generic_stems"])
KIND_WORDS = tuple(PATTERNS["party"]["founding"]["kind_words"])


def own_name(body: str) -> str:
    """What is left of a body's words once the words for its kind are taken off its end (恒岳物业 → 恒岳,
    物业企业 → nothing)."""
    while (kind := next((k for k in KIND_WORDS if body.endswith(k)), None)) is not None:
        body = body[: -len(kind)]
    return body
MIN_BODY, MAX_BODY = 2, 10
