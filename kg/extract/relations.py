"""Relations between the entities of one article, from three sources:

- name structure: 长家山社区党总支 partyOrgOf 长家山社区; 长沙市望城区 → partOf;
- the gazetteer: 武陵区 partOf 常德市 partOf 湖南省;
- the sentence: the unit or organisation that is a sentence's subject (its
  *actor*) runs the programs, has the facilities and works with the partners
  the sentence names. A sentence without an actor takes the one the passage
  is about: the last actor before it in the paragraph, then in the article.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.found import Found
from kg.extract.party import parent_org
from kg.extract.patterns import PATTERNS


@dataclass(frozen=True)
class Actor:
    start: int
    end: int
    sentence: int
    entity: Found


@dataclass(frozen=True)
class FoundRelation:
    subject: Found
    predicate: str
    object: Found
    evidence: Found  # the mention whose sentence states it
    rule: str


def actors_of(units: list[Found], orgs: list[Found], bare: list[Actor], others: list[Found]) -> list[Actor]:
    """Who can be the subject of a sentence, in text order."""
    prefix_ends = {f.start for f in units + orgs + others}
    actors = [Actor(o.start, o.end, o.sentence, o) for o in orgs]
    for unit in units:
        if unit.implicit or unit.kind not in PATTERNS["relations"]["actor_levels"] or unit.end in prefix_ends:
            continue
        if any(o.start <= unit.start and unit.end <= o.end for o in orgs + others):
            continue
        actors.append(Actor(unit.start, unit.end, unit.sentence, unit))
    actors += bare
    return sorted(actors, key=lambda a: (a.start, a.end))


def actor_for(target: Found, actors: list[Actor], text: str, paragraph: list[int]) -> list[Found]:
    """The actors of the sentence that names ``target`` (coordinated ones included)."""
    usable = [a for a in actors if not (a.start < target.end and target.start < a.end)]
    same = [a for a in usable if a.sentence == target.sentence]
    before = [a for a in same if a.end <= target.start]
    if before:
        chosen = [before[-1]]
        for prev in reversed(before[:-1]):
            if text[prev.end : chosen[-1].start] in ("和", "与", "及", "、", "以及"):
                chosen.append(prev)
            else:
                break
        return [a.entity for a in chosen]
    if same:
        return [same[0].entity]
    earlier = [a for a in usable if a.sentence < target.sentence]
    in_paragraph = [a for a in earlier if paragraph[a.sentence] == paragraph[target.sentence]]
    if in_paragraph:
        return [in_paragraph[-1].entity]
    if earlier:
        return [earlier[-1].entity]
    return [usable[0].entity] if usable else []


def place_of(target: Found, units: list[Found], paragraph: list[int]) -> Found | None:
    """The unit a facility belongs to: the deepest one named in its sentence, else the last one before it."""
    if target.unit is not None:
        return target.unit
    explicit = [u for u in units if not u.implicit and u.kind in ("subdistrict", "community", "compound")]
    same = [u for u in explicit if u.sentence == target.sentence]
    if same:
        return max(same, key=lambda u: (("subdistrict", "community", "compound").index(u.kind), -abs(u.start - target.start)))
    before = [u for u in explicit if u.start < target.start]
    if before:
        return before[-1]
    return explicit[0] if explicit else None


def find_relations(
    units: list[Found],
    orgs: list[Found],
    programs: list[Found],
    facilities: list[Found],
    partners: list[Found],
    persons: list[Found],
    bare: list[Actor],
    sentences_text: list[str],
    text: str,
    paragraph: list[int],
) -> list[FoundRelation]:
    rels: list[FoundRelation] = []
    for unit in units:
        if unit.unit is not None:
            rels.append(FoundRelation(unit, "partOf", unit.unit, unit, "gazetteer" if unit.code and unit.unit.code else "name"))
    for org in orgs:
        if org.unit is not None:
            rels.append(FoundRelation(org, "partyOrgOf", org.unit, org, "name"))
        parent = parent_org(org, orgs)
        if parent is not None:
            rels.append(FoundRelation(org, "subOrganizationOf", parent, org, "context"))
    for person in persons:
        if person.org is not None and (person.org in orgs or person.org in units):
            rels.append(FoundRelation(person, "leads", person.org, person, "pattern:role"))
    actors = actors_of(units, orgs, bare, programs + facilities + partners)
    for program in programs:
        for actor in actor_for(program, actors, text, paragraph):
            rels.append(FoundRelation(actor, "runsProgram", program, program, "pattern:actor"))
    for facility in facilities:
        place = place_of(facility, units, paragraph)
        if place is not None:
            rels.append(FoundRelation(place, "hasFacility", facility, facility, "pattern:place"))
    triggers = PATTERNS["relations"]["partner_triggers"]
    for partner in partners:
        said = any(t in sentences_text[partner.sentence] for t in triggers)
        if said or partner.name.endswith(tuple(PATTERNS["relations"]["resident_partner_endings"])):
            for actor in actor_for(partner, actors, text, paragraph):
                rels.append(FoundRelation(actor, "partnersWith", partner, partner, "pattern:partner"))
    return rels
