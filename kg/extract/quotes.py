"""Quoted names: programs, facilities and partners a quotation mark delimits.

Quoted names come first because a quote says where a name begins and ends;
the words around it say what it names: a head noun after it (“微更新”工程,
“暖心驿站”党群服务中心, “青禾”大学生志愿者团队) or a verb before it
(开展“…”). The spans they take are claimed, so the suffix rules that follow
(``named``) do not find a second, shorter name inside them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS, alternation, longest_first
from kg.extract.segment import word_tags
from kg.extract.text import NOUN_TAGS, clean_name, is_cjk
from kg.model import Sentence

_STOP_AFTER = re.compile(r"[,，。;；:：!！?？、“”‘’\"《》()（）【】\n—–]")  # (a dash opens an aside: “亲戚”——某公司)

def program_kind(head: str) -> str | None:
    for ends, kind in PATTERNS.program_kind_endings:
        if head.endswith(ends):
            return kind
    return None


# ----------------------------------------------------------------- quotes
def quote_spans(sentence: Sentence) -> list[tuple[int, int, str]]:
    """(start of opening mark, end of closing mark, inner text) of each quoted run."""
    out = []
    for match in PATTERNS.quote_re.finditer(sentence.text):
        inner = next(g for g in match.groups() if g is not None)
        out.append((sentence.start + match.start(), sentence.start + match.end(), inner))
    if NESTED_OPENING not in sentence.text:
        return out  # (most sentences)
    # Quoted speech quotes the names it mentions with the inner marks (“我们推出‘某某’服务品牌”); a quoted
    # name that holds an inner quote (“‘某某’进万家”) is one name, the inner run only part of it.
    for match in PATTERNS.nested_quote_re.finditer(sentence.text):
        qs, qe = sentence.start + match.start(), sentence.start + match.end()
        if not any(os < qs and qe < oe and is_name_like(inner) for os, oe, inner in out):
            out.append((qs, qe, match.group(1)))
    return sorted(out)


NESTED_OPENING = PATTERNS["quotes"]["nested"][0]


def name_quote_spans(sentence: Sentence, quotes: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int]]:
    """The quoted runs that read as names, not as quoted speech (of ``quotes``, the sentence's ``quote_spans``)."""
    return [(qs, qe) for qs, qe, inner in (quote_spans(sentence) if quotes is None else quotes) if is_name_like(inner)]


SIZE_WORDS = "大小"
CLAUSE_OPENERS = "要将会应须把被也还都就"  # (a modal or an adverb after a quote: the quote is the clause's subject;
# not the first character of a word, 就业, 应急, 会客厅)


@lru_cache(maxsize=1 << 14)  # pure, and asked of each quoted name several times
def self_class(name: str) -> tuple[str, str | None] | None:
    """The class a quoted name's own ending gives it (“三邻工作法”, “夕阳红志愿服务队”)."""
    if name.endswith(SELF_PLATFORM_ALLIANCES) and len(name) > 4:
        return "Program", program_kind(next(a for a in SELF_PLATFORM_ALLIANCES if name.endswith(a)))  # “某某党建服务联盟”
    if (name.endswith(SELF_PARTNER_HEADS) or len(name) >= 4 and name.endswith(SELF_TEAM_ENDINGS)) \
            and not name.endswith(PATTERNS.meeting_endings):  # (“某某守护队”: a team, though 队 alone is short)
        if name.startswith(SELF_METHOD_STARTS):
            return "Program", "method"  # “书记领办公司”: a leader running a kind of body is a method
        return "Partner", None
    if name.endswith(SELF_FACILITY_ENDINGS):
        return "Facility", None
    if name.endswith(SELF_PROGRAM_ENDINGS):  # (most names end in none: not worth trying them one by one)
        for suffix in SELF_PROGRAM_ENDINGS:
            if name.endswith(suffix) and len(name) > len(suffix):
                if suffix in RECORD_ENDINGS and word_tags().get(name[: -len(suffix)], "").startswith("v"):
                    return None  # 算“对比账”: a verb's ledger, what is done
                return "Program", program_kind(suffix) or "project"
    if is_named_event(name):
        return "Program", "event"
    return None


def is_named_event(name: str) -> bool:
    """“杨梅节”, “邻里文化节”: a quoted name ending in an event word names an event, when a stem of two
    characters or more leads the word and the whole is no word of the dictionary (“中秋节” is a holiday,
    “双节” two of them)."""
    word = next((w for w in EVENT_WORDS if name.endswith(w)), None)
    return word is not None and len(name) - len(word) >= 2 and name not in word_tags()


EVENT_WORDS = longest_first(PATTERNS["programs"]["event_words"])
EVENT_PREFIX = re.compile(PATTERNS.event_prefix + "$")
SESSION_PREFIX = re.compile(PATTERNS["programs"]["session_prefix"] + "$")
COUNTED_SESSIONS = re.compile(PATTERNS["programs"]["counted_sessions"] + "$")


# The endings self_class tries, as tuples for str.endswith (programs' in the order tried: the first decides the kind).
SELF_PARTNER_HEADS = tuple(h for h in PATTERNS["quotes"]["partner_heads"] if len(h) > 1)
SELF_TEAM_ENDINGS = tuple(PATTERNS["quotes"]["team_endings"])
# A quoted alliance for a field of work (“某某党建服务联盟”, “某某共建联盟”) is the brand of a platform the unit runs,
# as when the quote stands before the word (“某某”党建联盟); one of members (“某某商铺联盟”) is a body.
SELF_PLATFORM_ALLIANCES = tuple(e for e in PATTERNS["quotes"]["program_heads"] if e.endswith("联盟") and len(e) > 2)
SELF_METHOD_STARTS = tuple(PATTERNS.party_kind) + tuple(PATTERNS["persons"]["leading_roles"])
SELF_FACILITY_ENDINGS = tuple(PATTERNS["facilities"]["suffixes"] + PATTERNS["quotes"]["facility_endings"])
RECORD_ENDINGS = frozenset(PATTERNS["quotes"]["record_endings"])
SELF_PROGRAM_ENDINGS = (*PATTERNS["programs"]["suffixes"], *PATTERNS["quotes"]["program_endings"], *PATTERNS.meeting_endings)


def head_after(after: str) -> tuple[str, int, str] | None:
    """The head noun that follows a quote: (class, end offset in ``after``, head).

    The first head found names the quote, except that a project or brand word
    further on heads the whole compound (“X”某某驿站党建品牌项目 is a project).
    A one-character head (室, 站) ends a short plain modifier (“X”议事室) or
    follows the quote directly.
    """
    q = PATTERNS["quotes"]
    if after.startswith(BLOCKERS) and not modifies_a_head(after) or after.startswith(AGENT_MARKERS):
        return None
    first = None
    for i in range(min(len(after), q["max_modifier"] + 1)):
        for head, cls in PATTERNS.heads_by_first.get(after[i], ()):
            if not after.startswith(head, i):
                continue
            end = i + len(head)
            if "的" in after[:i] and after[:i] != "的" and not (after.startswith("的") and program_kind(head) in ("brand", "project")):
                continue  # “共享”服务的方式: a description follows, not the name's head (“X”的党建品牌 is X's)
            if len(head) == 1 and not one_character_head(after, i, end):
                continue
            if cls == "Partner" and end < len(after) and after[i : end + 1] in word_tags():
                continue  # “某某”大学生服务团: the head begins a longer word (大学生), it is not the head
            if first is None:
                if i == 0 and head in BRAND_HEADS:
                    return "Program", end, head  # “某某”联盟: the alliance of a brand
                first = (cls, end, head)
            elif cls == "Program" and program_kind(head) in ("brand", "project") and plain_modifier(after[:i]):
                return cls, end, head
            break
    return first


def modifies_a_head(after: str) -> bool:
    """“某某”党员服务队, “某某”党员活动室: a word for a kind of people (党员, 干部), which after a quote names a kind
    of members (“两新”党员), begins the head of a team or of a place right after it (whose team, whose room)."""
    return any(after.startswith(c) and after.startswith(MEMBER_MODIFIED_HEADS, len(c)) for c in CATEGORIES)


def one_character_head(after: str, i: int, end: int) -> bool:
    """室 in “X”室 or “X”议事室 (a plain modifier of 2-5 characters), not inside a longer word."""
    if len(after) > end and after[end - 1 : end + 1] in word_tags():
        return False  # 室内, 站长: the character begins a word of its own (at the clause's end it begins none)
    if i == 0:
        return True  # “X”课每周一次, “X”室里: right after the quote, a character that begins no word with the next
    modifier = after[:i]
    return (2 <= len(modifier) <= 5 and all(is_cjk(ch) for ch in modifier) and plain_modifier(modifier)
                      and not any(ch in PATTERNS.stop_chars for ch in modifier))


def plain_modifier(modifier: str) -> bool:
    """Whether quote + modifier + head reads as one name (not “X”为阵地, “X”等平台)."""
    return not any(ch in modifier for ch in "等的为以在和与及")


def trigger_before(before: str) -> bool:
    # (any of them, at C speed); 开展了“X”, 承办的“X”, 推出了“X”: a particle at a time (出 may be the trigger's own)
    if before.endswith(PATTERNS.quote_program_triggers):
        return not ends_a_noun(before)
    return before[-1:] in ("了", "出", "起", "过", "的") and trigger_before(before[:-1])


def ends_a_noun(before: str) -> bool:
    """党组织“某某”: the verb 组织 is the end of a noun of the dictionary (党组织 nt, 基层组织 n), which names
    who acts, not the deed that would make the quote a program."""
    trigger = next(t for t in PATTERNS.quote_program_triggers if before.endswith(t))
    return any(word_tags().get(before[-(len(trigger) + k):], "") in NOUN_TAGS for k in (1, 2) if len(before) >= len(trigger) + k)


@lru_cache(maxsize=1 << 14)
def is_name_like(inner: str, headed: bool = False) -> bool:
    """Whether the quoted text may be a name. ``headed``: a place's or a body's head follows the quote, which
    makes a verb in quotes the name of that place or body (“解扣”调解室, “连心”服务队)."""
    q = PATTERNS["quotes"]
    name = clean_name(inner)
    longest = q["max_named_length"] if len(name) > q["max_length"] and self_class(name) is not None else q["max_length"]
    if not 2 <= len(name) <= longest or all(ch in q["numeral_chars"] for ch in name):
        return False  # too short or long, or a date or count (“七一”)
    if name.endswith(tuple(q["descriptive_endings"])) and self_class(name) is None:
        return False  # “一站式”服务, “嵌入式”管理: a word of kind before a noun describes it, names nothing
    if len(name) == 2 and word_tags().get(name) in PREDICATE_TAGS and not headed:
        return False  # 集体经济“清零”, 问题“销号”: a verb or a word of state the clause says of something
    if word_tags().get(name) in PLACE_WORD_TAGS:
        return False  # “家门口”就业车间, 服务送到“身边”: a word of where or when in quotes is a figure, no name
    if word_tags().get(name) == IDIOM_TAG:
        return False  # 推行“对症下药”, 探索“守望相助”模式: an idiom in quotes is a figure of speech, no name
    if "、" in name and all(item[:1] in PROBLEM_STARTS for item in name.split("、")):
        return False  # “有组织、没活动”, “无人管、不愿修”: a list of the problems found, no name
    if "、" in name and all(NEGATIONS & set(item[1:]) for item in name.split("、")):
        return False  # “矛盾不上交、服务不缺位”: clauses each saying what must not happen, a slogan
    return not inner.endswith(tuple(q["sentence_marks"])) and "。" not in inner


IDIOM_TAG = "i"  # jieba's tag of a four-character idiom (chengyu)
PLACE_WORD_TAGS = frozenset(("s", "f", "t"))  # jieba's words of place (家门口), of position (身边) and of time
# Tags of a two-character word that says what is done or how a thing is (清零 z, 归零 v, 落实 v, 稳定 a).
PREDICATE_TAGS = frozenset(("v", "vd", "z", "a", "ad", "d"))
# What begins each item of a quoted list of problems: having or lacking something (有组织, 没活动, 无人管, 缺资金).
PROBLEM_STARTS = frozenset("有没无不缺难少")
# Negations inside a clause, after its subject (矛盾|不上交): a list of such clauses is a slogan.
NEGATIONS = frozenset("不没")


# A numbered model: “1+3+N”, “1+X”, “3+2”. Whatever head follows, it names a way of working.
_MODEL = re.compile(r"^(?=.*\d)[0-9A-Za-z]+(?:[+＋×][0-9A-Za-z]+)+$")


def find_quoted(index: int, sentence: Sentence, quotes: list[tuple[int, int, str]] | None = None) -> list[Found]:
    text, base = sentence.text, sentence.start
    quotes = quote_spans(sentence) if quotes is None else quotes
    found: list[Found | None] = []
    for qs, qe, inner in quotes:
        found.append(classify_quote(index, text, base, qs, qe, inner)
                     if is_name_like(inner) or is_name_like(inner, headed=headed_by_a_place_or_body(text, qe - base))
                     else None)
    propagate_lists(index, text, base, quotes, found)
    return [f for f in found if f is not None]


COMMITTEE_CHARACTER = "委"
COLUMN_HEADS = ("栏目", "专栏")
OUTLET_ITSELF = re.compile("本(?:号|报|台|网|刊|站|频道|公众号)")  # (the outlet speaking of itself)
MEETING_HEADS = frozenset(PATTERNS.meeting_endings)


def headed_by_a_place_or_body(text: str, end: int) -> bool:
    """Whether a facility's or a partner's head follows the quote that ends at ``end``."""
    head = head_after(text[end : end + 24])
    return head is not None and head[0] in ("Facility", "Partner")


def classify_quote(index: int, text: str, base: int, qs: int, qe: int, inner: str) -> Found | None:
    name = clean_name(inner)
    if name in MEMBER_KINDS or name in PATTERNS.party_kind:
        return None  # “两新”党建联盟, “两新”组织: a kind of members or workplaces, no name; “大工委”: a party body's kind
    if len(name) <= 3 and name.endswith(COMMITTEE_CHARACTER):
        return None  # 村“两委”联席会议, “支委”会: the unit's committees named by a short word, whose meeting is theirs
    if name.startswith(OBSERVANCE_STARTS) and name.endswith(OBSERVANCE_ENDINGS):
        return None  # “中国某某服务日”, “全民健身日”: a day the whole country keeps
    rel_end = qe - base
    after = text[rel_end : rel_end + 24]
    stop = _STOP_AFTER.search(after)
    after = after[: stop.start()] if stop else after
    own = self_class(name)
    if own is not None and own[0] == "Facility" and len(name) <= 3 and (
            name in SELF_FACILITY_ENDINGS or name[:1] in SIZE_WORDS and name[1:] in SELF_FACILITY_ENDINGS):
        return None  # 成了居民“大客厅”, 文明实践“小站”: a short class word itself in quotes, a figure that names none
        # (a compound kind, “健康小屋”, is the place's name)
    head = head_after(after)
    if head is not None and head[2] in COLUMN_HEADS and OUTLET_ITSELF.search(text, 0, qs - base):
        return None  # 本号推出“某某”栏目: the outlet's own column, page furniture, no program of the story's
    if head is not None and head[2] in MEETING_HEADS and not any(mark in name for mark in "+＋") and any(
            m.end() == len(name) for m in PATTERNS.partner_suffix_re.finditer(name)):
        head = None  # “某某物业”联席会: a meeting of the body the quote names, no way of working of its name (but
        # “社区党委+物业企业+业委会”三方协商例会: the bodies joined, a model of working together)
    if counts_its_items(name, after):
        # “甲、乙、丙”三步工作法: the quote lists the parts of a counted whole, which the article names by
        # its count elsewhere (“三步诀”). The list and its count name nothing; a head after them is claimed
        # (a nameless record) so that no suffix rule names the count alone (三步工作法).
        if head is None or not plain_modifier(after[: head[1] - len(head[2])]):
            return None
        return Found(head[0], "", qs, qe + head[1], index, rule="quote+count")
    if head is not None and (any(ch in after[: head[1] - len(head[2])] for ch in "在和与及以")
                             or after[:1] in CLAUSE_OPENERS and head[1] > len(head[2]) and after[:2] not in word_tags()):
        head = None  # “X”在广场举行, 村“两委”要管好用好阵地: a new clause, not the quote's head (“X”等平台 still names
        # X a platform)
    if _MODEL.match(name):
        program = Found("Program", name, qs, qe, index, kind="method", rule="quote:model")
        if head is not None and plain_modifier(after[: head[1] - len(head[2])]):
            program.aliases.add(name + after[: head[1]])
            program.end = qe + head[1]
        return program
    if own is not None and not (own[0] != "Program" and head is not None and head[0] == "Program"
                                and program_kind(head[2]) in WAYS_OF_WORKING and plain_modifier(after[: head[1] - len(head[2])])):
        cls, kind = own  # (“积分超市”管理模式: a way of working named after a place is a program)
        found = Found(cls, name, qs, qe, index, kind=kind, rule="quote")
        if cls == "Partner" and head is not None and head[0] == "Partner" and plain_modifier(after[: head[1] - len(head[2])]):
            found.aliases.add(name + after[: head[1]])  # “某某帮帮团”志愿服务队: the team's full name has the head too
            found.end = qe + head[1]
        if kind == "event" and (ordinal := EVENT_PREFIX.search(text, 0, qs - base)):
            found.aliases.add(ordinal.group() + name)  # 第三届“某某节”
        return found
    if after.startswith(COPULA) and not after.startswith(NOT_COPULA) and (defined := defined_as(after[len(COPULA):])):
        return Found(defined[0], name, qs, qe, index, kind=defined[1], rule="quote+copula")  # “X”是…设立的调解室
    if head is not None and head[2] in MOTTO_HEADS and any(mark in name for mark in LIST_MARKS):
        return None  # 以“A、B”为主题: phrases listed as a theme or a core are a motto, naming no program
    if head is not None and head[2] in VERB_OBJECT_HEADS and head[1] == len(head[2]) \
            and word_tags().get(name, "").startswith("v"):
        return None  # 资源“进驻”中心: a verb and its object, the place named before
    if head is not None:
        cls, end, head_word = head
        full = name + after[:end]
        if cls == "Program":
            # (“X”的经验, “X”的做法: the way of working of X, which may be a place or a body named elsewhere)
            record = head_word in RECORD_HEADS and after.startswith("的")
            program = Found(cls, name, qs, qe + end, index, kind=program_kind(head_word),
                            rule="quote+record" if record else "quote+head")
            if plain_modifier(after[: end - len(head_word)]):
                program.aliases.add(full)
            return program
        entity = Found(cls, name, qs, qe + end, index, rule="quote+head")
        if plain_modifier(after[: end - len(head_word)]):
            entity.aliases.add(full)
        return entity
    if head is None and OPENED.match(after) and not name.endswith(UNIT_WORDS):
        return Found("Facility", name, qs, qe, index, rule="quote+opened")  # “某某”开园: the place opened
    if not after and (place_made_before(text[max(0, qs - base - 5) : qs - base])
                      or opened_in_a_place(text, qs - base) and not held_there(name)) \
            and name[-1] not in FOUNDED_GROUP_ENDINGS and not name.endswith(UNIT_WORDS):
        return Found("Facility", name, qs, qe, index, rule="quote+built")  # 改造成“某某”,配齐桌椅: the place made
    if founded_before(text[max(0, qs - base - 5) : qs - base]) and (found := founded(index, name, qs, qe, after)):
        return found
    if trigger_before(text[max(0, qs - base - 4) : qs - base]) and not after.startswith(CATEGORIES):
        return Found("Program", name, qs, qe, index, rule="quote+trigger")  # (推动“两新”组织…: a kind of body, no program)
    if (session := SESSION_PREFIX.search(text, 0, qs - base)) and not after.startswith(CATEGORIES):
        event = Found("Program", name, qs, qe, index, kind="event", rule="quote+session")  # 第二届“某某”开幕
        event.aliases.add(session.group() + name)
        return event
    if (counted := COUNTED_SESSIONS.search(text, 0, qs - base)) and not after.startswith(CATEGORIES) \
            and not name.endswith(UNIT_WORDS) and not (counted.group().endswith("次") and after[:1] and is_cjk(after[0])):
        # (开一次“某某”联席会: after a count of times, a word after the quote names the meeting of the quote's subject)
        return Found("Program", name, qs, qe, index, kind="event", rule="quote+sessions")  # 组织了11场“某某”
    return None


def defined_as(predicate: str) -> tuple[str, str | None] | None:
    """What “X”是… says X is, by the noun that ends the clause (…设立的调解室: a place; …的服务品牌: a program):
    the class that noun's own ending gives, when the noun after the last 的 is short enough to be one
    (a measure word before it, 一间调解室, is allowed)."""
    noun = predicate.rsplit("的", 1)[-1]
    noun = MEASURE_BEFORE_NOUN.sub("", noun, count=1)
    if not 2 <= len(noun) <= MAX_DEFINING_NOUN or not all(is_cjk(ch) for ch in noun):
        return None
    return self_class(noun)


RECORD_HEADS = frozenset(("经验", "做法"))
COPULA, NOT_COPULA = "是", ("是否", "是不是")
MEASURE_BEFORE_NOUN = re.compile("^[一这那][个间处座支家所]")
MAX_DEFINING_NOUN = 6


def counts_its_items(name: str, after: str) -> bool:
    """Whether the words right after a quoted list count its items (“甲、乙、丙”三步工作法, “A、B”两张清单)."""
    items = name.split("、")
    return len(items) > 1 and after[:1] in ITEM_COUNTS and ITEM_COUNTS[after[:1]] == len(items)


# The numerals that count a list's items right after it (a method of three parts: 三步, 三张, 3项).
ITEM_COUNTS = {ch: n for n, chars in enumerate(PATTERNS["quotes"]["item_counts"], start=1) for ch in chars}


def opened_in_a_place(text: str, at: int) -> bool:
    """在党群服务中心一楼开设“X”, 在村口设立“X”: a verb of opening right before the quote, after a clause's
    在 and a spot of a building or a street (its last character a place's: 楼, 室, 口, 旁…)."""
    clause = text[max(0, at - MAX_OPENED_IN) : at]
    match = OPENED_IN.search(clause)
    return match is not None and match.group(1)[-1] in OPENED_SPOT_ENDINGS


def held_there(name: str) -> bool:
    """“周三理发日”, “板凳夜话”: a name that ends in a word for a day, a talk, a meeting or a class."""
    return name.endswith(HELD_ENDINGS)


MAX_OPENED_IN = 24
OPENED_IN = re.compile("在([^，,。；;：:！？“”\"、]{1,16}?)(?:" + "|".join(PATTERNS["quotes"]["opening_verbs"]) + ")了?$")
OPENED_SPOT_ENDINGS = frozenset(PATTERNS["quotes"]["opened_spot_endings"])
HELD_ENDINGS = tuple(PATTERNS["quotes"]["held_endings"])
PLACE_OPENINGS = tuple(PATTERNS["quotes"]["place_openings"])
OPENED = re.compile(f"(?:{alternation(PATTERNS['quotes']['opening_adverbs'])})*(?:{alternation(PLACE_OPENINGS)})")


def place_made_before(before: str) -> bool:
    """建成“X”, 改造成了“X”: a verb of building a place right before the quote (a particle between)."""
    return verb_right_before(before, PLACE_VERBS)


def verb_right_before(before: str, verbs: tuple[str, ...]) -> bool:
    """Whether the text before a quote ends in one of ``verbs``, perhaps with 了 after it."""
    return before.endswith(verbs) or (before[-1:] == "了" and before[:-1].endswith(verbs))


PLACE_VERBS = tuple(PATTERNS["quotes"]["place_verbs"])
UNIT_WORDS = tuple(PATTERNS["units"]["generic_words"])


def founded_before(before: str) -> bool:
    """成立“X”, 组建了“X”: a founding verb right before the quote (a particle between)."""
    return verb_right_before(before, FOUNDING_VERBS)


def founded(index: int, name: str, qs: int, qe: int, after: str) -> Found | None:
    """What a founding verb's quoted object names: a body when a word for a group follows it (“X”队伍)
    or the name ends in one (“X会”, “X帮”), else a way of working. Only when the quote ends its clause,
    or a function character or a group word follows: other words after it (“X”组织党委, “X”工作专班)
    are what was founded, which the quote only qualifies."""
    group = next((w for w in FOUNDED_GROUP_WORDS if after.startswith(w)), None)
    if group is not None:
        body = Found("Partner", name, qs, qe + len(group), index, rule="quote+founded")
        body.aliases.add(name + group)
        return body
    if after and not (after[0] in PATTERNS.stop_chars and after[0] != "等"):
        return None
    if name[-1] in FOUNDED_GROUP_ENDINGS:
        return Found("Partner", name, qs, qe, index, rule="quote+founded")
    return Found("Program", name, qs, qe, index, rule="quote+founded")


BRAND_HEADS = frozenset(PATTERNS["quotes"]["brand_heads"])
OBSERVANCE_STARTS = tuple(PATTERNS["quotes"]["observance_starts"])
OBSERVANCE_ENDINGS = tuple(PATTERNS["quotes"]["observance_endings"])
MEMBER_KINDS = frozenset(PATTERNS["party"]["branch_stems"])
FOUNDING_VERBS = tuple(PATTERNS["quotes"]["founding_verbs"])
FOUNDED_GROUP_WORDS = tuple(PATTERNS["quotes"]["founded_group_words"])
FOUNDED_GROUP_ENDINGS = frozenset(PATTERNS["quotes"]["founded_group_endings"])
CATEGORIES = tuple(PATTERNS["quotes"]["categories"])
TEAM_HEADS = tuple(h for h in PATTERNS["quotes"]["partner_heads"] if h.endswith("队"))
VERB_OBJECT_HEADS = frozenset(PATTERNS["quotes"]["verb_object_heads"])
MOTTO_HEADS = frozenset(PATTERNS["quotes"]["motto_heads"])
LIST_MARKS = ("、", ",", "，")
BLOCKERS = tuple(PATTERNS["quotes"]["blockers"]) + CATEGORIES
PLACE_HEADS = tuple(h for h in PATTERNS["quotes"]["facility_heads"] if len(h) > 1)  # (活动室, 之家: not 室 alone)
MEMBER_MODIFIED_HEADS = TEAM_HEADS + PLACE_HEADS
AGENT_MARKERS = tuple(PATTERNS["quotes"]["agent_markers"])


WAYS_OF_WORKING = ("method", "brand", "project")
LIST_BLOCKERS = tuple("等" + b for b in BLOCKERS)  # “A”“B”等游戏: what the list is


def propagate_lists(index: int, text: str, base: int, quotes, found: list[Found | None]) -> None:
    """“A”“B”和“C”等活动: quotes listed together are programs when one of them is."""
    if not quotes:
        return  # (most sentences)
    groups: list[list[int]] = [[0]]
    for i in range(1, len(quotes)):
        gap = text[quotes[i - 1][1] - base : quotes[i][0] - base]
        if not gap or gap in PATTERNS.list_gaps:
            groups[-1].append(i)
        else:
            groups.append([i])
    blockers = LIST_BLOCKERS
    for group in groups:
        if text.startswith(blockers, quotes[group[-1]][1] - base):
            for i in group:  # “A”“B”等游戏: the word after the list says what they all are
                found[i] = None
            continue
        known = [found[i] for i in group if found[i] is not None and found[i].cls in ("Program", "Facility")]
        if not known or len(group) < 2:
            continue
        for i in group:  # (“青禾驿站”和“邻里中心”: places listed together are places)
            if found[i] is None and is_name_like(quotes[i][2]):
                qs, qe, inner = quotes[i]
                found[i] = Found(known[-1].cls, clean_name(inner), qs, qe, index, kind=known[-1].kind, rule="quote list")


