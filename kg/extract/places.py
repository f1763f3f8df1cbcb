"""Who holds a facility: the party organisation its sentence has set it up, else, when the facility's name
does not say, the units named in its sentence, its passage, and the unit the article is about."""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.actors import CLAUSE_MARKS, PLACE_WORDS, Actors, coordinated, overlaps
from kg.extract.found import Found
from kg.extract.frames import reported_start
from kg.extract.index import LastBefore, by_sentence
from kg.extract.named import COUNTED_BEFORE
from kg.extract.party import LEVEL_WORDS
from kg.extract.patterns import PATTERNS, alternation
from kg.extract.quotes import COPULA
from kg.extract.segment import tokenize
from kg.extract.text import is_people_word


class Places:
    """The units a facility can belong to, indexed once (see ``place_of``)."""

    def __init__(self, units: list[Found], sentences: int, paragraph: list[int] | None = None):
        self.explicit = [u for u in units if not u.implicit and u.kind in PLACE_LEVELS]
        self.in_sentence = by_sentence(self.explicit, sentences, lambda u: u.sentence)
        self.before = LastBefore(self.explicit, key=lambda u: None, position=lambda u: u.start)
        self.paragraph = paragraph
        if paragraph is not None:
            self.before_in_paragraph = LastBefore(self.explicit, key=lambda u: paragraph[u.sentence], position=lambda u: u.start)


PLACE_LEVELS = ("subdistrict", "community", "compound")
# Which of the units named in a facility's sentence holds it: a community before a compound (the
# community runs the station it opens in one of its compounds), a township last.
PLACE_PREFERENCE = ("subdistrict", "compound", "community")


def place_of(target: Found, places: Places, focus: Found | None = None) -> Found | None:
    """The unit a facility belongs to: the community named in its sentence (else its compound, else its
    township), else the last unit named before it in its paragraph, else the unit the article is about
    (its ``focus``, or the focus committee's unit, or the focus committee itself when it is a body's that
    is no unit), else the last unit named before it."""
    if target.unit is not None:
        return target.unit
    same = places.in_sentence[target.sentence]
    if same:
        return max(same, key=lambda u: (PLACE_PREFERENCE.index(u.kind), -abs(u.start - target.start)))
    if places.paragraph is not None:
        # a passage about one place goes on naming its facilities; a new paragraph returns to the article's own
        before = places.before_in_paragraph.last_before(places.paragraph[target.sentence], target.start)
        if before is not None:
            return before
    home = focus if focus is None or focus.cls == "AdministrativeUnit" else focus.unit
    if home is not None and home.kind in PLACE_LEVELS:
        return home
    if focus is not None and focus.cls != "AdministrativeUnit" and focus.unit is None:
        return focus  # the story of a company's party committee: its rooms are the committee's
    before = places.before.last_before(None, target.start)
    if before is not None:
        return before
    return places.explicit[0] if places.explicit else None


def builders_of(target: Found, actors: Actors, text: str) -> list[Found]:
    """某村党委在村口设立“某某站”, 社区在某小区建起…站, “某某工坊”由社区党委…打造: the actors a facility's
    own sentence has build or set it up (a building word between them and it, or after 由 and them), when
    every actor so named is a party organisation or a unit that holds facilities. A facility named with
    its unit, or the venue of a deed (在某某召开), is a place's; so is one whose sentence has no such actor.
    (A unit or committee after 在 is where, or guides: 在某小区建起, 在某党委的指导下.)"""
    if text.endswith(PLACE_WORDS, 0, target.start) or actors.starts is None:
        return []
    starts, i = actors.starts, target.sentence
    if not BUILDING.search(text, starts[i], starts[i + 1] if i + 1 < len(starts) else len(text)):
        return []  # (no building word in the sentence: most facilities)
    same = [a for a in actors.in_sentence[target.sentence] if not overlaps(a, target) and not text.endswith(PLACE_WORDS, 0, a.start)]
    report = reported_start(text, starts[i], target.start)
    same = [a for a in same if a.start >= report or a.start > target.start]
    before = [a for a in same if a.end <= target.start]
    if before:
        chosen, deed = coordinated(before, text), text[before[-1].end : target.start]
    else:
        # (“某某工坊”由社区党委…打造; “某某堂”是社区党委…设立的调解室: the actor right after the copula)
        chosen = [a for a in same if text.endswith(AGENT_WORDS, 0, a.start)
                  or a.start == target.end + len(COPULA) and text.startswith(COPULA, target.end)][:1]
        deed = text[chosen[0].end : text.find("。", chosen[0].end)] if chosen else ""
    if not chosen or any(not builds(a.entity) for a in chosen) or any(m in deed for m in CLAUSE_MARKS):
        return []
    if target.unit is not None and (target.name.endswith(STANDARD_FACILITIES) or not all(
            own_committee_of(a.entity, target.unit) for a in chosen)):
        # (a facility named with its unit is the unit's, unless the unit's own committee builds it; one every
        # unit has, 某街道党群服务中心, stays the unit's whoever builds it)
        return []
    clauses = re.split("[,，]", deed)
    if not any(w in (clauses[-1] if before else deed) for w in BUILDING_WORDS):
        return []
    if any(is_people_word(tokenize(c[:8])[0]) for c in clauses[1:] if c):
        return []  # 某党支部…,党员们带领居民…,成立了…: the clause that builds it has a subject of its own
    return [a.entity for a in chosen]


