"""Frames of a sentence: who speaks, and where the clause of a deed begins.

A report introduced by its speaker (某村党支部书记某某介绍,村里引进…, 据某街道工作人员介绍,…) names
the speaker's body only to say who speaks: the deeds reported after the verb of speech are done by
the actors the report itself names, or by the article's focus, never by the speaker's employer.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS, alternation
from kg.extract.segment import tokenize
from kg.extract.text import is_cjk, is_people_word

# A verb of speech (介绍, 表示, 介绍说) closed by a comma or colon: the report begins after it.
SPEECH_FRAME = re.compile(f"(?:{alternation(PATTERNS['relations']['speech_verbs'])})说?[,，:：]")


def reported_start(text: str, sentence_start: int, before: int) -> int:
    """Where the report that holds ``before`` begins: right after the last verb of speech (and its
    comma) in the sentence before that point, else at the sentence's start."""
    start = sentence_start
    for match in SPEECH_FRAME.finditer(text, sentence_start, before):
        start = match.end()
    return start


def opens_report(text: str, at: int) -> bool:
    """某村党支部书记某某介绍了村里与某公司共建…: whether a verb a speaker reports a deed with (and its 了)
    stands right before ``at``, which then opens the report, the subject of its clause."""
    return text.endswith(REPORT_VERBS, 0, at - 1 if text.endswith(REPORT_PARTICLE, 0, at) else at)


REPORT_VERBS = tuple(PATTERNS["relations"]["report_verbs"])
REPORT_PARTICLE = "了"


def quoted_speakers(persons: list[Found], sentences_text: list[str], starts: list[int], holders: set[int]) -> dict[int, Found]:
    """“我们以…为抓手……。” 某村党支部书记某某说: the sentences a speaker is quoted in, and what the speaker
    leads, who the quotation's 我们 are. The quotation ends right before the speaker's role (in the
    speaker's sentence) or closes the sentences just before it."""
    speakers: dict[int, Found] = {}
    for person in persons:
        org = person.org
        if org is None or id(org) not in holders:
            continue
        text, start = sentences_text[person.sentence], starts[person.sentence]
        if not text.startswith(SPEECH_VERBS, person.end - start):
            continue
        quoted = [person.sentence] if "”" in text[: person.start - start] else []
        j = person.sentence - 1
        while not quoted and j >= 0 and person.sentence - j <= MAX_QUOTED_SENTENCES and sentences_text[j].rstrip().endswith("”"):
            quoted.append(j)
            if "“" in sentences_text[j]:
                break
            j -= 1
        for i in quoted:
            speakers.setdefault(i, org)
    return speakers


SPEECH_VERBS = tuple(PATTERNS["relations"]["speech_verbs"])
MAX_QUOTED_SENTENCES = 3


def opens_clause(partner: Found, text: str, sentence_start: int) -> bool:
    """某某医院的医生每周到社区义诊, 附近的某某小学也向居民开放…: a body that is the subject of its own
    clause (it opens the sentence or a clause, after at most a short modifier with 的) does something
    with the actor of the sentence, or with the article's focus. (Not a medium: 某某日报讯, 某某日报记者 open
    the sentences they are the source of.)"""
    start = max([text.rfind(m, sentence_start, partner.start) + 1 for m in CLAUSE_OPENERS] + [sentence_start])
    lead = text[start : partner.start]
    return lead == "" or (lead.endswith("的") and len(lead) <= MAX_SUBJECT_MODIFIER and all(map(is_cjk, lead)))


CLAUSE_OPENERS = (",", "，", ";", "；", ":", "：")
MAX_SUBJECT_MODIFIER = 4  # 附近的, 辖区内的: a place word and 的, no clause of its own


def sends_people(partner: Found, text: str) -> bool:
    """某某派出所民警, 某某医院的医生: a body named as the employer of people who take part in the
    deed of an actor named before them works with that actor (某乡党委组织乡干部、某派出所民警…).
    (Where no actor leads the deed, 某小学学生和某小学的学生…, the bodies only say whose people they are.)"""
    at = partner.end + (1 if text.startswith("的", partner.end) else 0)
    return at < len(text) and is_cjk(text[at]) and is_people_word(tokenize(text[at : at + 6])[0])



