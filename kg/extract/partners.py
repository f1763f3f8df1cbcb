"""Partners: the parts of a body's name that only bodies have.

A body may be named with its level word (县公安局, 省某某协会), an ordinal
(县第一中学), the body it is a branch of (某某银行城关支行), or only by
standing right after a partnering verb (携手某某). ``named`` finds the
ending of a name; these say how far a partner's name reaches.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.segment import word_tags
from kg.extract.text import UNIT_WORDS, Tokens, is_people_word, stem_start
from kg.gazetteer import load_gazetteer
from kg.model import Sentence

GOVERNMENT = "government body"
BODY_SUFFIXES = tuple(PATTERNS["partners"]["suffixes"])
CONTINUED = re.compile(f"(?:{'|'.join(PATTERNS['partners']['continuations'])})")
GOVERNMENT_STEM_TAGS = frozenset(PATTERNS["partners"]["government_stem_tags"])
WHOLE_NAMES = frozenset(PATTERNS["partners"]["whole_names"])


def body_of_level(index: int, sentence: Sentence, tokens: Tokens, s: int, e: int, suffix: str,
                  kind: str | None = GOVERNMENT) -> Found | None:
    """县公安局, 镇派出所, 县人民医院, 县妇联: a level word and a body's ending that is a whole name."""
    host = tokens.containing(s)
    if host is not None:
        head_start = host.start
    else:
        i = tokens.starting_before(s)
        head_start = tokens[i - 1].start if i and tokens[i - 1].end == s else s
    head = sentence.text[head_start - sentence.start : s - sentence.start]
    if head not in PATTERNS["partners"]["level_words"]:
        return None
    return Found("Partner", head + suffix, head_start, e, index, kind=kind, rule="level+suffix")


def is_partnering(text: str) -> bool:
    return any(t in text for t in PATTERNS["relations"]["partner_triggers"])


def with_ordinal(tokens: Tokens, start: int, end: int, longest: int, barriers: frozenset[int]) -> int:
    """县第一中学, 市第三人民医院: an ordinal before a body's stem is part of its name, and so is
    the place before the ordinal."""
    i = tokens.starting_before(start)
    before = tokens[i - 1] if i else None
    if before is None or before.end != start or not ORDINAL.match(before.text) or start in barriers:
        return start
    return stem_start(tokens, before.start, max(longest - (end - before.start), 0), barriers) if end - before.start < longest else before.start


ORDINAL = re.compile("^第[一二三四五六七八九十百\\d]{1,3}$")


def with_level_word(tokens: Tokens, start: int, stem: str, kind: str | None = None) -> tuple[int, str]:
    """省某某协会, 市某某局: a level word standing right before a body's name is part of it. A department
    named for fields joined by 和 (县文化和旅游局, 区人力资源和社会保障局, 县文化广电和旅游局) is named with them."""
    i = tokens.starting_before(start)
    if kind == GOVERNMENT and i >= 2 and tokens[i - 1].text == "和" and tokens[i - 1].end == start:
        j = i - 1  # the fields before 和, a word or two (县文化广电和旅游局)
        while j > 0 and i - 1 - j < 2 and is_field_word(tokens[j - 1].text):
            j -= 1
        if j < i - 1:
            start, stem, i = tokens[j].start, "".join(t.text for t in tokens[j : i - 1]) + "和" + stem, j
    before = tokens[i - 1] if i else None
    if before is not None and before.end == start and before.text in PATTERNS["partners"]["level_words"]:
        return before.start, before.text + stem
    return start, stem


FIELD_TAGS = frozenset(PATTERNS["partners"]["field_tags"])


def is_field_word(word: str) -> bool:
    return len(word) >= 2 and is_field(word) and not word.endswith(BODY_SUFFIXES)


def is_field(word: str) -> bool:
    """Whether a word may be a field a department is named for: a noun, or a word of FIELD_TAGS, that is
    no word for people (居民和某某局: the residents and the bureau), no unit word and no generic stem."""
    tag = word_tags().get(word, "")
    return ((tag.startswith("n") or tag in FIELD_TAGS) and not is_people_word(word) and word not in UNIT_WORDS
            and word not in PATTERNS["partners"]["generic_stems"])


@lru_cache(maxsize=4096)  # a pure function of a name's ending, asked again for the same few endings
def partner_kind(suffix: str) -> str | None:
    """The kind of body a partner's ending names (学校 → school)."""
    matches = [(len(end), -i, kind) for i, (ends, kind) in enumerate(PATTERNS["partners"]["kinds"])
               for end in ends if suffix.endswith(end)]
    return max(matches)[2] if matches else None  # the longest ending says it: 大队 is a body, 队 a team


