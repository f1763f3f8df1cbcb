"""Organisations under other organisations, from what the sentence says of them: 某党总支下设某某党支部,
某街道党工委推动成立某综合党委, 在某街道党工委的指导下某某党支部…, 某区委组织部 (a department of 某区委)."""
from __future__ import annotations

import re

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS, alternation

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
        # (not a body the one set up is joined to after it: 某党委下设的某党支部与某村党支部结成对子)
        if any(0 <= between.find(w) <= MAX_SET_UP_LEAD for w in SET_UP_WORDS) and not any(ch in between for ch in "。;；，,") \
                and not any(j in between for j in JOINED):
            return other
    return subject_set_up(org, orgs, text)


def subject_set_up(org: Found, orgs: list[Found], text: str) -> Found | None:
    """某街道党工委按照…要求,在某园区设立某某联合党支部; 某社区党委引入某公司,并推动成立某某党支部: a committee
    that is the subject of its sentence (it opens the sentence or a clause) sets up the organisation a later
    clause names right after a set-up word, when no other organisation is named between them."""
    head = text[: org.start].rstrip(FOUNDING_PARTICLES)
    if not head.endswith(SET_UP_WORDS):
        return None
    before = [o for o in orgs if o.sentence == org.sentence and o.end <= org.start and o is not org]
    if not before:
        return None
    other = max(before, key=lambda o: o.end)
    if other.kind not in ("党委", "党总支", "党工委") or other.name == org.name or (org.kind == "党委" and other.kind == "党总支"):
        return None
    between = text[other.end : org.start]
    # (its clause may write its places, its level word and an opening quote before it: 某市某区街道“两新”组织党委)
    lead = text[max(text.rfind(m, 0, other.start) for m in CLAUSE_OPENERS + "\n") + 1 : other.start]
    places = []
    unit = other.unit
    while unit is not None:
        places.append(unit.name)
        unit = unit.unit
    while (place := next((p for p in places if p and lead.endswith(p)), None)) is not None:
        lead = lead[: -len(place)]
    if not SUBJECT_LEAD.fullmatch(lead) or any(ch in between for ch in SENTENCE_MARKS) or any(j in between for j in JOINED):
        return None
    return other


FOUNDING_PARTICLES = "了起"
SUBJECT_LEAD = re.compile(f"(?:{alternation(sorted(PATTERNS['units']['generic_words'], key=len, reverse=True))})?[“\"]?")
CLAUSE_OPENERS = ",，;；:：。!！?？"
SENTENCE_MARKS = "。;；!！?？"


SET_UP_WORDS = tuple(PATTERNS["relations"]["set_up_words"])
MAX_SET_UP_LEAD = 2  # 推动, 指导, 牵头, 批准: a word before the verb of setting up
JOINED = tuple(PATTERNS["relations"]["partner_joiners"])


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


def stated_parents(orgs: list[Found], text: str) -> dict[str, Found]:
    """某某党支部隶属某社区党委, 新成立甲党支部和乙党支部,两个支部均隶属某社区党委: the organisations a clause
    of belonging says are under the one named after its verb. Its subject is the organisation right before
    the verb, else (该支部, 两个支部均…) those the clause before it names last (coordinated)."""
    parents: dict[str, Found] = {}
    if not any(verb in text for verb in BELONGING_VERBS):
        return parents
    ordered = sorted(orgs, key=lambda o: o.start)
    for parent in ordered:
        head = text[: parent.start]
        verb = next((v for v in BELONGING_VERBS if head.endswith(v)), None)
        if verb is None:
            continue
        at = parent.start - len(verb)
        lead = text[:at].rstrip(BELONGING_ADVERBS)
        direct = [o for o in ordered if o.end == len(lead) and o.sentence == parent.sentence]
        if direct:
            subjects = direct
        else:
            clause = max(lead.rfind(m) for m in CLAUSE_OPENERS)
            before = [o for o in ordered if o.sentence == parent.sentence and o.end <= clause]
            subjects = []
            for o in reversed(before):
                if subjects and text[o.end : subjects[-1].start] not in COORDINATORS:
                    break
                if not subjects and clause - o.end > MAX_CLAUSE_TAIL:
                    break
                subjects.append(o)
        for org in subjects:
            if org.name != parent.name and org.kind in ("党支部", "党小组", "党总支", "党委"):
                parents.setdefault(org.name, parent)
    return parents


BELONGING_VERBS = tuple(sorted(PATTERNS["relations"]["belonging_verbs"], key=len, reverse=True))
BELONGING_ADVERBS = "均都也还则直接统一"
COORDINATORS = PATTERNS.coordinators
MAX_CLAUSE_TAIL = 2  # (新成立甲党支部和乙党支部,: what may close the clause after its last name)


def committee_of_department(org: Found, orgs: list[Found]) -> Found | None:
    """某区委组织部 is a department of 某区委: the committee its name begins with, when the article names it."""
    if org.kind not in DEPARTMENT_KINDS:
        return None
    committee = org.name[: -len(org.kind)]
    return next((o for o in orgs if o.name == committee), None)


def below_its_unit(org: Found) -> bool:
    """某社区第二党支部, 某社区新业态联合党支部, 某社区两新联合党委, 某街道机关党支部: an organisation named by its
    unit, then a number or a kind of members (or a workplace) before its kind word, is one of the bodies
    under the unit's own committee, not the unit's party organisation."""
    unit = org.unit
    if unit is None or not org.name.startswith(unit.name):
        return False
    middle = org.name[len(unit.name):]
    return bool(BELOW.match(middle)) and not middle.startswith(JOINT_ALONE)


# a number (第二, 第一网格), or a kind of members (新业态, “两新”, 机关) then more words before the kind word
BELOW = re.compile(f"(?:第[一二三四五六七八九十\\d]{{1,3}}|[“\"]?(?:{alternation(sorted(PATTERNS['party']['branch_stems'], key=len, reverse=True))}))..")
# (联合党支部 alone after a unit: the unit's joint branch, of several bodies in it, is its own)
JOINT_ALONE = tuple(k for k in PATTERNS.party_kind if k.startswith("联合"))


def own_committee(org: Found, committees: dict[str, list[Found]]) -> Found | None:
    """The committee of ``org``'s unit that is the unit's own (not another body below it)."""
    return next((c for c in committees.get(org.unit.name, ()) if c is not org and c.name != org.name and not below_its_unit(c)), None)
