"""Registered names of firms and law offices: a place, a trade name, the trade, a legal form
(某省某某同城配送有限公司, 某市某某汽车零部件有限公司, 某省某某律师事务所).

jieba cuts a trade name it does not know into characters, some of them function characters (正) or
verbs (达), and tags the trade's words as verbs or quantities (配送 v, 零部件 mq), so the stem walk,
which stops at those, keeps only the last characters (衡律师事务所) or nothing. A registered name
begins with the place it is registered in: walking left from the legal form over the words of one
clause, the first place word within reach is where the name begins."""
from __future__ import annotations

from kg.extract.patterns import PATTERNS
from kg.extract.segment import word_tags
from kg.extract.text import Tokens, is_cjk, is_place_word

TABLE = PATTERNS["partners"]
LEGAL_FORMS = tuple(TABLE["legal_forms"])
MAX_NAME = TABLE["max_registered_stem"]
STOP_WORDS = PATTERNS.stop_words
# Characters that end a clause or join two names, which no trade name holds.
CLAUSE_CHARACTERS = frozenset(TABLE["clause_characters"])


def registered_start(tokens: Tokens, s: int, start: int, barriers: frozenset[int]) -> int:
    """Where the registered name whose legal form begins at ``s`` begins: the start of the place word
    nearest before ``s`` (or the end of a place found there, one of ``barriers``), when only words of a
    name stand between them; else ``start`` (what the stem walk found)."""
    i = tokens.starting_before(s)
    for j in range(i - 1, -1, -1):
        tok = tokens[j]
        if s - tok.start > MAX_NAME or not all(is_cjk(ch) for ch in tok.text) \
                or tok.text in STOP_WORDS and word_tags().get(tok.text) not in TRADE_NOUN_TAGS:
            return start  # (a stop word that is a verbal noun, 建设, 服务, names a firm's trade: 某省某某建设集团)
        if len(tok.text) == 1 and tok.text in CLAUSE_CHARACTERS and not inside_a_trade_name(tokens, j):
            return start
        if tok.end in barriers and tok.end < start and s - tok.end >= 2:
            # 长沙(市)|快达同城配送: the place was found as a unit, which begins the name
            return tok.end if begins_a_trade_name(tokens[j + 1].text) else start
        if len(tok.text) >= 2 and is_place_word(tok.text) and tok.start < start and s - tok.end >= 2:
            return tok.start if begins_a_trade_name(tokens[j + 1].text) else start
    return start


def inside_a_trade_name(tokens: Tokens, j: int) -> bool:
    """某地|味|和|园餐饮管理有限公司: a conjunction between two single characters, which jieba made no word of,
    joins no two names: it is a character of the trade name."""
    return (tokens[j].text in NAME_CONJUNCTIONS and 0 < j < len(tokens) - 1
            and all(len(t.text) == 1 and is_cjk(t.text) and t.text not in CLAUSE_CHARACTERS
                    for t in (tokens[j - 1], tokens[j + 1])))


def conjunction_inside_start(tokens: Tokens, s: int, start: int, barriers: frozenset[int]) -> int:
    """某地|崇|和|医院, 某省|通|和|律师事务所: a conjunction right before a body's ending would join a name to a
    bare ending, which names no body; after a place word (or a place found there, one of ``barriers``) and
    one or two single characters, it is a character of the body's own name, which begins at that place.
    Else ``start``."""
    i = tokens.starting_before(s)
    if start != s or i < 3 or tokens[i - 1].end != s or tokens[i - 1].text not in NAME_CONJUNCTIONS:
        return start
    for j in range(i - 2, max(i - 4, -1), -1):
        tok = tokens[j]
        if len(tok.text) != 1 or not is_cjk(tok.text) or tok.text in CLAUSE_CHARACTERS:
            return start
        before = tokens[j - 1] if j else None
        if tok.start in barriers:
            return tok.start
        if before is not None and len(before.text) >= 2 and is_place_word(before.text):
            return before.start
    return start


NAME_CONJUNCTIONS = frozenset(("和", "与", "同"))


TRADE_NOUN_TAGS = frozenset(("vn", "n"))


def begins_a_trade_name(word: str) -> bool:
    """The word after the place begins the trade name: not a verb of two characters or more, whose object
    the name is (某社区|引入|某某物业服务有限公司)."""
    return not (len(word) >= 2 and word_tags().get(word, "").startswith("v"))


def is_legal_form(suffix: str) -> bool:
    return suffix.endswith(LEGAL_FORMS)


# The forms a social-work organisation is registered with (某市某某社会工作服务中心, 某某社工服务中心).
SOCIAL_WORK_FORMS = tuple(TABLE["social_work_forms"])
MAX_BRAND = TABLE["max_brand"]


def is_social_work_form(suffix: str) -> bool:
    return suffix.endswith(SOCIAL_WORK_FORMS)


def brand_start(tokens: Tokens, s: int, start: int, barriers: frozenset[int]) -> int:
    """Where the brand (字号) of a registered social organisation begins, whose form begins at ``s``:
    the two to MAX_BRAND characters of one clause right before the form, back to a place found before it
    (one of ``barriers``). jieba cuts a brand it does not know into characters, and a brand's characters
    may be function characters or verbs (瑞|和, 和|美, 澄明 v), at which the stem walk stops; a function
    character begins or ends a brand only in a brand of two single characters (和|美), else it joins or
    precedes the name (社区|和|阳光, 由|瑞|和). Returns ``start`` when it reaches further back."""
    i = tokens.starting_before(s)
    taken: list[str] = []
    at = s
    for j in range(i - 1, -1, -1):
        tok = tokens[j]
        if at in barriers or tok.end != at or s - tok.start > MAX_BRAND or not all(is_cjk(ch) for ch in tok.text):
            break
        if tok.text in STOP_WORDS or len(tok.text) > 1 and is_place_word(tok.text):
            break
        taken.insert(0, tok.text)
        at = tok.start
    if at not in barriers:  # no place before it: the brand begins after the clause's last function word or verb
        while taken and not all(is_brand_word(t) for t in taken):
            at += len(taken.pop(0))
    elif not two_characters(taken):  # (和|美 after its place: a brand of two characters)
        while taken and len(taken[0]) == 1 and taken[0] in CLAUSE_CHARACTERS and not two_characters(taken):
            at += len(taken.pop(0))  # (某社区|和|阳光, 某社区|和|宁|和: the conjunction joins two names)
        if not two_characters(taken) and any(len(t) == 1 and t in CLAUSE_CHARACTERS for t in taken):
            return start
    return at if s - at >= 2 and at < start else start


def two_characters(words: list[str]) -> bool:
    return len(words) == 2 and all(len(w) == 1 for w in words)


def is_brand_word(word: str) -> bool:
    """A word a brand holds when no place stands before it: no function character, no verb of the clause
    (委托|某某, 由|某某)."""
    return not (len(word) == 1 and word in CLAUSE_CHARACTERS) and word_tags().get(word, "") not in BRAND_STOP_TAGS


# A word of these tags before a brand is the clause's (委托 v, 居民 n of people is a stop word already).
BRAND_STOP_TAGS = frozenset(("v", "vd", "p", "c", "r", "m", "q"))
