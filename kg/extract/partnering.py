"""Which partners a sentence has work with its actor, and with which: the partnering words (联合, 共建,
与), verbs of engaging (请来, 委托), lists of partners, and the actor a partnering word follows."""
from __future__ import annotations

import re

from kg.extract.actors import Actor, Actors, coordinated, is_place_of_deed
from kg.extract.found import Found
from kg.extract.frames import founded, reported_start
from kg.extract.patterns import PATTERNS, alternation
from kg.extract.roles import is_leading
from kg.extract.text import is_cjk

PARTNER_TRIGGER = re.compile(alternation(PATTERNS["relations"]["partner_triggers"]))
PARTNERING_WORDS = tuple(PATTERNS["relations"]["partner_triggers"]) + tuple(PATTERNS["relations"]["partner_joiners"])
JOINERS = tuple(PATTERNS["relations"]["partner_joiners"])
PARTNERING_AT = re.compile(f"(?=(?:{alternation(PARTNERING_WORDS)}))")


def actor_before_trigger(target: Found, actors: Actors, text: str, sentence_start: int) -> list[Found]:
    """The actor of a partnering word before ``target`` (甲社区联合乙、丙 → 甲社区; 甲与乙、丙共同主办 → 甲).

    The actors named between that word and the target are listed with the
    target: they are its fellow partners, not the one it works with.
    """
    report = reported_start(text, sentence_start, target.start)
    at = -1
    for match in PARTNERING_AT.finditer(text, report, target.start):
        at = match.start()  # (the last place where some partnering word begins: every word's last rfind, at once)
    if at < 0:
        return []
    bound = at
    # (在社区服务中心召开签约会,与乙…: a unit named as the place of the deed is where, not who signs)
    usable = [a for a in actors.in_sentence[target.sentence]
              if report <= a.start and a.end <= bound and not is_place_of_deed(a, text)]
    # (甲街道成立乙联合党委,…,联合丙医院: the body set up is the deed's object; the founder is the one who joins)
    usable = [a for i, a in enumerate(usable) if i == 0 or not founded(a, text)]
    if not usable:
        return []
    return last_coordinated(usable, text)


def last_coordinated(actors: list[Actor], text: str) -> list[Found]:
    """The last of ``actors`` (in text order) and those joined to it by a coordinator (甲和乙、丙), last first."""
    return [a.entity for a in coordinated(actors, text)]


def listed_partners(partners: list[Found], text: str) -> set[int]:
    """Partners named in a list with another partner (甲公司、乙小学、丙医院等单位)."""
    listed: set[int] = set()
    ordered = sorted(partners, key=lambda f: f.start)
    for a, b in zip(ordered, ordered[1:]):
        if a.sentence == b.sentence and text[a.end : b.start] in PATTERNS.list_gaps:
            listed |= {id(a), id(b)}
    return listed


def list_fellows(partners: list[Found], actors: list[Found], text: str) -> dict[int, Found]:
    """参加签约的单位有某公司党委、某小学、某医院和某中队: an actor written as the first item of a list of
    partners is one of the bodies listed, not the one they work with. By ``id`` of each partner of such a
    list: the actor that begins it."""
    fellows: dict[int, Found] = {}
    ordered = sorted(partners, key=lambda f: f.start)
    chains: list[list[Found]] = []
    for a, b in zip([None, *ordered], ordered):
        if a is not None and a.sentence == b.sentence and text[a.end : b.start] in PATTERNS.list_gaps:
            chains[-1].append(b)
        else:
            chains.append([b])
    heads = {c[0].start: c for c in chains if len(c) > 1}
    for actor in actors:
        # (only the list's own mark: an actor joined to the list by 与 works with its bodies, 甲与乙、丙签订协议)
        chain = heads.get(actor.end + len(ENUMERATION))
        if chain is not None and text[actor.end : chain[0].start] == ENUMERATION and chain[0].sentence == actor.sentence:
            fellows.update((id(p), actor) for p in chain)
    return fellows


ENUMERATION = "、"


def engaged(partner: Found, text: str) -> bool:
    """某社区党委还请来某中心的医生, 委托某公司运营: a body right after a verb of engaging (an aspect
    particle between) is engaged by the sentence's actor."""
    before = text[max(0, partner.start - ENGAGING_REACH) : partner.start].rstrip(ASPECT)
    return before.endswith(ENGAGING_VERBS)


ENGAGING_VERBS = tuple(PATTERNS["relations"]["engaging_verbs"])
ENGAGING_REACH = max(map(len, ENGAGING_VERBS)) + 1
ASPECT = "了过"


