"""The facilities every unit of a level has, named by the level word (社区党群服务中心, 村新时代文明实践站).

A community, a village or a street has one 党群服务中心 of its own, as it has
one party committee: a level word before such a facility's word means the
facility of the unit the passage is about, named after it (like 社区党委 in
``party``). A class of units (各社区, 每个村) names no one facility, and one that
cannot be settled leaves no node.
"""
from __future__ import annotations

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.segment import word_tags
from kg.extract.text import Tokens, clause_start, previous_token
from kg.extract.units import PassageUnits
from kg.extract.unitstems import TIME_TAGS
from kg.model import Sentence

STANDARD = frozenset(PATTERNS["facilities"]["standard"])
# (Shanghai's 居民区 is a community: 在居民区党群服务站 is the community's centre, though as a word before a party
# body's kind it names the residents' areas at large, 居民区党组织)
LEVEL_OF = PATTERNS["units"]["generic_words"] | {local: "community" for local, _ in PATTERNS["units"]["local_community_forms"]}
CLASS_WORDS = (*PATTERNS["party"]["class_words"], *PATTERNS["facilities"]["class_words"])
LOCATIVE_WORDS = ("在", "于")
ORG_KINDS = frozenset(kind for kind, _ in PATTERNS["party"]["kinds"])
SUBJECT_ADVERBS = frozenset(("还", "也", "又", "都", "已", "再", "就", "先", "另", "专门", "同时", "还专门"))
BUILDING_VERBS = frozenset(PATTERNS["facilities"]["building_verbs"])
CLAUSE_MARKS = ",，;；:：。"
ADVERB_TAGS = frozenset(("d",))  # (将, 已经, 经常: jieba's adverbs)
MAX_BETWEEN = 2  # 社区|还|将|在, 村里|今后|将|在: at most two such words between the subject and 在
# the one-character coordinators of every list (、, 和, 及, 与)
COORDINATORS = frozenset(s for s in PATTERNS["lists"]["separators"] if len(s) == 1)


def level_facility(index: int, sentence: Sentence, tokens: Tokens, s: int, e: int, suffix: str) -> Found | None:
    """社区党群服务中心: the level word right before a standard facility's word, as a generic reference."""
    if suffix not in STANDARD:
        return None
    word = previous_token(tokens, s)
    level = LEVEL_OF.get(word)
    if sentence.text.endswith(CLASS_WORDS, 0, s - len(word) - sentence.start):
        return None  # (各社区党群服务中心: every community's)
    if level is None and word in LOCATIVE_WORDS:
        # 嘎查在党群服务中心设立…, 村里在…: the level word, the clause's subject, before the place it acts in
        at = s - len(word)
        subject = previous_token(tokens, at)
        for _ in range(MAX_BETWEEN):
            if not (subject in SUBJECT_ADVERBS or word_tags().get(subject) in TIME_TAGS | ADVERB_TAGS):
                break
            # 社区还在…, 村里上午在…, 社区将在…: an adverb or a word of time between the subject and 在
            at -= len(subject)
            subject = previous_token(tokens, at)
        level = LEVEL_OF.get(subject.removesuffix("里"))
        if level is None and subject in ORG_KINDS:
            # 社区党委在党群服务中心设立…, 村党支部还在…: the unit's own organisation acts in the unit's centre
            level = LEVEL_OF.get(previous_token(tokens, at - len(subject)))
        word = ""
    if level is None and word == POSSESSIVE:
        # 村里的新时代文明实践站, 社区的党群服务中心: the unit the passage is about owns it, by its level word
        level = LEVEL_OF.get(previous_token(tokens, s - len(word)).removesuffix("里"))
        word = ""
    if level is None and (word in BUILDING_VERBS or word in COORDINATORS):
        # 社区党总支在…建起新时代文明实践站: built by the clause's subject, named by its level word; also the
        # second of two places it makes (村里建成晾晒场和党群服务站)
        level = built_by(sentence, tokens, s - len(word))
        word = ""
    if level is None:
        return None
    head = previous_token(tokens, s - len(word)) if word else ""
    if level == "community" and LEVEL_OF.get(head) in SERVING_LEVELS:
        # 街道社区党群服务中心: a street's (a town's) centre for the communities it serves, named after the street
        return Found("Facility", "", s - len(word) - len(head), e, index, generic=True, rule=f"generic:{LEVEL_OF[head]}",
                     aliases={head + word + suffix})
    return Found("Facility", "", s - len(word), e, index, generic=True, rule=f"generic:{level}", aliases={word + suffix})


SERVING_LEVELS = ("subdistrict",)
POSSESSIVE = "的"


def built_by(sentence: Sentence, tokens: Tokens, verb_start: int) -> str | None:
    """The level of the generic unit word that opens the clause a verb of building stands in (社区党总支…建起)."""
    clause = clause_start(sentence.text, verb_start - sentence.start, CLAUSE_MARKS) + sentence.start
    first = next((t for t in tokens if t.start >= clause), None)
    return LEVEL_OF.get(first.text.removesuffix("里")) if first is not None and first.start < verb_start else None


def settle_level_facilities(others: list[Found], units: list[Found], sentence_paragraph: list[int]) -> list[Found]:
    """Name each generic facility after the unit of its level the passage is about; drop those with none."""
    if not any(f.generic and f.cls == "Facility" for f in others):
        return others  # (most articles)
    passages: dict[str, PassageUnits] = {}
    # a facility the article named in full (某某村党群服务中心), by its unit and its word: the reference is it
    named = {(f.unit.name, suffix_of(f.name)): f.name for f in others
             if f.cls == "Facility" and not f.generic and f.unit is not None and f.name.endswith(STANDARD_LONGEST_FIRST)}
    kept = []
    for found in others:
        if not (found.generic and found.cls == "Facility"):
            kept.append(found)
            continue
        level = found.rule.split(":", 1)[1]
        if level not in passages:
            passages[level] = PassageUnits([u for u in units if u.kind == level and not u.implicit], sentence_paragraph)
        unit = passages[level].nearest(found)
        if unit is None:
            continue
        written = next(iter(found.aliases))
        suffix = suffix_of(written)
        own = after_level_word(written)
        standard = suffix != written  # (suffix_of keys a facility with a name of its own by what it is written as)
        # (社区红色驿站 in a story that named 某某小区红色驿站: a place with a name of its own, the one it refers to)
        full = [] if standard else sorted({f.name for f in others if f.cls == "Facility" and not f.generic
                                            and f.name.endswith(own) and len(f.name) > len(own)})
        found.name = full[0] if len(full) == 1 else named.get((unit.name, suffix), unit.name + own)
        found.unit, found.generic = unit, False
        kept.append(found)
    return kept


def after_level_word(written: str) -> str:
    """What follows the level word a generic facility is written with (社区党群服务中心 → 党群服务中心; 街道社区党群服务中心
    → 社区党群服务中心: the street's centre keeps the word for what it serves)."""
    head = next((w for w in LEVEL_WORDS_LONGEST_FIRST if written.startswith(w) and len(written) > len(w)), "")
    return written[len(head):]


LEVEL_WORDS_LONGEST_FIRST = tuple(sorted(LEVEL_OF, key=len, reverse=True))


def suffix_of(written: str) -> str:
    """The standard facility's word a name ends with (longest first: 党群服务中心, not 服务中心); a facility with a
    name of its own after the level word (村菜籽油坊) ends in none, and is keyed by what it is written as."""
    return next((s for s in STANDARD_LONGEST_FIRST if written.endswith(s)), written)


STANDARD_LONGEST_FIRST = tuple(sorted(STANDARD, key=len, reverse=True))
