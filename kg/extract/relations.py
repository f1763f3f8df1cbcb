"""Relations between the entities of one article, from three sources:

- name structure: 某某社区党总支 partyOrgOf 某某社区; 某某市某某区 → partOf;
- the gazetteer: 武陵区 partOf 常德市 partOf 湖南省;
- the sentence: the unit or organisation that is a sentence's subject (its
  *actor*) runs the programs, has the facilities and works with the partners
  the sentence names;
- the document: news states most of these at the level of the article. A
  sentence without an actor of its own speaks of the article's *focus*, the
  unit or organisation it is about (named in its title and lead, and most
  often), and the programs and partners it names are the focus's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.abbreviated import BRANCH as DECLARED_BRANCH
from kg.extract.actors import CLAUSE_MARKS, Actor, Actors, coordinated, is_guide, is_place_of_deed, overlaps, places_of_deed
from kg.extract.anaphora import facility_anaphors, local_actors
from kg.extract.found import Found
from kg.extract.frames import addressed, directing_speakers, founded, opens_clause, quoted_speakers, reported_start, runs_for, sends_people
from kg.extract.hierarchy import (DEPARTMENT_KINDS, below_its_unit, committee_of_department, guided_by, own_committee, set_up_by,
                                  stated_parents)
from kg.extract.index import Covering
from kg.extract.managers import managers
from kg.extract.occasions import occasion_hosts, occasion_sentences
from kg.extract.party import committees_by_unit, parent_org
from kg.extract.places import Places, builders_of, builds, built_elsewhere, partners_own, place_of
from kg.extract.partnering import (JOINERS, PARTNER_TRIGGER, actor_before_trigger, engaged, engager, joined_to_actor,
                                   last_coordinated, list_fellows, listed_partners, moved, named_as_origin,
                                   named_in_a_title)
from kg.extract.posts import other_posts, settle_posts
from kg.extract.respective import respective_owner
from kg.extract.signatory import counterparts, partnership_signer
from kg.extract.teams import with_teams
from kg.extract.patterns import PATTERNS, alternation
from kg.extract.text import clause_start
from kg.frozen import dict_init


@dict_init
@dataclass(frozen=True)
class FoundRelation:
    subject: Found
    predicate: str
    object: Found
    evidence: Found  # the mention whose sentence states it
    rule: str


def actors_of(units: list[Found], orgs: list[Found], bare: list[Actor], others: list[Found], text: str = "") -> list[Actor]:
    """Who can be the subject of a sentence, in text order.

    A unit written as the first part of another name (某区某街道, 某社区服务中心)
    is not one; a unit before a quoted name (某街道“某某”活动) owns it, and is, unless its own
    committee acts in the sentence before it (镇党委…联合开办某镇“某某”: the committee's, for its unit).
    """
    prefix_ends = {f.start for f in units + orgs} | {f.start for f in others if not text.startswith(OPENING_QUOTES, f.start)}
    names = Covering((o.start, o.end) for o in orgs + others)
    # (a firm's branch named by the firm's declared short name, 甲乙科技党支部书记某某, is the partner's, not an
    # actor the article's partnerships would go to)
    actors = [Actor(o.start, o.end, o.sentence, o) for o in orgs if o.rule != DECLARED_BRANCH]
    for unit in units:
        if unit.implicit or unit.kind not in PATTERNS["relations"]["actor_levels"] or unit.end in prefix_ends:
            continue
        if names.covers(unit.start, unit.end):
            continue  # part of an organisation's or another entity's name
        if text.startswith(OPENING_QUOTES, unit.end) and any(
                o.sentence == unit.sentence and o.end <= unit.start and o.unit is not None and o.unit.name == unit.name
                and o.kind in FOCUS_KINDS for o in orgs):
            continue
        actors.append(Actor(unit.start, unit.end, unit.sentence, unit))
    actors += bare
    return sorted(actors, key=lambda a: (a.start, a.end))


def actor_for(target: Found, actors: Actors, text: str, focus: Found | None = None) -> list[Found]:
    """The actors of the sentence that names ``target`` (coordinated ones included).

    A sentence without one speaks of the article's ``focus`` when it has one,
    else of the last actor before it in its paragraph, then in the article.
    """
    return hosts_of(target, actors, text, focus, partner=True)[0]


def hosts_of(target: Found, actors: Actors, text: str, focus: Found | None = None,
             partner: bool = False) -> tuple[list[Found], list[Found]]:
    """``actor_for``'s actors, and the fellows the sentence has them work with.

    A unit named as the place of the deed (在某社区举行, 来到某村) is where,
    not who. Actors named as companions of a joint deed (甲与乙、丙共同主办,
    甲和乙一起开展) are the first actor's fellows, not co-owners: the first
    (or the article's focus, when it is one of them) runs the program.
    """
    in_sentence = actors.in_sentence[target.sentence]
    places = places_of_deed(in_sentence, text)
    same = [a for i, a in enumerate(in_sentence) if not overlaps(a, target) and i not in places]
    if any(is_guide(a, text) for a in same):
        # (社区党委在街道党工委指导下,探索…: the guide does not do the deed, the other actor does)
        same = [a for a in same if not is_guide(a, text)] or same
    if actors.starts is not None:
        # 某村党支部书记某某介绍,村里引进…: the speaker's body frames the report and does nothing in it
        report = reported_start(text, actors.starts[target.sentence], target.start)
        same = [a for a in same if a.start >= report or a.start > target.start]
    if partner:
        # 某街道党工委推动成立某综合党委,由某公司牵头: a partner of the founding works with the founder, not
        # with the body set up (which runs the programs named after it: 社区成立了某党支部,开展…)
        same = [a for i, a in enumerate(same) if i == 0 or not founded(a, text)]
    before = [a for a in same if a.end <= target.start]
    if before:
        chosen = coordinated(before, text)  # last first
        first = chosen[-1]
        if text.endswith(PARTNERING_VERBS, 0, first.start) or (
                text.endswith(COMPANION_WORDS, 0, first.start) and joint_deed(text, chosen[0].end, target.start)) or (
                text.endswith(JOINERS, 0, first.start) and "," in text[chosen[0].end : target.start]):
            # 甲联合乙开展…, 甲每周和乙一起开展…, 甲…,与乙签订协议,推行…: the companions leave the deed to the actor before them
            refs = {a.entity.ref for a in chosen}
            earlier = [a for a in before if a.end <= first.start and a.entity.ref not in refs]
            principals = last_coordinated(earlier, text) if earlier else [focus] if focus is not None else []
            if principals and all(p.ref not in refs for p in principals):
                return principals, [a.entity for a in reversed(chosen)]
        elif len(chosen) > 1 and (joint_deed(text, chosen[0].end, target.start) or (
                text[chosen[-1].end : chosen[-2].start] in JOINERS and "," in text[chosen[0].end : target.start])):
            # 甲与乙、丙共同主办, 甲与乙签订协议,推行…: the first (or the article's focus among them) hosts, the others join in
            ordered = [a.entity for a in reversed(chosen)]
            principal = next((e for e in ordered if focus is not None and e.ref == focus.ref), ordered[0])
            return [principal], [e for e in ordered if e.ref != principal.ref]
        return [a.entity for a in chosen], []
    if AGENT_OF_DEED.search(text, clause_start(text, target.start, CLAUSE_AND_COMMA), target.start):
        return [], []  # 由学校的老师在社区开设“某某”: the clause names its doer, and it is no actor
    return _without_actor_before(target, same, actors, focus, passage=not partner), []


def studied(program: Found, text: str) -> bool:
    """街道将总结“某某”经验, 组织党员学习“某某”做法: a program right after a verb of studying (its quote between)
    is what the sentence's actor learns from, not what it runs."""
    return text.endswith(STUDYING_VERBS, 0, program.start - (1 if text.endswith(OPENING_QUOTES, 0, program.start) else 0))


STUDYING_VERBS = tuple(PATTERNS["relations"]["studying_verbs"])


# 由 naming a deed's doer (not 由于, 由此: because, hence)
AGENT_OF_DEED = re.compile("由(?![于此来])")
CLAUSE_AND_COMMA = CLAUSE_MARKS + (",", "，", ":", "：")


def _without_actor_before(target: Found, same: list[Actor], actors: Actors, focus: Found | None,
                          passage: bool = False) -> list[Found]:
    if same:
        # (a unit's committee that begins there, 社区党委, not the 社区 it begins with)
        first = same[0].entity
        return [next((a.entity for a in same if a.start == same[0].start and counterparts(first, a.entity)), first)]
    earlier = actors.earlier_in_paragraph.last_before(actors.paragraph[target.sentence], target.sentence)
    if focus is not None and not focus.overlaps(target.start, target.end):
        # (a program's: the focus unit's committee, where its passage has just named it acting: 社区党委搭建…。
        # 在“某某”行动中…; a partner's is the signer's, signatory.py)
        return [earlier.entity if passage and earlier is not None and counterparts(earlier.entity, focus) else focus]
    # the last actor before the sentence in its paragraph, else in the article
    earlier = earlier or actors.earlier.last_before(None, target.sentence)
    if earlier is not None:
        return [earlier.entity]
    first = next((a for a in actors.actors if not overlaps(a, target)), None)
    return [first.entity] if first else []


def article_focus(units: list[Found], orgs: list[Found], lead_sentences: int = 3,
                  bylines: frozenset[int] = frozenset()) -> Found | None:
    """The unit or organisation the article is about.

    Each name scores its mentions, and more where the title and lead name it
    (the first ``lead_sentences`` sentences). A unit written before another
    as its parent (某县 in 某县某镇某村) is not named as an actor there,
    and only a unit's own committees (党委, 党总支, 党工委, 党支部), not its
    departments or youth league, stand for it; so may the committee of a
    body that is no unit (a company's 党委, in a story about the company). A unit's committee shares
    ``COMMITTEE_SHARE`` of its mentions with the unit. On a tie the deeper
    unit wins (a community story names its district in passing), then the
    one named first. The title is the first sentence that names one of them
    (page furniture before it, 原创 | 某某号 | 日期, names none). The sentences of ``bylines``
    (原创 某街道, 来源:某街道) name who publishes the page, not what it is about: their names do not count.
    """
    levels = PATTERNS["relations"]["actor_levels"]
    heads = {u.unit.end for u in units if u.unit is not None and u.unit.end == u.start}
    candidates = [u for u in units if not u.implicit and u.kind in levels and u.end not in heads]
    candidates += [o for o in orgs if o.kind in FOCUS_KINDS and (o.unit is not None or o.org is None)]
    candidates = [f for f in candidates if f.sentence not in bylines] or candidates
    if not candidates:
        return None
    score: dict[tuple[str, str], float] = {}
    first: dict[tuple[str, str], Found] = {}
    title = min(found.sentence for found in candidates)
    for found in candidates:
        weight = 1.0 + (1.0 if found.sentence < lead_sentences else 0.0) + (1.0 if found.sentence == title else 0.0)
        key = (found.cls, found.name)
        first.setdefault(key, found)
        score[key] = score.get(key, 0.0) + weight
        if found.cls != "AdministrativeUnit" and found.unit is not None and found.unit.kind in levels:
            unit_key = ("AdministrativeUnit", found.unit.name)
            score[unit_key] = score.get(unit_key, 0.0) + weight * COMMITTEE_SHARE
            first.setdefault(unit_key, found.unit)

    def rank(key):
        found = first[key]
        unit = found if found.cls == "AdministrativeUnit" else found.unit
        return (-score[key], -levels.index(unit.kind) if unit is not None and unit.kind in levels else 0, found.start)

    return first[min(score, key=rank)]


FOCUS_KINDS = ("党委", "党总支", "党工委", "党支部")
# 原创 某街道 某街道 (a public account's header), 来源:某街道, 信息来源:某镇: a line that says who publishes the page
BYLINE = re.compile(f"^\\s*(?:{alternation(PATTERNS['relations']['byline_openers'])})\\s"
                    f"|(?:{alternation(PATTERNS['relations']['byline_labels'])})\\s*[:：]")
COMMITTEE_SHARE = float(PATTERNS["relations"]["committee_share"])


def joint_deed(text: str, start: int, end: int) -> bool:
    """Whether the words between the actors and the target say they do it together (共同, 一起)."""
    between = text[start:end]
    return any(w in between for w in JOINT_WORDS) and not any(mark in between for mark in CLAUSE_MARKS)


JOINT_WORDS = tuple(PATTERNS["relations"]["joint_words"])
COMPANION_WORDS = tuple(PATTERNS["relations"]["companion_words"])
PARTNERING_VERBS = tuple(PATTERNS["relations"]["partnering_verbs"])
OPENING_QUOTES = ("“", "‘", "「", "『", '"')


def speaker_actor(target: Found, actors: Actors, text: str, speakers: dict[int, Found]) -> Found | None:
    """The quoted speaker's organisation, for a target its quotation names before any actor of its own."""
    speaker = speakers.get(target.sentence)
    if speaker is None or speaker.overlaps(target.start, target.end):
        return None
    if any(a.end <= target.start and not is_place_of_deed(a, text) for a in actors.in_sentence[target.sentence]):
        return None
    return speaker


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
    sentence_starts: list[int] | None = None,
) -> list[FoundRelation]:
    rels: list[FoundRelation] = []
    for unit in units:
        if unit.unit is not None:
            rels.append(FoundRelation(unit, "partOf", unit.unit, unit, "gazetteer" if unit.code and unit.unit.code else "name"))
    committees = committees_by_unit(orgs)
    # (an organisation a sentence says who set up is under that one wherever else the article names it)
    stated = {org.name: parent for org in orgs if (parent := set_up_by(org, orgs, text)) is not None}
    stated.update(stated_parents(orgs, text))  # (该支部隶属某党工委: said outright)
    for org in orgs:
        # (a department's own branch, 某县委宣传部机关党支部, is the department's: not the unit's party organisation)
        # (nor is a department, 某县委组织部: it is the committee's, not the unit's own party organisation)
        # (nor is a body under the unit's committee, 某社区第二党支部, 某社区新业态联合党支部: it sits under that one)
        below = below_its_unit(org)
        if org.unit is not None and org.kind not in DEPARTMENT_KINDS and not (
                org.org is not None and org.org.kind in DEPARTMENT_KINDS) and not below:
            rels.append(FoundRelation(org, "partyOrgOf", org.unit, org, "name"))
        # (what the sentence says, 某党委牵头组建某某联合党委, before what the name says)
        parent = stated.get(org.name) or (own_committee(org, committees) if below else None) or parent_org(
            org, committees) or guided_by(org, orgs, text) or committee_of_department(org, orgs)
        if parent is not None:
            rels.append(FoundRelation(org, "subOrganizationOf", parent, org, "context"))
    # A person's org is one of the article's own organisations or units (the
    # very object), so identity says whether it is among them.
    holders = {id(f) for f in orgs} | {id(f) for f in units} | {id(f) for f in partners}
    settle_posts(persons, orgs + units + partners, text, paragraph)
    for person in persons:
        if person.org is not None and id(person.org) in holders:
            rels.append(FoundRelation(person, "leads", person.org, person, "pattern:role"))
        if person.also_leads is not None and id(person.also_leads) in holders:
            rels.append(FoundRelation(person, "leads", person.also_leads, person, "pattern:role"))
    for person, body in other_posts(persons, orgs + units + partners, text, paragraph):
        rels.append(FoundRelation(person, "leads", body, person, "pattern:post"))
    if sentence_starts is not None:
        bare = bare + local_actors(units, sentence_starts, paragraph, text)
    actors = Actors(actors_of(units, orgs, bare, programs + facilities + partners, text), len(sentences_text), paragraph,
                    sentence_starts)
    focus = article_focus(units, [o for o in orgs if o.rule != DECLARED_BRANCH], bylines=frozenset(i for i, s in enumerate(sentences_text) if BYLINE.search(s)))
    # “某某”由社区党委发起, 司机之家由某党委管理: who 由 names runs it, whatever the rest would say
    managed = managers(programs + facilities, actors, text, sentence_starts) if sentence_starts is not None else {}
    anaphors: set[tuple[int, int]] = set()
    held = facility_relations(facilities, units, actors, text, focus, len(sentences_text), paragraph, managed,
                              partners, sentence_starts)
    if sentence_starts is not None and held:
        # 驿站推出…: a sentence about a facility named before by its head word is its holder's
        held_by = {id(r.object): r.subject for r in held}
        extra = facility_anaphors(held_by, facilities, units + orgs + programs + facilities + partners, sentence_starts, text)
        anaphors = {(a.start, a.sentence) for a in extra}
        if extra:
            actors = Actors(sorted(actors.actors + extra, key=lambda a: (a.start, a.end)), len(sentences_text), paragraph,
                            sentence_starts)
    # 某镇党委…组建起这支宣讲队; 宣讲队还和某小学结成对子: a team's founder, and the clauses it opens
    actors, founder = with_teams(actors, partners, units + orgs + programs + facilities + partners, text)
    body_of = {(p.start, p.sentence): p for p in partners if p.rule == "body of organisation"}
    speakers = {**directing_speakers(persons, sentence_starts, paragraph, text, holders),
                **quoted_speakers(persons, sentences_text, sentence_starts, holders)} if sentence_starts else {}
    for program in programs:
        if (program.cls, program.name) not in managed and studied(program, text):
            continue  # (街道将总结“某某”经验: what the sentence's actor learns from is another's)
        speaker = speaker_actor(program, actors, text, speakers)
        hosts, fellows = (managed[program.cls, program.name], []) if (program.cls, program.name) in managed else ([speaker], []) if speaker is not None else (
            (paired(program, actors, text), []) if paired(program, actors, text) else hosts_of(program, actors, text, focus))
        for actor in hosts:
            rels.append(FoundRelation(actor, "runsProgram", program, program, "pattern:actor"))
        for fellow in fellows:
            # 甲社区与乙中心党总支共同主办: the body whose branch joins in is the host's partner
            body = body_of.get((fellow.start, fellow.sentence)) if fellow.cls == "PartyOrganization" else None
            for actor in hosts if body is not None else ():
                rels.append(FoundRelation(actor, "partnersWith", body, program, "pattern:joint"))
    rels += held
    # the sentences of partners that hold a partnering word (only theirs are asked)
    partnering = {p.sentence for p in partners if PARTNER_TRIGGER.search(sentences_text[p.sentence])}
    resident = tuple(PATTERNS["relations"]["resident_partner_endings"])
    signer = partnership_signer(actors, text, sentence_starts, focus) if sentence_starts is not None else None

    def signed(hosts: list[Found]) -> list[Found]:
        # a body the article's focus works with, in a sentence of its own: the signer of its partnerships'
        alone = signer is not None and len(hosts) == 1 and (hosts[0].cls, hosts[0].name) == (focus.cls, focus.name)
        return [signer] if alone else hosts

    listed = listed_partners(partners, text)
    ran = sorted(((r.object, r.subject) for r in rels if r.predicate == "runsProgram"), key=lambda pair: pair[0].start)
    told = occasion_sentences(text, sentence_starts, paragraph, {a.sentence for a in actors.actors}) if sentence_starts else set()
    fellows = list_fellows(partners, [a.entity for a in actors.actors], text)
    for partner in partners:
        # (a team named by its quote, “银杏”志愿服务队, has the quote as its name and the whole as an alias)
        of_residents = partner.name.endswith(resident) or any(alias.endswith(resident) for alias in partner.aliases)
        founded_by = founder.pop(partner.name, None)
        if founded_by is not None:
            rels.append(FoundRelation(founded_by, "partnersWith", partner, partner, "pattern:founder"))
        # Teams of residents are the unit's own wherever they are named; schools, companies and media
        # when the sentence says they work together, or lists them with other partners (not where they
        # only name a person's post: 县农业农村局局长某某参加会议).
        if not of_residents and (named_in_a_title(partner, persons, text) or named_as_origin(partner, text) or (
                sentence_starts is not None and addressed(partner, text, sentence_starts[partner.sentence]))):
            continue
        if partner.sentence in partnering or of_residents or runs_for(partner, text) or id(partner) in listed or engaged(
                partner, text) or moved(partner, text) or joined_to_actor(
                partner, actors, text) or (
                sentence_starts is not None and partner.kind != "media"
                and (opens_clause(partner, text, sentence_starts[partner.sentence]) or (sends_people(partner, text) and any(
                    a.end <= partner.start and not is_place_of_deed(a, text) for a in actors.in_sentence[partner.sentence])))):
            chosen = None
            if sentence_starts is not None:
                # (由社区党委委托某中心运营: the one who engages it, before the partnering words of the sentence)
                chosen = engager(partner, actors, text, sentence_starts[partner.sentence]) or actor_before_trigger(
                    partner, actors, text, sentence_starts[partner.sentence])
            if not chosen and runs_for(partner, text):
                # (由 names the partner as the doer: the actor is the one before it, or the article's)
                before = [a for a in actors.in_sentence[partner.sentence] if a.end <= partner.start and not is_place_of_deed(a, text)]
                # (an actor the sentence names keeps it: 社区还开设某助餐点,由某公司运营 is the community's; a facility's
                # head word, 驿站由某公司运营, stands for the focus, whose partnerships the signer holds)
                named = [a for a in before if (a.start, a.sentence) not in anaphors]
                chosen = last_coordinated(named, text) if named else signed(
                    last_coordinated(before, text) if before else [focus] if focus is not None else [])
            if not chosen and partner.sentence in told and not any(
                    a.end <= partner.start and not is_place_of_deed(a, text) for a in actors.in_sentence[partner.sentence]):
                # (活动中,某学院的学生为老人打扫房间: a body at the event told of before works with its runner)
                chosen = occasion_hosts(partner.sentence, ran)
            speaker = None if chosen else speaker_actor(partner, actors, text, speakers)
            hosts = chosen or ([speaker] if speaker is not None else signed(actor_for(partner, actors, text, focus)))
            if id(partner) in fellows:
                # (one of the bodies listed with it: the list's partners are the signer's, or the focus's)
                hosts = [h for h in hosts if h is not fellows[id(partner)]] or (signed([focus]) if focus is not None else [])
            if hosts and all(h.ref == partner.ref for h in hosts):
                # (某公司承担施工, 某公司总经理某某说: the body itself, named again or through its head, is no partner
                # of itself: the sentence's other actors, else the article's focus, are)
                hosts = [h for h in signed(actor_for(partner, actors, text, focus)) if h.ref != partner.ref] or (
                    signed([focus]) if focus is not None else [])
            if founded_by is not None:
                # (社区还组建了“某某”志愿服务队: the unit that set it up holds it, not also its committee in its stead)
                hosts = [h for h in hosts if not counterparts(h, founded_by)]
            for actor in hosts:
                if actor.cls != "PartyOrganization" or not actor.name.startswith(partner.name):
                    rels.append(FoundRelation(actor, "partnersWith", partner, partner, "pattern:partner"))
    # (a body's own committee, 某某公司党委, is no partner of 某某公司)
    return committees_for_their_units(compounds_for_their_communities(rels), orgs)


def facility_relations(facilities: list[Found], units: list[Found], actors: Actors, text: str, focus: Found | None,
                        sentences: int, paragraph: list[int], managed: dict[tuple[str, str], list[Found]],
                        partners: list[Found] = (), starts: list[int] | None = None) -> list[FoundRelation]:
    """Who holds each facility: those a 由 clause names as managing it, the party organisations its sentence
    has set it up, else its place."""
    rels = []
    places = Places(units, sentences, paragraph)
    for facility in facilities:
        holders = [h for h in managed.get((facility.cls, facility.name), ()) if builds(h)] or paired(facility, actors, text) or (
            builders_of(facility, actors, text)) or built_elsewhere(facility, facilities, actors, text)
        for holder in holders:
            rels.append(FoundRelation(holder, "hasFacility", facility, facility, "pattern:actor"))
        # (某某医院在社区开设某站: a partner's own, opened to the residents, is no place's)
        own = not holders and starts is not None and partners_own(facility, partners, text, starts[facility.sentence])
        place = None if holders or own else place_of(facility, places, focus)
        if place is not None:
            rels.append(FoundRelation(place, "hasFacility", facility, facility, "pattern:place"))
    return rels


def paired(target: Found, actors: Actors, text: str) -> list[Found]:
    """甲村、乙村分别建成A和B: the one actor 分别 pairs the target with, if any."""
    if actors.starts is None:
        return []
    owner = respective_owner(target, actors.in_sentence[target.sentence], text, actors.starts[target.sentence])
    return [owner] if owner is not None else []


def committees_for_their_units(rels: list[FoundRelation], orgs: list[Found]) -> list[FoundRelation]:
    """An article that has a unit and its own committee (某社区 and 某社区党委) run the same program or
    work with the same partner tells of one deed, the committee's: the unit stood for its committee
    where a sentence named it alone (the title, 社区…, the article's focus). A facility stays with both."""
    committees: dict[str, set[str]] = {}
    for o in orgs:
        if o.unit is not None and o.kind in FOCUS_KINDS:
            committees.setdefault(o.unit.name, set()).add(o.name)
    if not any(r.subject.cls == "AdministrativeUnit" and r.subject.name in committees and r.predicate in COMMITTEE_DEEDS
               for r in rels):
        return rels  # (no unit with a committee of the article runs or partners anything)
    done = {(r.subject.name, r.predicate, r.object.cls, r.object.name) for r in rels if r.predicate in COMMITTEE_DEEDS}
    return [r for r in rels if not (r.predicate in COMMITTEE_DEEDS and r.subject.cls == "AdministrativeUnit" and any(
        (org, r.predicate, r.object.cls, r.object.name) in done for org in committees.get(r.subject.name, ())))]


COMMITTEE_DEEDS = ("runsProgram", "partnersWith")


def compounds_for_their_communities(rels: list[FoundRelation]) -> list[FoundRelation]:
    """小区将引入某物业公司, 某小区推出“某某”: a residential compound is where a deed is done, not a body that
    runs programs or works with partners (it has no organs of its own: its community acts for it). The deed
    is the community's the compound belongs to, where the article places it in one; else no one's."""
    out = []
    for r in rels:
        if r.predicate in COMMITTEE_DEEDS and r.subject.cls == "AdministrativeUnit" and r.subject.kind in COMPOUND_LEVELS:
            above = r.subject.unit
            if above is None or above.kind != "community":
                continue
            r = FoundRelation(above, r.predicate, r.object, r.evidence, r.rule)
        out.append(r)
    return out


COMPOUND_LEVELS = ("compound",)
