"""Small text helpers shared by the extractors: token spans and name stems."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, repeat
from typing import NamedTuple

from kg.extract.patterns import PATTERNS
from kg.extract.segment import word_tags
from kg.gazetteer import load_gazetteer
from kg.gazetteer.communities import load_communities
from kg.model import Sentence

_QUOTE_MARKS = re.compile(r"[\s\u3000“”‘’\"'「」『』《》〈〉【】＂]")


@lru_cache(maxsize=1 << 16)  # a pure function, asked 150,000 times per 1,000 articles for far fewer names
def clean_name(text: str) -> str:
    """A name as the graph stores it: no quote or book-title marks, no spaces."""
    return _QUOTE_MARKS.sub("", unicodedata.normalize("NFKC", text))


def is_name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch.isalnum() or ch == "·"


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class TokenSpan(NamedTuple):
    """A token and its offsets in the article's normalised text.

    A named tuple, not a frozen dataclass: every token of every sentence
    becomes one (half a million for 1,000 articles), and a frozen dataclass
    costs four times as much to make (it sets each field through
    object.__setattr__).
    """

    start: int
    end: int
    text: str


class Tokens(tuple):
    """A sentence's token spans: in order and contiguous, so the tokens around
    an offset are found by bisecting their starts instead of a scan per name."""

    def __new__(cls, spans, starts: list[int] | None = None, ends: list[int] | None = None):
        self = super().__new__(cls, spans)
        self.starts = [t.start for t in self] if starts is None else starts
        # Where the tokens end (contiguous: each where the next starts): the rules ask it of every match
        # (does a name end on a token boundary?). Made here, not as a cached_property, whose lock costs
        # more than the set. ``ends``: the tokens' ends in order, when the caller has them.
        if ends is not None:
            self.ends = frozenset(ends)
        else:
            self.ends = frozenset(self.starts[1:] + [self[-1].end]) if self else frozenset()
        return self

    def starting_before(self, offset: int) -> int:
        """How many tokens start before ``offset``."""
        return bisect_left(self.starts, offset)

    def containing(self, offset: int) -> TokenSpan | None:
        """The token that ``offset`` falls strictly inside (not at its start)."""
        i = self.starting_before(offset)
        return self[i - 1] if i and offset < self[i - 1].end else None


def token_spans(sentence: Sentence) -> Tokens:
    tokens = sentence.tokens
    bounds = list(accumulate(map(len, tokens), initial=sentence.start))  # each token's start, then the end
    ends = bounds[1:]
    # TokenSpan(...) without the generated __new__'s Python frame, and the loop at C speed (zip stops with the
    # tokens, before the last bound); the ends are the bounds after the first, no list made of the spans' own
    return Tokens(map(tuple.__new__, repeat(TokenSpan), zip(bounds, ends, tokens)), bounds[:-1], ends)


TRADE_ENDINGS = frozenset(PATTERNS["partners"]["trade_endings"])


def _stops(token: str, passing: frozenset[str] = frozenset()) -> bool:

    if len(token) == 1:
        return token in PATTERNS.stop_chars or not is_name_char(token)
    if not all(is_name_char(ch) for ch in token):
        return True
    if token in PATTERNS.stop_words or token[-1] == "的":
        return True  # (大大的, 小小的: jieba's dictionary holds a modifier with its particle as one word)
    if token[0] in PATTERNS.stop_chars and token[1:] in UNIT_WORDS:
        return True  # 各村, 每村, 该镇: a determiner and a level word are no name
    if token in TRADE_ENDINGS:
        return False  # 快递, 物流: jieba tags them verbs, the trade's nouns in a name (某区快递行业协会)
    tags = word_tags()
    if token[0] in DEMONSTRATIVES and tags.get(token) == "r":
        return True  # 这种, 这些, 各种: a demonstrative pronoun is no name's beginning (把这种业委会…的做法)
    if len(token) == 2 and token[1] in DIRECTIONAL_COMPLEMENTS and tags.get(token[0], "").startswith("v") \
            and tags.get(token, "n") in ("n", "v"):  # (not a word of place, 塞上, 山上)
        return True  # 装上, 挂上, 建起: a one-character verb and its complement, whatever tag jieba's dictionary gives
    tag = tags.get(token, "n")
    if tag in PATTERNS.stop_tags and tag not in passing and not DATE_ROAD.match(token):
        return True
    # jieba's dictionary holds verb phrases as single nouns (充分发挥): one that ends in a verb is one
    return len(token) > 2 and tags.get(token[-2:]) in VERB_TAGS and not is_place_word(token)


# A road named after a date (五一路, 八一街): a numeral to jieba, a place's name.
DATE_ROAD = re.compile("^[一二三四五六七八九十]{2}[路街]$")
VERB_TAGS = frozenset(("v", "vd"))
NOUN_TAGS = frozenset(("n", "nt", "nz"))


def stem_start(tokens: Tokens, end: int, max_chars: int, barriers: frozenset[int] = frozenset(),
               passing: frozenset[str] = frozenset()) -> int:
    """Where the name whose stem ends at ``end`` begins, walking left over tokens.

    The walk stops at a stop token, a non-name character, a digit run, a
    barrier (the end of another name: names written with their parents) or
    after ``max_chars``. Returns ``end`` when there is no stem. Words tagged
    with one of ``passing`` do not stop it (监管, 救援: verbal nouns name bureaus).
    """
    start = end
    for i in range(tokens.starting_before(end) - 1, -1, -1):
        tok = tokens[i]
        if start in barriers:
            break
        piece_start = tok.start
        # when the suffix starts inside this token, the token's head belongs to the stem
        piece = tok.text[: end - tok.start] if tok.end > end else tok.text
        if passing and tok.end > end and word_tags().get(tok.text) in NOUN_TAGS:
            start = piece_start  # 执法局: the suffix ends a dictionary noun, whose head is the stem's
            continue
        if _ends_stem(piece, passing) and not name_character_conjunction(tokens, i, end):
            break
        if piece in OBJECT_VERBS and tok.end < end and len(piece) > 1:
            break  # 牵线|某某茶业有限公司: a verb acting on the body, though jieba tags it a noun
        if piece in ONE_CHARACTER_VERBS and not known_from(piece + "".join(stem_pieces(tokens, tok.end, end))):
            break  # 有事|找|某某厅: a verb of turning to a place (not 来凤, a name the gazetteer knows)
        if piece in RESULT_COMPLEMENTS and after_a_verb(tokens, i):
            break  # 改建|成|某某馆: the verb's result
        if len(piece) == 1 and piece in DIRECTIONAL_COMPLEMENTS and i > 0 and (
                tokens[i - 1].text in ONE_CHARACTER_VERBS
                or len(tokens[i - 1].text) == 1 and word_tags().get(tokens[i - 1].text) == "v"
                and not known_from(tokens[i - 1].text + piece + "".join(stem_pieces(tokens, tok.end, end)))):
            break  # 贴|上|服务中心的…, 晒|出|物业“成绩单”: a one-character verb and its direction, no name's head
        if piece in POST_VERBS and (after_a_named_post(tokens, i) or after_a_clause_opening_name(tokens, i)):
            break  # 由社区党总支副书记某某|任|临时党支部书记: a post and a name before the verb of taking a post
        if piece in UNIT_WORDS and not is_numbered_unit_word(tokens, i) and not is_homeland(tokens, i) \
                and not is_name_syllable(tokens, i, end):
            break
        if len(piece) == 1 and is_counting_word(previous_token(tokens, piece_start)):
            break  # a measure word after a count or a demonstrative: 8处, 6个, 这支
        if end - piece_start > max_chars and not inside_unknown_word(tokens, i, start, end - piece_start - max_chars):
            break
        start = piece_start
    return start


# Verbs of taking or holding a post (任, 担任, 兼任…), for the walk here, roles and persons; a tuple, which
# str.startswith takes.
POST_VERBS = tuple(dict.fromkeys(PATTERNS["persons"]["post_verbs"] + PATTERNS["persons"]["appointment_verbs"]))
POST_ENDINGS = tuple(PATTERNS["persons"]["leading_roles"] + ["委员", "党员"]) + tuple(PATTERNS["persons"]["role_endings"])
MAX_NAME = 3


def after_a_named_post(tokens: Tokens, i: int) -> bool:
    """Whether the tokens before token ``i`` are a person's name (up to three characters, perhaps cut into
    characters by jieba) right after a word of a post (书记, 委员, …长): 村党支部书记某某|任…, a clause
    of taking a post, which begins no name."""
    size = 0
    for j in range(i - 1, -1, -1):
        word = tokens[j].text
        if size and word.endswith(POST_ENDINGS) and len(word) >= 2:
            return True
        size += len(word)
        if size > MAX_NAME or not all(map(is_cjk, word)):
            return False
    return False


def name_character_conjunction(tokens: Tokens, i: int, end: int) -> bool:
    """Whether token ``i`` is a 和 between two single characters inside the stem that ends at ``end``, which
    jieba made no word of: a character of the name (春|和|苑小区, 某地|味|和|园), not a conjunction of two names."""
    if tokens[i].text != NAME_CONJUNCTION or i == 0 or i + 1 >= len(tokens) or tokens[i + 1].end > end:
        return False
    return all(len(t.text) == 1 and is_cjk(t.text) and t.text not in PATTERNS.stop_chars and t.text not in UNIT_WORDS
               for t in (tokens[i - 1], tokens[i + 1]))


NAME_CONJUNCTION = "和"
# The marks that open and close a quoted name (“某某”, ‘某某’, 「某某」, 『某某』).
OPENING_QUOTES = "“‘「『"
CLOSING_QUOTES = "”’」』"


def after_a_clause_opening_name(tokens: Tokens, i: int) -> bool:
    """Whether the tokens before token ``i`` are a person's name (two to three characters, perhaps cut into
    characters by jieba) that opens its clause: 、某某|任村党支部书记, a clause of taking a post of the bare
    unit (村, 社区), which names no place 某某任村."""
    from kg.extract.persons import name_at  # (persons reads this module's tables)

    name, after = "", "".join(t.text for t in tokens[i : i + 3])  # (what follows tells where the name ends)
    for j in range(i - 1, -1, -1):
        word = tokens[j].text
        if not all(map(is_cjk, word)) or len(name) + len(word) > MAX_NAME:
            return False
        name = word + name
        before = tokens[j - 1].text if j else ""
        if len(name) >= 2 and (not before or not is_cjk(before[-1])) and name_at(name + after, 0) == name:
            return True
    return False


def inside_unknown_word(tokens: Tokens, i: int, start: int, overflow: int) -> bool:
    """Whether the length cap would stop the walk between two one-character tokens: jieba cuts a word its
    dictionary lacks (a name such as 某某家园) into characters, and a name begins at no character of one.
    The word may run up to two characters past the cap."""
    return (overflow <= 2 and len(tokens[i].text) == 1 and is_cjk(tokens[i].text)
            and i + 1 < len(tokens) and tokens[i + 1].start == start and len(tokens[i + 1].text) == 1)


@lru_cache(maxsize=1 << 16)  # a pure function of the word, asked of the same common words again and again
def _ends_stem(piece: str, passing: frozenset[str]) -> bool:
    """Whether a stem walked left stops at this piece of a token: a number, or a stop word that is no place word."""
    return piece.isdigit() or (_stops(piece, passing) and not is_place_word(piece))


def verbs_of(tables: list[list[str]]) -> frozenset[str]:
    """The words of the verb tables named as [section, table] pairs (sections dotted: party.founding)."""
    words: set[str] = set()
    for section, table in tables:
        node = PATTERNS
        for part in section.split("."):
            node = node[part]
        words.update(node[table])
    return frozenset(words)


OBJECT_VERBS = verbs_of(PATTERNS["stems"]["object_verb_tables"])
ONE_CHARACTER_VERBS = frozenset(PATTERNS["stems"]["one_character_verbs"])
RESULT_COMPLEMENTS = frozenset(PATTERNS["stems"]["result_complements"])


def after_a_verb(tokens: Tokens, i: int) -> bool:
    """Whether token ``i`` follows a verb of two characters or more (改建|成)."""
    return i > 0 and len(tokens[i - 1].text) > 1 and word_tags().get(tokens[i - 1].text, "").startswith("v")
COMMUNITY_SUFFIXES = tuple(s for s, level in PATTERNS["units"]["suffixes"] if level == "community")


def known_from(stem: str) -> bool:
    """Whether the gazetteer knows a place of this name (来凤), or, a stem of two or more, a community or
    village (来龙村): then a one-character verb that begins it is the name's."""
    return is_place_word(stem) or len(stem) >= 2 and any(load_communities().candidates(stem + s) for s in COMMUNITY_SUFFIXES)