AGENT_WORDS = ("由",)


def own_committee_of(body: Found, unit: Found) -> bool:
    """村党支部在村委会旁建起了某村冷藏库: whether ``body`` is the committee of the unit a facility is named with."""
    return (body.cls == "PartyOrganization" and body.unit is not None and body.unit.name == unit.name
            and named_as_committee_of(body.name, unit.name))


def named_as_committee_of(name: str, unit_name: str) -> bool:
    """Whether ``name`` is the unit's name and a committee's kind word (某社区 + 党委, 党总支, 党工委)."""
    return name.startswith(unit_name) and name[len(unit_name):] in OWN_COMMITTEE_KINDS


OWN_COMMITTEE_KINDS = frozenset(PATTERNS["relations"]["signatory"]["committee_kinds"])
STANDARD_FACILITIES = tuple(PATTERNS["facilities"]["standard"])
BUILDING_WORDS = tuple(PATTERNS["relations"]["facility_triggers"]) + tuple(PATTERNS["relations"]["facility_building_words"])
BUILDING = re.compile(alternation(BUILDING_WORDS))


def builds(actor: Found) -> bool:
    """A party organisation, or a unit that holds facilities (a community, a township, a compound)."""
    return actor.cls == "PartyOrganization" or (actor.cls == "AdministrativeUnit" and actor.kind in PLACE_LEVELS)


def built_elsewhere(facility: Found, facilities: list[Found], actors: Actors, text: str) -> list[Found]:
    """某社区退役军人服务站 … 社区党委在党群服务中心旁建起退役军人服务站: a facility named with its unit is held
    by those a sentence has build it where the sentence names it without the unit (its name's tail), when
    no other facility of the article ends in that tail (某街道党群服务中心 and 某社区党群服务中心)."""
    unit = facility.unit
    if unit is None or actors.starts is None or not facility.name.startswith(unit.name):
        return []
    tail = facility.name[len(unit.name) :]
    if len(tail) < MIN_TAIL or any(f.name != facility.name and f.name.endswith(tail) for f in facilities):
        return []
    at = text.find(tail)
    while at >= 0:
        if not facility.start <= at < facility.end and not of_another_unit(text, at):
            sentence = bisect_right(actors.starts, at) - 1
            holders = builders_of(Found(facility.cls, tail, at, at + len(tail), sentence), actors, text)
            if holders:
                return holders
        at = text.find(tail, at + 1)
    return []


MIN_TAIL = 3  # 服务站, 食堂 alone are any place's


def of_another_unit(text: str, at: int) -> bool:
    """新建2个镇党群服务中心、8个村党群服务中心: the tail written after a level word or a count is some
    unit's of that level, or many places of the kind, not the one facility named with its unit."""
    return text.endswith(LEVEL_WORDS, 0, at) or COUNTED_BEFORE.search(text, 0, at) is not None


def partners_own(facility: Found, partners: list[Found], text: str, sentence_start: int) -> bool:
    """某某医院在社区开设健康服务站, 某某精密机械将开放职工食堂: a facility whose clause a partner opens (by its
    name, or by a short form of it, the trade name and trade without place or legal form) is the partner's
    own, which it opens to the residents: not the place's (a facility whose name holds its unit is that unit's)."""
    if facility.unit is not None:
        return False
    start = max([text.rfind(m, sentence_start, facility.start) + 1 for m in SUBJECT_CLAUSE_MARKS] + [sentence_start])
    clause = text[start : facility.start]
    if len(clause) < MIN_SHORT_FORM:
        return False
    for partner in partners:
        if partner.start == start and partner.end <= facility.start:
            return True  # (the partner's own name opens the clause)
        name = partner.name
        if partner.end <= start and any(clause.startswith(name[i : i + MIN_SHORT_FORM]) for i in range(len(name) - MIN_SHORT_FORM + 1)):
            return True  # (a short form of a partner named before)
    return False


SUBJECT_CLAUSE_MARKS = (",", "，", ";", "；", ":", "：")
MIN_SHORT_FORM = 4  # 鼎钛精密: four characters of a partner's name begin the clause
