"""Sentences that go on telling of an event named before them.

News describes an event (某社区党委开展“某某”志愿服务活动), then what happened at it in sentences
that open with a word for the occasion (活动中, 当晚, 现场) and name no actor: 活动中,某学院的学生为老人
打扫房间. The bodies such a sentence names take part in that event, so they work with the one who runs
it, not with whoever the article is about.
"""
from __future__ import annotations

import re

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS, alternation

TABLE = PATTERNS["relations"]["occasions"]
# the word for the occasion, a part of the day after it (当天下午), and the comma that closes it
OCCASION = re.compile(f"(?:{alternation(TABLE['opening_words'])})(?:{alternation(TABLE['day_parts'])})?[,，]")
EVENT_KIND = "event"


def occasion_sentences(text: str, starts: list[int], paragraph: list[int], acting: set[int]) -> set[int]:
    """The sentences that go on about an event: one that opens with a word for the occasion (活动中, 当晚),
    and those after it in its paragraph up to one with an actor of its own (``acting``)."""
    told: set[int] = set()
    for i, start in enumerate(starts):
        if OCCASION.match(text, start) is not None:
            told.add(i)
        elif i - 1 in told and paragraph[i] == paragraph[i - 1] and i not in acting:
            told.add(i)  # (…。某公司还设置了展台: the same evening)
    return told


def occasion_hosts(sentence: int, ran: list[tuple[Found, Found]]) -> list[Found]:
    """Who runs the event a sentence opened by a word for the occasion goes on about: the runners of
    the last event named in an earlier sentence (``ran``: each program with one of its runners, in text
    order), else of the last program named before it."""
    before = [(program, host) for program, host in ran if program.sentence < sentence]
    events = [pair for pair in before if pair[0].kind == EVENT_KIND]
    chosen = events or before
    if not chosen:
        return []
    last = chosen[-1][0]
    hosts: list[Found] = []
    for program, host in chosen:
        if program.ref == last.ref and all(h.ref != host.ref for h in hosts):
            hosts.append(host)
    return hosts