def is_numbered_unit_word(tokens: Tokens, i: int) -> bool:
    """某某二村社区: a one-character unit word after a numeral after a name word is a numbered
    estate (二村), part of the name; 各村社区 and a bare 二村社区 are not."""
    if len(tokens[i].text) != 1 or i < 2:
        return False
    numeral, name = tokens[i - 1], tokens[i - 2]
    return bool(CHINESE_NUMERAL.match(numeral.text)) and len(name.text) >= 2 and not _stops(name.text)


CHINESE_NUMERAL = re.compile("^[一二三四五六七八九十]{1,2}$")
HOMELAND_WORDS = tuple(PATTERNS["units"]["homeland_words"])


def is_homeland(tokens: Tokens, i: int) -> bool:
    """某县佤|乡 + 古茶有限公司: 乡 after a people's name is its homeland, a word inside the name walked over."""
    return tokens[i].text == "乡" and i > 0 and tokens[i - 1].text.endswith(HOMELAND_WORDS)


def is_name_syllable(tokens: Tokens, i: int, end: int) -> bool:
    """某市|桂|乡|职业学院: a one-character level word after a single character of a name, inside the stem
    (words follow it), is a syllable of the body's own name when the two make no place the gazetteer knows."""
    word = tokens[i].text
    if len(word) != 1 or i == 0 or tokens[i].end >= end:
        return False
    before = tokens[i - 1].text
    return len(before) == 1 and is_cjk(before) and before not in PATTERNS.stop_chars \
        and word_tags().get(before, "n") in SYLLABLE_TAGS and not is_place_word(before + word)