def is_byline(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by a reporter's credit or a dateline."""
    return text.startswith(BYLINE_FOLLOWERS, end) or DATELINE_AFTER.match(text, end) is not None


BYLINE_FOLLOWERS = tuple(PATTERNS["partners"]["byline_followers"])
DATELINE_AFTER = re.compile(PATTERNS["partners"]["dateline_after"])


BRANCH_ENDINGS = frozenset(PATTERNS["partners"]["branch_endings"])


def is_branch(suffix: str, name: str) -> bool:
    """城关支行, or 山东公司 (a province's, a city's name and an ending), or 附属某医院 (a body affiliated to
    another): a branch, when named right after a body."""
    stem = name[: len(name) - len(suffix)]
    return suffix in BRANCH_ENDINGS or (len(stem) >= 2 and _is_region(stem)) or stem.startswith(AFFILIATED)


AFFILIATED = tuple(PATTERNS["partners"]["affiliated_words"])


@lru_cache(maxsize=4096)
def _is_region(stem: str) -> bool:
    return any(d.level in REGION_LEVELS for d in load_gazetteer().lookup(stem, short=True))


REGION_LEVELS = ("province", "city")


def with_parent_body(branch: Found, found: list[Found], sentence: Sentence) -> Found:
    """某县农商银行 + 城关支行, 某工程局 + 山东公司: a branch named right after the body it belongs to is named with it."""
    parent = next((f for f in found if f.cls == "Partner" and f.end == branch.start), None)
    if parent is None:
        return branch
    found.remove(parent)
    joined = Found("Partner", sentence.text[parent.start - sentence.start : branch.end - sentence.start], parent.start,
                   branch.end, branch.sentence, kind=branch.kind, rule="body+branch")
    joined.aliases.add(branch.name)
    return joined


def branch_stem_start(tokens: Tokens, start: int, s: int, suffix: str, others: list[Found]) -> int:
    """某市农商银行|发展|支行: the words between a body and the ending of its branch name the branch (a town,
    a road) whatever jieba tags them (发展, a verb to it, stops the walk): the stem begins at the body's end
    when those are at most a few characters, whole tokens, no function character among them."""
    if suffix not in BRANCH_ENDINGS:
        return start
    parent = next((f for f in others if f.cls == "Partner" and s - MAX_BRANCH_STEM <= f.end < start), None)
    first = tokens.starting_before(parent.end) if parent is not None else len(tokens)
    if first >= len(tokens) or tokens[first].start != parent.end:
        return start
    between = [t.text for t in tokens[first:] if t.end <= s]
    if all(is_name_word(t) for t in between):
        return parent.end
    return start


def is_name_word(token: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in token) and not (len(token) == 1 and token in PATTERNS.stop_chars)


MAX_BRANCH_STEM = 4  # the characters a branch's own name takes between its body and its ending (城关, 某某路)


def written_chain_start(unit: Found, unit_ends: dict[int, Found]) -> int:
    """Where the chain of units written before a body's name begins (宜昌市西陵区 of 宜昌市西陵区某某派出所):
    a body named after a unit is named with the parents written right before that unit."""
    start = unit.start
    while start in unit_ends and unit_ends[start].start < start:
        start = unit_ends[start].start
    return start


# ----------------------------------------------------------------- partners
_TRIGGERED = re.compile(r"[A-Za-z0-9\u4e00-\u9fff·]{2,12}")
_ANY_TRIGGER = re.compile("|".join(map(re.escape, PATTERNS["partners"]["triggers"])))


EVENT_WORDS = ("党日", "活动", "宣传月", "活动日")


def find_triggered_partners(index: int, sentence: Sentence, taken: list[Found]) -> list[Found]:
    """携手304餐创谷: the name right after a partnering verb, when no rule named it otherwise."""
    found = []
    text = sentence.text
    if not _ANY_TRIGGER.search(text):
        return found  # no partnering verb (most sentences)
    generic = PATTERNS["partners"]["generic_stems"]
    for trigger in PATTERNS["partners"]["triggers"]:
        for pos in (m.end() for m in re.finditer(re.escape(trigger), text)):
            match = _TRIGGERED.match(text, pos)
            if not match or text.startswith(ENDINGS_FROM_TRIGGERS.get(trigger, ()), pos - len(trigger)):
                continue  # (区志愿服务联合会: the word begins a body's ending, it is no partnering verb)
            name = re.split(r"共同|一起|开展|举办|打造|设立|成立|为|在|的|和|与", match.group())[0]
            s = sentence.start + pos
            if len(name) < 2 or re.match(r"\d+[家个支名位]", name) or any(name.startswith(g) for g in generic):
                continue
            first_tag = word_tags().get(name[:2])
            if name.startswith(PARTY_KINDS) or first_tag in ("v", "vd") or first_tag == "vn" and not name.endswith(BODY_SUFFIXES):
                continue  # 联合党委, 联合党支部: the word begins an organisation's name; 联合开办, 联合排查: a verb follows
            if any(f.overlaps(s, s + len(name)) for f in taken + found):
                continue
            if PATTERNS.level_of(name) or not re.search(r"[\u4e00-\u9fff]", name):
                continue
            if name.endswith(EVENT_WORDS) or name in PATTERNS["units"]["generic_words"]:
                continue  # 联合主题党日: an event held together, no body; 联合街道: the passage's street, a unit
            found.append(Found("Partner", name, s, s + len(name), index, rule=f"trigger:{trigger}"))
    return found


def is_common_noun_after_pronoun(partner: Found, sentence: Sentence, tokens: Tokens) -> bool:
    """我们舞蹈队, 咱们秧歌队: a group a speaker calls by one dictionary noun after a pronoun is a kind of
    group, not a name (我们红马甲志愿服务队, a name of its own, stays)."""
    i = tokens.starting_before(partner.start)
    if i < len(tokens) and tokens[i].start == partner.start and tokens[i].text in PRONOUNS:
        i += 1  # the stem walk took the pronoun in (咱们秧歌队)
    elif i == 0 or tokens[i - 1].text not in PRONOUNS:
        return False
    return i < len(tokens) and tokens[i].end == partner.end and word_tags().get(tokens[i].text) == "n"


PRONOUNS = frozenset(PATTERNS["partners"]["pronouns"])
PARTY_KINDS = tuple(PATTERNS.party_kind)
ENDINGS_FROM_TRIGGERS = {t: tuple(e for e in BODY_SUFFIXES if e.startswith(t) and len(e) > len(t))
                         for t in PATTERNS["partners"]["triggers"]}
