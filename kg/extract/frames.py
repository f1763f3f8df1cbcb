"""Frames of a sentence that name bodies which do not act in it.

A report introduced by its speaker (某村党支部书记某某介绍,村里引进…, 据某街道工作人员介绍,…) names
the speaker's body only to say who speaks: the deeds reported after the verb of speech are done by
the actors the report itself names, or by the article's focus, never by the speaker's employer.
"""
from __future__ import annotations

import re

from kg.extract.patterns import PATTERNS, alternation

# A verb of speech (介绍, 表示, 介绍说) closed by a comma or colon: the report begins after it.
SPEECH_FRAME = re.compile(f"(?:{alternation(PATTERNS['relations']['speech_verbs'])})说?[,，:：]")


def reported_start(text: str, sentence_start: int, before: int) -> int:
    """Where the report that holds ``before`` begins: right after the last verb of speech (and its
    comma) in the sentence before that point, else at the sentence's start."""
    start = sentence_start
    for match in SPEECH_FRAME.finditer(text, sentence_start, before):
        start = match.end()
    return start