SYLLABLE_TAGS = frozenset(("n", "nr", "ns", "nz", "ng"))  # (用好|区教育局: 好, a verb's complement, is no syllable)
UNIT_WORDS = frozenset(PATTERNS["units"]["generic_words"]) | frozenset(s for s, _ in PATTERNS["units"]["suffixes"] if len(s) > 1)


def is_place_word(token: str) -> bool:
    """A place name's short form (大同, 武侯) is a stem, whatever part of speech jieba gives the word."""

    return len(token) >= 2 and bool(load_gazetteer().lookup(token, short=True))


def past_predicate(tokens: Tokens, start: int, end: int) -> int:
    """Where a stem that begins at ``start`` and ends at ``end`` begins once a verb that opens it is left out.

    jieba's dictionary tags some verbs as nouns or places (投身 n, 扎根 ns), so the walk takes them in; the
    sentence shows them as verbs: the word after an adverb (积极|投身|社区) or right after a word for people,
    the clause's subject (干部|扎根|社区), is its predicate. A place word or a word the dictionary holds as a
    proper name (仅|金城|社区) is a name's, wherever it stands.
    """
    i = tokens.starting_before(start)
    if i and tokens[i - 1].end != start:
        return start
    i = max(i, 1)  # (a stem that opens the sentence: its own first word may be the subject, 村民|们|布置|村)
    begins = start
    while i < len(tokens) and tokens[i].end <= end:  # (the verb may stand inside the stem: 队员|定点|社区)
        before, word = tokens[i - 1], tokens[i]
        # (青年|们|整理|村: jieba cuts the plural suffix off its word, which is a word for people all the same)
        if (len(word.text) >= 2 and not is_place_word(word.text) and word_tags().get(word.text) not in PROPER_NAME_TAGS
                and (is_adverb(before.text) or is_people_word(before.text) or before.text == PLURAL)):
            begins = word.end
        i += 1
    return begins


