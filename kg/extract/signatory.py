"""Who holds an article's partnerships: the body that signs them with a whole set of bodies at once.

News states a partnership once for many (社区党委与辖区10家单位签订共建协议, 某村党总支携手8家共建单位,
街道党工委联合驻区企业…) and then names the bodies one by one in sentences of their own (某银行在中心设置了
服务角, 某医院派出医生…) that name no actor. Those bodies are the signer's partners: where the signer is
the committee of the unit the article is about (or that unit, where the article is about its committee),
they work with the signer, not with the article's focus.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.actors import Actors, is_place_of_deed
from kg.extract.found import Found
from kg.extract.patterns import PATTERNS, alternation

TABLE = PATTERNS["relations"]["signatory"]
# a partnering word, a few modifiers (辖区, 10家, 多个: a set of bodies, where 与企业之间 names a kind), the
# head of a collective (单位, 企业), no clause mark
# (or a list of the bodies, closed by 等 and their count: 与甲公司、乙小学、丙中心等6家单位)
COLLECTIVE = re.compile(
    f"(?:{alternation(TABLE['joining_words'])})(?:[^,，。;；:：!！?？“”]{{1,{int(TABLE['max_modifier'])}}}?"
    f"|[^,，。;；:：!！?？“”]{{1,{int(TABLE['max_list'])}}}?等(?:\\d+|[两几多数一二三四五六七八九十]+)[家个])"
    f"(?:{alternation(TABLE['collective_heads'])})")


def partnership_signer(actors: Actors, text: str, starts: list[int], focus: Found | None) -> Found | None:
    """The actor of the first sentence that joins it to a collective of bodies by a partnering word, when
    it is the focus's counterpart (the focus unit's committee, or the focus committee's unit)."""
    if focus is None:
        return None
    for match in COLLECTIVE.finditer(text):
        i = bisect_right(starts, match.start()) - 1
        before = [a for a in actors.in_sentence[i] if a.end <= match.start() and not is_place_of_deed(a, text)]
        if not before:
            continue
        if counterparts(before[-1].entity, focus):
            return before[-1].entity
    return None


def counterparts(a: Found, b: Found) -> bool:
    """Whether one is a unit and the other its own committee (某社区 and 某社区党委)."""
    unit, org = (a, b) if a.cls == "AdministrativeUnit" else (b, a)
    return unit.cls == "AdministrativeUnit" and org.cls == "PartyOrganization" and org.unit is not None and (
        org.unit.name == unit.name) and org.kind in TABLE["committee_kinds"]
