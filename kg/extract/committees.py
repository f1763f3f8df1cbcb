"""Committees named by a unit and 委 (某某区委, 共青团某某县委, 某市委组织部), and the generic ones of a
level (省委组织部, 县委书记) that the party stage settles to the article's own province, city or county."""
from __future__ import annotations

import re

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS, alternation
from kg.extract.text import is_cjk
from kg.model import Sentence

CLS = "PartyOrganization"
DEPARTMENTS = dict(PATTERNS["party"]["departments"])
INSTITUTIONS = tuple(PATTERNS["party"]["committee_institutions"])


def committees(index: int, sentence: Sentence, units: list[Found]) -> list[Found]:
    """Committees and their departments named by a unit + 委.

    共青团某某县委 (youth league), 某某区委 (party committee), 某市委组织部
    (a department of the committee); 团区委 after a unit is its youth league.
    A generic 省委/市委/区委 before a department names the committee of the
    article's own province, city or district (settled with the others).
    """
    table = PATTERNS["party"]
    found = []
    text = sentence.text
    for unit in units:
        rel = unit.end - sentence.start
        if unit.implicit:
            continue  # the ancestors the gazetteer adds share their child's span: the child names the committee
        if text[rel : rel + 1] == unit.name[-1:] and text.startswith(table["committee_suffix"], rel + 1):
            rel += 1  # 岚县|县委, 某市|市委: the committee written with the level word again (a county of one character)
        if unit.kind not in table["committee_unit_levels"] or not text.startswith(table["committee_suffix"], rel):
            continue
        if text.startswith(("委员", "委会"), rel) or text.startswith(INSTITUTIONS, rel + 1):
            continue  # (某县委党校: the committee's school, a partner, not the committee)
        prefix = table["youth_league_prefix"]
        start_rel = unit.start - sentence.start
        department = next((d for d in DEPARTMENTS if text.startswith(d, rel + 1)), "")
        end = rel + 1 + len(department)
        member = text.startswith(STANDING_MEMBER, rel + 1)
        if member and (head := next((d for d in DEPARTMENTS if text.startswith(d, rel + 1 + len(STANDING_MEMBER))), "")):
            # 某区委常委、组织部部长: the standing member heads the committee's department, which is named with the
            # committee; the committee stands named too
            at = rel + 1 + len(STANDING_MEMBER)
            found.append(Found(CLS, text[start_rel : rel + 1] + head, sentence.start + at, sentence.start + at + len(head),
                               index, kind=DEPARTMENTS[head], unit=unit, rule="name"))
        if department:
            found.append(Found(CLS, text[start_rel:end], unit.start, sentence.start + end, index,
                               kind=DEPARTMENTS[department], unit=unit, rule="name"))
        elif text.endswith(prefix, 0, start_rel):
            found.append(Found(CLS, prefix + text[start_rel : rel + 1], unit.start - len(prefix), sentence.start + rel + 1, index,
                               kind="团委", unit=unit, rule="name"))
        else:
            found.append(Found(CLS, text[start_rel : rel + 1], unit.start, sentence.start + rel + 1, index, kind="党委", unit=unit,
                               rule="name"))
    taken = [(f.start, f.end) for f in found]
    for match in (*DEPARTMENT_OF_LEVEL.finditer(text), *COMMITTEE_OF_LEVEL.finditer(text)):
        s, e = sentence.start + match.start(), sentence.start + match.end()
        if any(a < e and s < b for a, b in taken) or (match.start() and is_cjk(text[match.start() - 1])
                                                       and text[match.start() - 1] not in PATTERNS.stop_chars):
            continue
        level = PATTERNS["units"]["generic_words"][match.group(1)]
        kind = DEPARTMENTS[match.group(2)] if match.lastindex == 2 else "党委"
        found.append(Found(CLS, "", s, e, index, kind=kind, generic=True, rule=f"generic:{level}",
                           aliases={match.group().replace(STANDING_MEMBER, "")}))  # (区委常委、组织部部长: 区委组织部)
        taken.append((s, e))
    return found


STANDING_MEMBER = "常委、"  # 区委常委、组织部部长: the standing member heads the committee's department
DEPARTMENT_OF_LEVEL = re.compile(
    f"({alternation(PATTERNS['party']['committee_levels'])})委(?:{STANDING_MEMBER})?({alternation(DEPARTMENTS)})"
)
# 县委书记某某: the committee of the article's own county (a generic 县委 only before its secretary's title)
LEVEL_COMMITTEES = frozenset(level + PATTERNS["party"]["committee_suffix"] for level in PATTERNS["party"]["committee_levels"])
COMMITTEE_OF_LEVEL = re.compile(
    f"({alternation(PATTERNS['party']['committee_levels'])})委(?={alternation(PATTERNS['party']['committee_titles'])})"
)