def is_adverb(word: str) -> bool:
    """An adverb of two characters or more (积极, 一直, 常年): one character (仅, 也) may stand before a noun."""
    return len(word) >= 2 and (word_tags().get(word) in ADVERB_TAGS or word in NOUN_ADVERBS)


def is_people_word(word: str) -> bool:
    """党员, 年轻干部, 志愿者们: a word for people (by its ending), of two characters or more; not a verb
    that ends so (代表|某某社区: the verb before a name)."""
    return len(word) >= 2 and word.endswith(PEOPLE_ENDINGS) and word not in PATTERNS.stop_words


ADVERB_TAGS = frozenset(PATTERNS["stems"]["adverb_tags"])
NOUN_ADVERBS = frozenset(PATTERNS["stems"]["noun_adverbs"])
PEOPLE_ENDINGS = tuple(PATTERNS["units"]["people_endings"])
DIRECTIONAL_COMPLEMENTS = frozenset("上下起进出")  # (装上, 挂上, 建起, 搬进: where the verb's object goes)
PLURAL = "们"  # the suffix of a plural of people, which jieba may cut off as a token of its own
PROPER_NAME_TAGS = frozenset(("ns", "nr", "nrt", "nz", "nt"))


def splits_a_word(tokens: Tokens, end: int) -> bool:
    """Whether a name ending at ``end`` ends where jieba cut a place word in two: 服务社|区 and 建设乡|村 read
    as 服务|社区 and 建设|乡村 when the name's last character and the one-character token after it make a
    word for a kind of place (社区, 乡村) and what stands before that character is a common word. (A title
    or a body of the unit may follow it: 某镇|长, 某区|委.)"""
    i = tokens.starting_before(end)
    if not i or i >= len(tokens) or tokens[i].start != end:
        return False
    last, following = tokens[i - 1].text, tokens[i].text
    if len(following) != 1 or len(last) < 3:
        return False
    tags, head = word_tags(), last[:-1]
    # (the one character after must end a word for places, 区 of 社区, 村 of 乡村: not 在 of 所在, 某派出所|在)
    return (last[-1] + following in PLACE_KIND_WORDS and following in PLACE_KIND_ENDINGS and head in tags
            and tags[head] not in PROPER_NAME_TAGS and not is_place_word(head))


