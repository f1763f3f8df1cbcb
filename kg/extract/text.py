"""Small text helpers shared by the extractors: token spans and name stems."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kg.extract.patterns import PATTERNS
from kg.extract.segment import word_tags
from kg.gazetteer import load_gazetteer
from kg.model import Sentence

_QUOTE_MARKS = re.compile(r"[\s\u3000“”‘’\"'「」『』《》〈〉【】＂]")


def clean_name(text: str) -> str:
    """A name as the graph stores it: no quote or book-title marks, no spaces."""
    return _QUOTE_MARKS.sub("", unicodedata.normalize("NFKC", text))


def is_name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch.isalnum() or ch == "·"


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@dataclass(frozen=True)
class TokenSpan:
    start: int  # offsets in the article's normalised text
    end: int
    text: str


def token_spans(sentence: Sentence) -> tuple[TokenSpan, ...]:
    spans, pos = [], sentence.start
    for tok in sentence.tokens:
        spans.append(TokenSpan(pos, pos + len(tok), tok))
        pos += len(tok)
    return tuple(spans)


def _stops(token: str) -> bool:

    if len(token) == 1:
        return token in PATTERNS.stop_chars or not is_name_char(token)
    if not all(is_name_char(ch) for ch in token):
        return True
    if token in PATTERNS.stop_words:
        return True
    return word_tags().get(token, "n") in PATTERNS.stop_tags


def stem_start(tokens: tuple[TokenSpan, ...], end: int, max_chars: int, barriers: frozenset[int] = frozenset()) -> int:
    """Where the name whose stem ends at ``end`` begins, walking left over tokens.

    The walk stops at a stop token, a non-name character, a digit run, a
    barrier (the end of another name: names written with their parents) or
    after ``max_chars``. Returns ``end`` when there is no stem.
    """
    start = end
    for tok in reversed(tokens):
        if tok.start >= end:
            continue
        if start in barriers:
            break
        piece_start = tok.start
        # when the suffix starts inside this token, the token's head belongs to the stem
        piece = tok.text[: end - tok.start] if tok.end > end else tok.text
        if piece.isdigit() or (_stops(piece) and not is_place_word(piece)) or piece in UNIT_WORDS:
            break
        if len(piece) == 1 and previous_is_number(tokens, piece_start):
            break  # a measure word after a count: 8处, 6个
        if end - piece_start > max_chars:
            break
        start = piece_start
    return start


UNIT_WORDS = frozenset(PATTERNS["units"]["generic_words"]) | frozenset(s for s, _ in PATTERNS["units"]["suffixes"] if len(s) > 1)


def is_place_word(token: str) -> bool:
    """A place name's short form (大同, 武侯) is a stem, whatever part of speech jieba gives the word."""

    return len(token) >= 2 and bool(load_gazetteer().lookup(token, short=True))


def previous_is_number(tokens: tuple[TokenSpan, ...], start: int) -> bool:
    return any(t.end == start and t.text.isdigit() for t in tokens)


def stem_tokens(tokens: tuple[TokenSpan, ...], start: int, end: int) -> list[str]:
    return [t.text for t in tokens if t.start >= start and t.end <= end]


def clause_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause (between commas and the like) around ``pos`` within [lo, hi)."""
    marks = ",，;；:：、"
    s = pos
    while s > lo and text[s - 1] not in marks:
        s -= 1
    e = pos
    while e < hi and text[e] not in marks:
        e += 1
    return s, e
