"""What the stem of a unit's name says: a name, a description (老旧小区, 复合型社区, 丰富社区) or a number.

Asked by ``units`` of each stem it walks left from a suffix, and by resolve of
the names it compares (``strip_level_suffix``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.patterns import PATTERNS, alternation
from kg.extract.segment import word_tags
from kg.extract.text import Tokens, is_place_word
from kg.gazetteer.communities import load_communities

PRIVATIVE_WORDS = frozenset(PATTERNS["units"]["privative_words"])
NUMBERED_TOKEN = re.compile(f"^[\\d一二三四五六七八九十百]+(?:{alternation(PATTERNS['units']['numbered_stem_endings'])})$")


def numbered_stem(tokens: Tokens, start: int, end: int, suffix: str) -> int:
    """Where a stem begins once a number that leads it is counted in (九号街社区, 21号院)."""
    i = tokens.starting_before(start)
    before = tokens[i - 1] if i else None
    if before is None or before.end != start:
        return start
    if suffix in PATTERNS["units"]["numbered_suffixes"] and start == end and before.text.isdigit():
        return before.start  # 21号院: the number is the name
    if start < end and NUMBERED_TOKEN.match(before.text):
        return before.start
    return start


def is_generic_stem(stem: str, tokens: list[str]) -> bool:
    """A stem that describes rather than names: generic words, or a word of kind or rank (复合型, 开放式, 星级)."""
    generic = PATTERNS.generic_unit_stems
    descriptive = PATTERNS["units"]["descriptive_endings"]
    if stem in generic or stem[-1] in descriptive or any(len(t) > 1 and t[-1] in descriptive for t in tokens):
        return True
    if tokens and tokens[0] in PRIVATIVE_WORDS:
        return True  # 无|主管楼院, 弱|物业小区: a place that lacks something, described
    if described_after_function_characters(tokens, generic):
        return True  # 梳理出|老|旧|小区, 对|老旧小区: a kind of place after what the sentence does with it
    return bool(tokens) and all(t in generic or t.isascii() and t.isalnum() and not t.isdigit() for t in tokens)
    # (5G|智慧社区, e|家|小区: a label of technology with generic words describes a kind of place)


def described_after_function_characters(tokens: list[str], generic: frozenset[str]) -> bool:
    """出|老|旧, 对|老旧, 整理|出|老|旧: a generic description of two characters or more (老旧, 无物业) after a
    one-character word (a verb's complement, a preposition), or after any word when written a character
    at a time (典型的工矿|老|旧|小区), is what the sentence does with such places or says of them: the
    description ends the stem, it names nothing."""
    for cut in range(1, len(tokens)):
        tail = "".join(tokens[cut:])
        if len(tail) > 1 and tail in generic and (len(tokens[cut - 1]) == 1 or spelled_out(tokens[cut:])):
            return True
    return False


def spelled_out(tokens: list[str]) -> bool:
    """工矿|老|旧: a description of two characters or more the dictionary holds apart, one character a
    word, qualifies the kind of place after any word; a name's last word is not cut so."""
    return len(tokens) > 1 and all(len(t) == 1 for t in tokens)


def is_word_like(name: str) -> bool:
    """A division name that is also an everyday word or a bare direction (老城区, 城区, 城南): only
    other places of the article make it a place."""
    stem = strip_level_suffix(name)
    return is_generic_stem(stem, []) or is_word(stem) or stem == name or len(stem) < 2


def is_word(stem: str) -> bool:
    """Whether a place name's stem is also an everyday word of the dictionary (老城, 新建), not a place word."""
    tag = word_tags().get(stem)
    return tag is not None and tag not in ("ns", "nr", "nrt", "nz", "nt")


@lru_cache(maxsize=1 << 14)  # pure, and asked of the same names again and again
def strip_level_suffix(name: str) -> str:
    suffix = next((s for s, _ in PATTERNS.unit_suffixes if name.endswith(s) and len(name) > len(s)), "")
    return name[: len(name) - len(suffix)] or name


def is_description(parts: list[str], level: str, after_unit: bool = False, suffix: str = "") -> bool:
    """丰富社区, 积极参与社区, 过去社区, 新建小区: one word that describes, points, tells a time or says the
    place was built is not the name of a community; an adjective or a verb of building written right after
    the unit above it is its name (某街道团结社区, 某街道新建社区)."""
    tag = word_tags().get(parts[0]) if len(parts) == 1 else None
    if len(parts) > 1 and all(word_tags().get(p) in TIME_TAGS for p in parts):
        tag = TIME  # 当天下午社区: words of time, however many
    if tag is not None and (tag in POINTING_TAGS
                            or len(parts[0]) > 1 and parts[0].endswith(AREA_KIND_ENDING)):
        return True  # 其余社区, 山区村: a word that points or names a kind of area
    if len(parts) > 1 and parts[0] in CLASS_POINTERS:
        return True  # 各个|产茶|村, 其他|老旧|小区: a word that points to many, then what kind: a class of places
    if tag in TIME_TAGS:
        return not load_communities().candidates("".join(parts) + suffix)
    if describes_in_words(parts) and not load_communities().candidates("".join(parts) + suffix):
        return True
    if (parts[-1] in TELLING_WORDS or parts[-1] in HELPING_VERBS or after_a_locative(parts) or ends_in_an_adverb(parts)) and not load_communities().candidates("".join(parts) + suffix):
        return True  # 发现隐患及时报告|社区: the place told; 范围|内|新|小区: a kind of place where the locative puts it
    if len(parts) == 1 and parts[0] in FOUNDING_VERBS and not after_unit:
        return True  # 在新建小区配建, 辖区新建社区: built, not named (a community of the name follows its parent)
    if "".join(parts).endswith(SENDING_VERBS):
        return True  # 选派|社区党委委员某某: sending someone, whose title follows, names no place
    return tag in DESCRIPTIVE_TAGS and not is_place_word(parts[0]) and not (after_unit and tag in ("a", "an"))


def ends_in_an_adverb(parts: list[str]) -> bool:
    """组里|正在|村文化广场, 居民|已经|社区…: a subject and an adverb or a word of time of two characters or
    more (jieba's d and t) before the suffix: the level word that follows is the place acted in, not the end of a name."""
    return len(parts) > 1 and len(parts[-1]) > 1 and word_tags().get(parts[-1]) in ADVERB_TAGS


def after_a_locative(parts: list[str]) -> bool:
    """内|新, 范围|内|新, 里|新建: a one-character locative, which closes the noun before it (辖区内, 城里),
    then a description (an adjective, a generic stem): which places of that area, not a name."""
    at = next((i for i in range(len(parts) - 2, -1, -1) if parts[i] in LOCATIVE_CHARACTERS), None)
    if at is None:
        return False
    rest = parts[at + 1 :]
    return is_generic_stem("".join(rest), rest) or len(rest) == 1 and word_tags().get(rest[0]) in ("a", "an")


def describes_in_words(parts: list[str]) -> bool:
    """能|走|下楼去, 下半年|三, 老|工业区, 戒毒: a verb phrase, a count, a qualified kind of area or a kind of
    work before the suffix (the caller asks the national table whether it names such a place all the same)."""
    if not parts:
        return False
    tags = [word_tags().get(p) for p in parts]
    if len(parts) > 1 and all(t in VERB_PHRASE_TAGS for t in tags) and "v" in tags:
        return True
    if len(parts) >= 2 and all(len(p) == 1 for p in parts[-2:]) and tags[-2:] == ["v", "a"]:
        return True  # (年底前)建|强, 做|实: a verb and the result it brings about, right before the suffix
    if len(parts) > 1 and BARE_COUNT.match(parts[-1]) and all(t in COUNT_LEADING_TAGS for t in tags[:-1]):
        return True  # (a noun before the numeral makes a numbered estate: 铁路|二|村)
    if len(parts) > 1 and len(parts[-1]) > 1 and parts[-1].endswith(AREA_KIND_ENDING) \
            and all(t in DESCRIPTIVE_TAGS for t in tags[:-1]):
        return True
    if len(parts) > 1 and len(parts[-1]) > 1 and tags[-1] == "a":
        return True  # 儿童|友好|社区, 生态|宜居|村: an adjective of two characters right before the suffix says what kind
    return len(parts) == 1 and parts[0] in WORK_KIND_WORDS


FOUNDING_VERBS = frozenset(PATTERNS["stems"]["founding_verbs"])
SENDING_VERBS = tuple(PATTERNS["persons"]["sending_verbs"])
VERB_PHRASE_TAGS = frozenset(PATTERNS["stems"]["verb_phrase_tags"])
BARE_COUNT = re.compile(PATTERNS["stems"]["bare_count"])
WORK_KIND_WORDS = frozenset(PATTERNS["stems"]["work_kind_words"])
TIME_TAGS = frozenset(PATTERNS["stems"]["time_tags"])
TIME = next(iter(sorted(TIME_TAGS)))
DESCRIPTIVE_TAGS = frozenset(PATTERNS["stems"]["descriptive_tags"])
POINTING_TAGS = frozenset(PATTERNS["stems"]["pointing_tags"])
CLASS_POINTERS = frozenset(PATTERNS["stems"]["class_pointers"])
ADVERB_TAGS = ("d", "t")  # (正在 is a word of time to jieba)
TELLING_WORDS = frozenset(PATTERNS["stems"]["telling_words"])
HELPING_VERBS = frozenset(PATTERNS["stems"]["helping_verbs"])
LOCATIVE_CHARACTERS = frozenset(PATTERNS["stems"]["locative_characters"])
COUNT_LEADING_TAGS = TIME_TAGS | VERB_PHRASE_TAGS | POINTING_TAGS
AREA_KIND_ENDING = PATTERNS["stems"]["area_kind_ending"]