PLACE_KIND_WORDS = UNIT_WORDS | frozenset(PATTERNS.generic_unit_stems)
PLACE_KIND_ENDINGS = frozenset(word[-1] for word in UNIT_WORDS)


def previous_token(tokens: Tokens, start: int) -> str:
    """The text of the token that ends at ``start`` (tokens are contiguous: the one before), else ""."""
    i = tokens.starting_before(start)
    return tokens[i - 1].text if i and tokens[i - 1].end == start else ""


def is_counting_word(word: str) -> bool:
    """A number or a one-character demonstrative (这, 那, 每, 该): a measure word follows it, not a name."""
    return word.isdigit() or word in DEMONSTRATIVES


DEMONSTRATIVES = frozenset(PATTERNS["stems"]["demonstratives"])


def stem_tokens(tokens: Tokens, start: int, end: int) -> list[str]:
    """The tokens that lie within [start, end)."""
    out = []
    for tok in tokens[tokens.starting_before(start) :]:
        if tok.end > end:
            break
        out.append(tok.text)
    return out


def stem_pieces(tokens: Tokens, start: int, end: int) -> list[str]:
    """``stem_tokens``, and the head of a token the suffix is glued into (社会|保障局: 社会, 保障)."""
    out = stem_tokens(tokens, start, end)
    host = tokens.containing(end)
    if host is not None and host.start < end and host.start >= start:
        out.append(host.text[: end - host.start])
    return out


def clause_start(text: str, pos: int, marks) -> int:
    """Where the clause ``pos`` is in begins: right after the last of ``marks`` before ``pos`` (0 if none)."""
    return max(text.rfind(mark, 0, pos) for mark in marks) + 1


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


FOUNDING_VERBS = frozenset(PATTERNS["stems"]["founding_verbs"])


def ends_with_founding_verb(tokens: Tokens, start: int, end: int) -> bool:
    """Whether the stem from ``start`` to ``end`` ends with a verb of setting up or running a body (企业抱团|建,
    领办): a clause before the body's word, not its name."""
    words = stem_tokens(tokens, start, end)
    return bool(words) and words[-1] in FOUNDING_VERBS
