"""Programs, facilities and partners: quoted names, names by suffix, named events.

Quoted names come first because a quote says where a name begins and ends;
the words around it say what it names: a head noun after it (“微改造”工程,
“幸福驿站”党群服务中心, “长小青”大学生志愿者团队) or a verb before it
(开展“…”). The spans they take are claimed, so the suffix rules that follow
do not find a second, shorter name inside them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.found import Found
from kg.extract.partners import (CONTINUED, GOVERNMENT, GOVERNMENT_STEM_TAGS, WHOLE_NAMES, body_of_level,
                                 is_branch, is_byline, is_partnering, partner_kind, with_level_word,
                                 with_ordinal, with_parent_body, written_chain_start)
from kg.extract.patterns import PATTERNS, longest_first
from kg.extract.segment import word_tags
from kg.extract.text import Tokens, clean_name, is_cjk, stem_start, stem_tokens
from kg.model import Sentence

_STOP_AFTER = re.compile(r"[,，。;；:：!！?？、“”‘’\"《》()（）【】\n]")

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
    return out


def name_quote_spans(sentence: Sentence, quotes: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int]]:
    """The quoted runs that read as names, not as quoted speech (of ``quotes``, the sentence's ``quote_spans``)."""
    return [(qs, qe) for qs, qe, inner in (quote_spans(sentence) if quotes is None else quotes) if is_name_like(inner)]


@lru_cache(maxsize=1 << 14)  # pure, and asked of each quoted name several times
def self_class(name: str) -> tuple[str, str | None] | None:
    """The class a quoted name's own ending gives it (“六邻工作法”, “银发生辉志愿服务队”)."""
    if name.endswith(SELF_PARTNER_HEADS) and not name.endswith(PATTERNS.meeting_endings):
        if name.startswith(SELF_METHOD_STARTS):
            return "Program", "method"  # “书记领办合作社”: a leader running a kind of body is a method
        return "Partner", None
    if name.endswith(SELF_FACILITY_ENDINGS):
        return "Facility", None
    if name.endswith(SELF_PROGRAM_ENDINGS):  # (most names end in none: not worth trying them one by one)
        for suffix in SELF_PROGRAM_ENDINGS:
            if name.endswith(suffix) and len(name) > len(suffix):
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
EVENT_PREFIX = re.compile(PATTERNS["programs"]["event_prefix"] + "$")


# The endings self_class tries, as tuples for str.endswith (programs' in the order tried: the first decides the kind).
SELF_PARTNER_HEADS = tuple(h for h in PATTERNS["quotes"]["partner_heads"] if len(h) > 1)
SELF_METHOD_STARTS = tuple(PATTERNS.party_kind) + tuple(PATTERNS["persons"]["leading_roles"])
SELF_FACILITY_ENDINGS = tuple(PATTERNS["facilities"]["suffixes"] + PATTERNS["quotes"]["facility_endings"])
SELF_PROGRAM_ENDINGS = (*PATTERNS["programs"]["suffixes"], *PATTERNS["quotes"]["program_endings"], *PATTERNS.meeting_endings)


def head_after(after: str) -> tuple[str, int, str] | None:
    """The head noun that follows a quote: (class, end offset in ``after``, head).

    The first head found names the quote, except that a project or brand word
    further on heads the whole compound (“X”某某驿站党建品牌项目 is a project).
    A one-character head (室, 站) ends a short plain modifier (“X”议事室) or
    follows the quote directly.
    """
    q = PATTERNS["quotes"]
    if after.startswith(BLOCKERS):
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
            if first is None:
                first = (cls, end, head)
            elif cls == "Program" and program_kind(head) in ("brand", "project") and plain_modifier(after[:i]):
                return cls, end, head
            break
    return first


def one_character_head(after: str, i: int, end: int) -> bool:
    """室 in “X”室 or “X”议事室 (a plain modifier of 2-5 characters), not inside a longer word."""
    if i == 0:
        return not (end < len(after) and is_cjk(after[end]) and after[end] not in "的等为")
    if len(after) > end and after[end - 1 : end + 1] in word_tags():
        return False  # 室内, 站长: the character begins a word of its own (at the clause's end it begins none)
    modifier = after[:i]
    return (2 <= len(modifier) <= 5 and all(is_cjk(ch) for ch in modifier) and plain_modifier(modifier)
                      and not any(ch in PATTERNS.stop_chars for ch in modifier))


def plain_modifier(modifier: str) -> bool:
    """Whether quote + modifier + head reads as one name (not “X”为阵地, “X”等平台)."""
    return not any(ch in modifier for ch in "等的为以在和与及")


def trigger_before(before: str) -> bool:
    # (any of them, at C speed); 开展了“X”, 承办的“X”, 推出了“X”: a particle at a time (出 may be the trigger's own)
    return before.endswith(PATTERNS.quote_program_triggers) or (before[-1:] in ("了", "出", "起", "过", "的") and trigger_before(before[:-1]))


@lru_cache(maxsize=1 << 14)
def is_name_like(inner: str) -> bool:
    q = PATTERNS["quotes"]
    name = clean_name(inner)
    longest = q["max_named_length"] if len(name) > q["max_length"] and self_class(name) is not None else q["max_length"]
    if not 2 <= len(name) <= longest or all(ch in q["numeral_chars"] for ch in name):
        return False  # too short or long, or a date or count (“七一”)
    if name.endswith(tuple(q["descriptive_endings"])) and self_class(name) is None:
        return False  # “一站式”服务, “嵌入式”管理: a word of kind before a noun describes it, names nothing
    return not inner.endswith(tuple(q["sentence_marks"])) and "。" not in inner


# A numbered model: “1+3+N”, “1+X”, “3+2”. Whatever head follows, it names a way of working.
_MODEL = re.compile(r"^(?=.*\d)[0-9A-Za-z]+(?:[+＋×][0-9A-Za-z]+)+$")


def find_quoted(index: int, sentence: Sentence, quotes: list[tuple[int, int, str]] | None = None) -> list[Found]:
    text, base = sentence.text, sentence.start
    quotes = quote_spans(sentence) if quotes is None else quotes
    found: list[Found | None] = []
    for qs, qe, inner in quotes:
        found.append(classify_quote(index, text, base, qs, qe, inner) if is_name_like(inner) else None)
    propagate_lists(index, text, base, quotes, found)
    return [f for f in found if f is not None]


def classify_quote(index: int, text: str, base: int, qs: int, qe: int, inner: str) -> Found | None:
    name = clean_name(inner)
    rel_end = qe - base
    after = text[rel_end : rel_end + 24]
    stop = _STOP_AFTER.search(after)
    after = after[: stop.start()] if stop else after
    own = self_class(name)
    head = head_after(after)
    if head is not None and any(ch in after[: head[1] - len(head[2])] for ch in "在和与及以"):
        head = None  # “X”在广场举行: a new clause, not the quote's head (“X”等平台 still names X a platform)
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
        if kind == "event" and (ordinal := EVENT_PREFIX.search(text, 0, qs - base)):
            found.aliases.add(ordinal.group() + name)  # 第三届“某某节”
        return found
    if head is not None:
        cls, end, head_word = head
        full = name + after[:end]
        if cls == "Program":
            program = Found(cls, name, qs, qe + end, index, kind=program_kind(head_word), rule="quote+head")
            if plain_modifier(after[: end - len(head_word)]):
                program.aliases.add(full)
            return program
        entity = Found(cls, name, qs, qe + end, index, rule="quote+head")
        if plain_modifier(after[: end - len(head_word)]):
            entity.aliases.add(full)
        return entity
    if trigger_before(text[max(0, qs - base - 4) : qs - base]) and not after.startswith(CATEGORIES):
        return Found("Program", name, qs, qe, index, rule="quote+trigger")  # (推动“两新”组织…: a kind of body, no program)
    return None


CATEGORIES = tuple(PATTERNS["quotes"]["categories"])
BLOCKERS = tuple(PATTERNS["quotes"]["blockers"]) + CATEGORIES


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


# ---------------------------------------------------------------- suffixes
def find_by_suffix(
    index: int,
    sentence: Sentence,
    tokens: Tokens,
    taken: list[Found],
    units: list[Found],
    quoted: list[tuple[int, int]],
) -> list[Found]:
    """Facilities, partners and programs named by their ending (同心体育馆, 常德职业技术学院, 雷锋哨平台)."""
    found: list[Found] = []
    token_ends = tokens.ends
    unit_ends = {u.end: u for u in units if not u.implicit}
    locative_ends = {u.end for u in units if is_locative(sentence, u)}
    titles = [(sentence.start + m.start(), sentence.start + m.end()) for m in PATTERNS.book_re.finditer(sentence.text)]
    for cls, section, regex in (
        ("Partner", "partners", PATTERNS.partner_suffix_re),
        ("Facility", "facilities", PATTERNS.facility_suffix_re),
        ("Program", "programs", PATTERNS.program_suffix_re),
    ):
        for match in regex.finditer(sentence.text):
            s, e = sentence.start + match.start(), sentence.start + match.end()
            if e not in token_ends or any(f.overlaps(s, e) for f in taken + found if f.cls != "AdministrativeUnit"):
                continue
            if cls == "Program" and any(qs <= s < qe for qs, qe in quoted):
                continue  # a program suffix inside a quote belongs to the quote's own reading
            if cls != "Program" and any(qs < s < qe for qs, qe in quoted):
                continue  # inside a quoted name (“某某物业”): the quote's own reading names it
            if cls != "Partner" and any(bs < s < be for bs, be in titles):
                continue  # 《某某讲堂》, 《某某工程实施方案》: a title names a column or a document, not a place
            host = tokens.containing(s)
            if len(match.group()) == 1 and host is not None and ends_a_word(host.text):
                continue  # a one-character suffix that ends a two-character word (格局, 新格局, 乐队) makes no name
            if cls == "Partner" and regex.match(sentence.text, match.end()):
                continue  # 某某物业服务处: the longer ending that follows names the body
            if cls == "Partner" and (place := PATTERNS.facility_suffix_re.match(sentence.text, match.end())) \
                    and not place.group().endswith("中心"):
                continue  # 某某快递驿站, 某某物业服务站: a place named after the trade it serves
            suffix = match.group()
            if cls == "Partner" and (more := CONTINUED.match(sentence.text, match.end())):
                e, suffix = e + len(more.group()), suffix + more.group()  # 某某物业 + 服务有限公司: one company
            if cls == "Partner" and is_byline(sentence.text, e - sentence.start):
                continue  # 某某晚报记者, 某某网讯: the outlet reporting, not a partner
            entity = name_by_suffix(cls, section, index, sentence, tokens, s, e, suffix, unit_ends, found + taken)
            if entity is not None and cls == "Partner" and is_branch(suffix, entity.name):
                entity = with_parent_body(entity, found, sentence)
            if (entity is not None and entity.unit is not None and entity.unit.end in locative_ends and entity.aliases
                    and entity.rule != "unit+purpose"):  # (某社区文化广场 without its unit is no name)
                entity.name = min(entity.aliases)  # the unit only says where: keep the name without it
                entity.aliases.clear()
                entity.start = entity.unit.end
            if entity is not None:
                found.append(entity)
    return found


PARTNER_ENDINGS = tuple(PATTERNS["partners"]["suffixes"])


def is_locative(sentence: Sentence, unit: Found) -> bool:
    """位于中南社区同心公园旁: the unit says where the name is, it is not part of the name."""
    return sentence.text[: unit.start - sentence.start].endswith(LOCATIVES)


LOCATIVES = tuple(PATTERNS["facilities"]["locatives"])


def name_by_suffix(cls, section, index, sentence, tokens, s, e, suffix, unit_ends, others) -> Found | None:
    table = PATTERNS[section]
    barriers = frozenset(unit_ends) | {f.end for f in others}
    kind = partner_kind(suffix) if cls == "Partner" else None
    longest = table["max_media_stem"] if kind == "media" else table.get("max_stem", 6)
    passing = GOVERNMENT_STEM_TAGS if kind == GOVERNMENT else frozenset()
    start = stem_start(tokens, s, longest, barriers, passing)
    if cls == "Partner" and kind in ("company", "social organisation"):
        # 县供销合作社, 某县供电公司: after a place, a verbal noun says what a firm does. (An alliance so
        # named, 某街道党建服务联盟, is more often the unit's own platform than a body: not here.)
        wider = stem_start(tokens, s, longest, barriers, GOVERNMENT_STEM_TAGS)
        trade = tokens[tokens.starting_before(s) - 1] if start == s and tokens.starting_before(s) else None
        if trade is not None and trade.end == s and trade.text in TRADE_WORDS:
            wider = stem_start(tokens, trade.start, longest - len(trade.text), barriers, GOVERNMENT_STEM_TAGS)  # 某某种植合作社
        if wider < start and (wider in unit_ends or with_level_word(tokens, wider, "")[0] < wider):
            start = wider
    if cls == "Partner":
        start = with_ordinal(tokens, start, s, longest, barriers)
        first = tokens[tokens.starting_before(start)] if start < s else None
        if first is not None and first.start == start and first.end < s and first.text.endswith(PARTNER_ENDINGS):
            start = first.end  # 某供电公司城东供电所 where the company went unnamed: 公司 ends a name, it begins none
    stem = sentence.text[start - sentence.start : s - sentence.start]
    unit = unit_ends.get(start)
    if not stem and (kind == GOVERNMENT or suffix in WHOLE_NAMES) and len(suffix) >= 2 and unit is None:
        return body_of_level(index, sentence, tokens, s, e, suffix, kind)
    if cls == "Facility" and (not stem or is_generic(stem, stem_tokens(tokens, start, s), table)):
        own = named_for_purpose(index, sentence, tokens, s, e, suffix, unit_ends, barriers, longest)
        if own is not None:
            return own
    if not stem:
        if cls == "Facility" and unit is None:
            return coordinated_facility(index, sentence, s, e, others)
        if unit is None or cls == "Program":
            return None
        return Found(cls, sentence.text[unit.start - sentence.start : e - sentence.start], unit.start, e, index, unit=unit,
                     kind=kind, rule="unit+suffix")
    parts = stem_tokens(tokens, start, s)
    if is_generic(stem, parts, table):
        return None
    first_word = parts[0] if parts else stem
    if cls != "Program" and len(first_word) > 1 and first_word[-1] in DESCRIPTIVE_ENDINGS:
        return None  # 大型超市, 开放式书屋: a word of kind or size describes, it does not name
    if cls == "Program" and not program_stem_ok(stem, parts):
        return None
    if unit is not None and cls != "Program":
        begin = written_chain_start(unit, unit_ends) if cls == "Partner" else unit.start  # (宜昌市西陵区某某派出所)
        full = Found(cls, sentence.text[begin - sentence.start : e - sentence.start], begin, e, index, unit=unit, kind=kind, rule="unit+suffix")
        full.aliases.add(stem + suffix)
        return full
    if cls == "Partner" and parts and (parts[0] in PATTERNS.party_kind or parts[0] in LEADING_ROLES):
        # 党支部领办合作社, 书记领办合作社: a party body or leader running a kind of body is a method, not a body
        return Found("Program", stem + suffix, start, e, index, kind="method", rule="method")
    if cls == "Partner" and partner_kind(suffix) == "media" and not is_partnering(sentence.text) and len(sentence.text) < 30:
        return None  # an outlet in a header line is the page's source, not a partner
    start, stem = with_level_word(tokens, start, stem, kind) if cls == "Partner" else (start, stem)
    kind = program_kind(suffix) if cls == "Program" else kind
    return Found(cls, stem + suffix, start, e, index, kind=kind, rule="suffix")


LEADING_ROLES = frozenset(PATTERNS["persons"]["leading_roles"])
TRADE_WORDS = frozenset(PATTERNS["partners"]["trade_words"])
DESCRIPTIVE_ENDINGS = PATTERNS["units"]["descriptive_endings"]


def is_generic(stem: str, parts: list[str], table: dict) -> bool:
    generic = set(table["generic_stems"])
    return stem in generic or bool(parts and all(p in generic for p in parts))


def named_for_purpose(index, sentence, tokens, s, e, suffix, unit_ends, barriers, longest) -> Found | None:
    """某社区文化广场, 某社区体育公园: a unit's own facility, named with the unit, though the words
    between say only what it is for (generic words and verbal nouns, which alone name nothing)."""
    own = stem_start(tokens, s, longest, barriers, GOVERNMENT_STEM_TAGS)
    purpose = sentence.text[own - sentence.start : s - sentence.start]
    if own == s or own not in unit_ends or is_descriptive((stem_tokens(tokens, own, s) or [purpose])[-1]):
        return None
    holder = unit_ends[own]
    full = Found("Facility", sentence.text[holder.start - sentence.start : e - sentence.start], holder.start, e, index,
                 unit=holder, rule="unit+purpose")
    full.aliases.add(purpose + suffix)
    return full


def is_descriptive(word: str) -> bool:
    """大型, 开放式, 星级, 智能化, 综合性: a word of kind, size or rank (文化, 党性 are nouns)."""
    return len(word) > 1 and word[-1] in DESCRIPTIVE_ENDINGS and (len(word) > 2 or word[-1] in "型式级")


def coordinated_facility(index: int, sentence: Sentence, s: int, e: int, others: list[Found]) -> Found | None:
    """某某社区党委、党群服务中心: a bare facility word coordinated with a unit's organisation is that unit's."""
    if sentence.text[s - sentence.start - 1 : s - sentence.start] != "、":
        return None
    org = next((f for f in others if f.cls == "PartyOrganization" and f.end == s - 1 and f.unit is not None), None)
    if org is None:
        return None
    facility = Found("Facility", org.unit.name + sentence.text[s - sentence.start : e - sentence.start], s, e, index,
                     unit=org.unit, rule="coordinated with organisation")
    facility.aliases.add(sentence.text[s - sentence.start : e - sentence.start])
    return facility


def ends_a_word(token: str) -> bool:
    """Whether a token's last character belongs to a two-character word (新格局) rather than
    following a word of its own (民政局 = 民政 + 局, 秧歌队 = 秧歌 + 队)."""
    tags = word_tags()
    if token[-2] in "一二三四五六七八九十":
        return False  # 八局, 三队: a numbered body (某建三局), not a word
    return token[-2:] in tags and not (len(token) > 2 and token[:-1] in tags)


def program_stem_ok(stem: str, parts: list[str]) -> bool:
    """An unquoted program stem is short and not one dictionary word (雷锋哨 yes, 网络 no)."""

    if not 2 <= len(stem) <= 4:
        return False
    return len(parts) >= 2 or stem not in word_tags()


# ------------------------------------------------------------------ events
def find_events(index: int, sentence: Sentence, taken: list[Found]) -> list[Found]:
    """2024年白马湖城市街头篮球争霸赛, 第二届湖南旅发大会."""
    found = []
    for match in PATTERNS.event_re.finditer(sentence.text):
        s, e = sentence.start + match.start(), sentence.start + match.end()
        stem = match.group(1)
        if any(ch in stem for ch in "的了在和与是") or any(f.overlaps(s, e) and f.cls != "AdministrativeUnit" for f in taken):
            continue
        word = match.group()[match.end(1) - match.start() :]
        if len(word) == 1 and stem[-2:] + word in word_tags():
            continue  # 2023年中秋节: a holiday, not an event of the unit's
        event = Found("Program", match.group(), s, e, index, kind="event", rule="event")
        event.aliases.add(match.group()[match.start(1) - match.start() :])
        found.append(event)
    return found


COLUMN_WORDS = tuple(PATTERNS["programs"]["column_words"])


def find_publications(index: int, sentence: Sentence) -> list[Found]:
    """《清芬百姓报》: a bulletin or newspaper a unit runs."""
    found = []
    suffixes = PATTERNS["programs"]["publication_suffixes"]
    for match in PATTERNS.book_re.finditer(sentence.text):
        name = clean_name(match.group(1))
        column = sentence.text.startswith(COLUMN_WORDS, match.end())  # 《某某讲堂》栏目: a column a unit runs
        if 3 <= len(name) <= 10 and (column or any(name.endswith(s) for s in suffixes)):
            found.append(Found("Program", name, sentence.start + match.start(), sentence.start + match.end(), index,
                               kind="platform", rule="publication"))
    return found