def moved(partner: Found, text: str) -> bool:
    """某社区党委推动某公司成立党支部: a body right after a verb by which an organisation has it set up a
    branch of its own, and a set-up word after it, works with that organisation."""
    if not text.endswith(MOVING_VERBS, 0, partner.start):
        return False
    after = text[partner.end : partner.end + MOVED_REACH]
    return any(after.startswith(word, at) for word in MOVED_SET_UP for at in range(MAX_ADVERB + 1))


MOVING_VERBS = tuple(PATTERNS["party"]["founding"]["moving_verbs"])
MOVED_SET_UP = tuple(PATTERNS["relations"]["set_up_words"])
MOVED_REACH = max(map(len, MOVED_SET_UP)) + 2


def engager(partner: Found, actors: Actors, text: str, sentence_start: int) -> list[Found]:
    """Who engages or moves a body (由社区党委委托某中心运营, 某党委推动某公司成立党支部): the actors of the
    verb's own clause right before it (an adverb between), whatever partnering word came before."""
    head = text[max(sentence_start, partner.start - ENGAGING_REACH) : partner.start].rstrip(ASPECT)
    verb = next((v for v in ENGAGING_VERBS + MOVING_VERBS if head.endswith(v)), None)
    if verb is None:
        return []
    at = sentence_start + len(text[sentence_start : partner.start].rstrip(ASPECT)) - len(verb)
    report = reported_start(text, sentence_start, at)
    usable = [a for a in actors.in_sentence[partner.sentence] if report <= a.start and a.end <= at
              and at - a.end <= MAX_ADVERB and all(map(is_cjk, text[a.end : at])) and not is_place_of_deed(a, text)]
    return last_coordinated(usable, text) if usable else []


def joined_to_actor(partner: Found, actors: Actors, text: str) -> bool:
    """某社区与某公司签订…协议, 某党委同某学院…: a body joined by 与 or 同 to the actor right before it
    (an adverb between, 还与) does the deed with that actor, whatever the verb."""
    for actor in actors.in_sentence[partner.sentence]:
        between = text[actor.end : partner.start]
        if actor.end <= partner.start and between.endswith(JOINERS) and len(between) <= 1 + MAX_ADVERB:
            return not is_place_of_deed(actor, text) and all(map(is_cjk, between))
    return False


MAX_ADVERB = 2  # 还, 也, 积极: what may stand between an actor and 与


def named_as_origin(partner: Found, text: str) -> bool:
    """驻村第一书记某某来自某市农业农村局,他联系…: a body a person is said to come from, closing its clause, is
    where the person works, not a body that works with the actors. (来自某大学的志愿者: the body's people, who
    take part, are read by ``sends_people``.)"""
    return text.endswith(ORIGIN_WORDS, 0, partner.start) and text[partner.end : partner.end + 1] in ORIGIN_CLOSERS


ORIGIN_WORDS = tuple(PATTERNS["relations"]["origin_words"])
ORIGIN_CLOSERS = frozenset(",，;；。!！?？")


def named_in_a_title(partner: Found, persons: list[Found], text: str) -> bool:
    """县农业农村局局长某某、县某中心主任某某参加会议: a body named as the post of the person right after it,
    in a clause with no partnering word but one of attending, says where the person works (the person leads
    it), not that the body works with the article's actors."""
    # (or whose head's post, coordinated before the person's own role, the person holds: 某公司站长、党员某某担任…)
    # (a clause mark between them ends the body's clause: 由“某某”服务队承担,某某任队长 names no title)
    person = next((p for p in persons if p.sentence == partner.sentence and 0 <= p.start - partner.end <= MAX_TITLE
                   and not any(m in text[partner.end : p.start] for m in TITLE_CLAUSE_MARKS)
                   and (p.org is partner or is_leading(text[partner.end : p.start].split("、")[0]))), None)
    if person is None:
        return False
    start = max([text.rfind(m, 0, partner.start) + 1 for m in TITLE_CLAUSE_MARKS])
    end = min([i for m in TITLE_CLAUSE_MARKS if (i := text.find(m, person.end)) >= 0] + [len(text)])
    # (attending is no partnering: 某局局长某某参加会议)
    return all(m.group() in ATTENDING for m in PARTNER_TRIGGER.finditer(text, start, end))


ATTENDING = frozenset(PATTERNS["relations"]["attending_words"])
MAX_TITLE = 6  # 局长, 主任, 党委书记: the post between the body and the name
TITLE_CLAUSE_MARKS = (",", "，", ";", "；", "。", ":", "：", "!", "！", "?", "？")