def runs_for(partner: Found, text: str) -> bool:
    """幸福食堂由某公司运营, 由某中心负责日常管理: a body that 由 makes the doer of a verb of running (or
    taking on) something works with whoever the thing is for (the sentence's actor, or the article's). So does
    one whose people 由 makes the doers (工作室由某律师事务所律师轮流坐班, 由某医院的医生定期坐诊)."""
    if not text.endswith(AGENT, 0, partner.start):
        return False
    after = text[partner.end : partner.end + RUNNING_REACH]
    return any(after.startswith(verb, at) for verb in RUNNING_VERBS for at in range(MAX_BEFORE_VERB + 1)) or (
        sends_people(partner, text) and not composed_of_its_people(partner, text))


def composed_of_its_people(partner: Found, text: str) -> bool:
    """由某学院青年志愿者组成的服务队: 由 says what a team is made of (the body's people), not who does a deed."""
    words = tokenize(text[partner.end : partner.end + PEOPLE_REACH])
    for word in words[: len(words) - 1]:
        if word in COMPOSING_WORDS:
            return True
        if not all(map(is_cjk, word)):
            return False
    return False


COMPOSING_WORDS = frozenset(PATTERNS["relations"]["composing_words"])
PEOPLE_REACH = 10  # 的青年志愿者组成: the people's words (a modifier, their kind) before the verb


AGENT = "由"
RUNNING_VERBS = tuple(PATTERNS["relations"]["running_verbs"])
MAX_BEFORE_VERB = 2  # 负责, 统一, 全面: what may stand between the body and its verb
RUNNING_REACH = max(map(len, RUNNING_VERBS)) + MAX_BEFORE_VERB


def founded(actor, text: str) -> bool:
    """推动成立某某综合党委, 组建起某某服务队: whether a verb of setting up stands right before a name (an
    aspect particle between), which makes it the deed's object, not one who acts in the sentence."""
    return text[max(0, actor.start - FOUNDING_REACH) : actor.start].rstrip(FOUNDING_PARTICLES).endswith(SET_UP_WORDS)


SET_UP_WORDS = tuple(PATTERNS["relations"]["set_up_words"])
FOUNDING_PARTICLES = "了起"
FOUNDING_REACH = max(map(len, SET_UP_WORDS)) + 2


def directing_speakers(persons: list[Found], starts: list[int], paragraph: list[int], text: str,
                       holders: set[int]) -> dict[int, Found]:
    """某某指出,…;要深化“某某项目”…: a person who leads a body and directs (指出, 强调, 要求) speaks for the body,
    and the programs the rest of the paragraph names without an actor of their own are the body's (a district
    secretary's 要以“某某”创建为抓手 is the district committee's); the sentences from the person's on."""
    speakers: dict[int, Found] = {}
    # (the name is often written alone when the person directs: 区委书记某某出席…。某某指出,…)
    bodies = {p.name: p.org for p in persons if p.org is not None and id(p.org) in holders}
    for name, org in bodies.items():
        at = text.find(name)
        while at >= 0:
            if text.startswith(DIRECTING_VERBS, at + len(name)):
                first = i = bisect_right(starts, at) - 1
                while i < len(starts) and paragraph[i] == paragraph[first]:
                    speakers.setdefault(i, org)
                    i += 1
            at = text.find(name, at + 1)
    return speakers


DIRECTING_VERBS = tuple(PATTERNS["relations"]["directing_verbs"])


def addressed(partner: Found, text: str, sentence_start: int) -> bool:
    """会议要求,…;区民政局、区人社局等区直部门要加强协同…: a body a directive tells what to do (after a verb of
    directing and its comma, the body's clause goes on with the 要 of the directive) is addressed, not a partner."""
    # (the directive's frame may open the whole sentence its semicolons divide: 会议要求,…;区民政局…要…)
    start = min(sentence_start, max(text.rfind(m, 0, partner.start) for m in FULL_STOPS) + 1)
    frame = DIRECTIVE.search(text, start, partner.start)
    if frame is None:
        return False
    end = min([i for m in DIRECTIVE_MARKS if (i := text.find(m, partner.end)) >= 0] + [len(text)])
    return DIRECTIVE_MODAL in text[partner.end : min(end, partner.end + MAX_ADDRESSEE_LIST)]


DIRECTIVE = re.compile(f"(?:{alternation(PATTERNS['relations']['directing_verbs'])})[,，:：]")
DIRECTIVE_MARKS = (",", "，", ";", "；", "。")
DIRECTIVE_MODAL = "要"
FULL_STOPS = ("。", "\n", "!", "！", "?", "？")
MAX_ADDRESSEE_LIST = 24  # 、区人力资源和社会保障局等区直部门要: the rest of a list of bodies before 要
