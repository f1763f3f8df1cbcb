"""Organisations under other organisations, from what the sentence says of them: 某党总支下设某某党支部,
某街道党工委推动成立某综合党委, 在某街道党工委的指导下某某党支部…, 某区委组织部 (a department of 某区委)."""
from __future__ import annotations

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS

DEPARTMENT_KINDS = frozenset(kind for _, kind in PATTERNS["party"]["departments"])


def set_up_by(org: Found, orgs: list[Found], text: str) -> Found | None:
    """某党总支下设某某党支部, 某党委成立某某临时党支部, 某街道党工委推动成立某某综合党委: the organisation
    that set up a branch (or a committee under it: a 党总支 sets up no 党委). A short word may stand before
    the verb (推动, 指导, 牵头)."""
    if org.kind not in ("党支部", "党小组", "党总支", "党委"):
        return None
    for other in orgs:
        if other is org or other.name == org.name or other.sentence != org.sentence or other.end > org.start or other.kind not in ("党委", "党总支", "党工委"):
            continue
        if org.kind == "党委" and other.kind == "党总支":
            continue
        between = text[other.end : org.start]
        if any(0 <= between.find(w) <= MAX_SET_UP_LEAD for w in SET_UP_WORDS) and not any(ch in between for ch in "。;；，,"):
            return other
    return None


SET_UP_WORDS = tuple(PATTERNS["relations"]["set_up_words"])
MAX_SET_UP_LEAD = 2  # 推动, 指导, 牵头, 批准: a word before the verb of setting up


def guided_by(org: Found, orgs: list[Found], text: str) -> Found | None:
    """在某街道党工委的指导下,某某党支部…: the committee under whose guidance (or leadership) the
    sentence puts an organisation named after it is the one above it."""
    if org.kind not in ("党支部", "党小组", "党总支", "党委"):
        return None
    for other in orgs:
        if other is org or other.name == org.name or other.sentence != org.sentence or other.end > org.start \
                or other.kind not in ("党委", "党总支", "党工委") or text[other.start - 1 : other.start] != "在":
            continue
        if text.startswith(GUIDANCE_WORDS, other.end) and not (org.kind == "党委" and other.kind == "党总支"):
            return other
    return None


GUIDANCE_WORDS = tuple(PATTERNS["relations"]["guidance_words"])


def committee_of_department(org: Found, orgs: list[Found]) -> Found | None:
    """某区委组织部 is a department of 某区委: the committee its name begins with, when the article names it."""
    if org.kind not in DEPARTMENT_KINDS:
        return None
    committee = org.name[: -len(org.kind)]
    return next((o for o in orgs if o.name == committee), None)
