"""Names given in lists: a head shared by the items before it, and the other members of a list of partners.

- Distributed heads: 红、橙、黄三支志愿服务队 is three teams, 红志愿服务队 and the
  rest; “甲”“乙”两个党群驿站 is two stations. The count must agree with the
  items, so a list boundary that is read wrong names nothing.
- Lists of partners: in 甲公司、乙小学、丙医院、丁眼科等多家单位 the items
  the suffix rules name are partners, and so is every other item of the same
  list (丁眼科): a list of bodies holds bodies, whatever their names end with.
"""
from __future__ import annotations

import re

from kg.extract.found import Found
from kg.extract.partners import partner_kind
from kg.extract.patterns import PATTERNS, alternation
from kg.extract.segment import word_tags
from kg.extract.text import VERB_TAGS, Tokens, clause_start, clean_name, is_cjk, stem_start
from kg.model import Sentence

_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def count_of(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    return _NUMERALS.get(numeral)


def _heads() -> list[tuple[str, str]]:
    table = PATTERNS["lists"]
    return [(h, "Partner") for h in table["partner_heads"]] + [(h, "Facility") for h in table["facility_heads"]]


HEAD_CLASS = dict(_heads())
_COUNTED_HEAD = re.compile(
    f"([一二两三四五六七八九十]|\\d{{1,2}})(?:{alternation(PATTERNS['lists']['measure_words'])})({alternation(HEAD_CLASS)})"
)
_SEPARATORS = re.compile(alternation(PATTERNS["lists"]["separators"]))
_QUOTED_RUN = re.compile(r"(?:“[^“”]{1,12}”)+$")


def find_distributed(index: int, sentence: Sentence, tokens: Tokens, taken: list[Found]) -> tuple[list[Found], list[Found]]:
    """红、橙、黄三支志愿服务队 and “甲”“乙”两个驿站: one name per item, each item + the head.

    Also returns the spans of the counts and heads, as claims for the suffix
    rules (两个党群驿站 is no name of its own); they are not entities.
    """
    found: list[Found] = []
    claims: list[Found] = []
    text = sentence.text
    for match in _COUNTED_HEAD.finditer(text):
        count, head = count_of(match.group(1)), match.group(2)
        before = text[: match.start()]
        items = _quoted_items(before) or listed_items(before, sentence, tokens)
        if count is None or len(items) != count or count < 2:
            continue
        spans = [(sentence.start + s, sentence.start + e) for s, e, _ in items]
        if any(f.overlaps(s, e) for f in taken for s, e in spans):
            continue
        claims.append(Found(HEAD_CLASS[head], "", sentence.start + match.start(), sentence.start + match.end(), index))
        for (s, e), (_, _, item) in zip(spans, items):
            name = clean_name(item) + head
            entity = Found(HEAD_CLASS[head], name, s, e, index, rule="distributed head", aliases={clean_name(item)})
            if entity.cls == "Partner":
                entity.kind = partner_kind(head)
            found.append(entity)
    return found, claims


def _quoted_items(before: str) -> list[tuple[int, int, str]]:
    """The quoted names standing side by side right before the count (“甲”“乙”两个…)."""
    run = _QUOTED_RUN.search(before)
    if run is None:
        return []
    return [(run.start() + m.start(), run.start() + m.end(), m.group(1))
            for m in re.finditer(r"“([^“”]{1,12})”", before[run.start():])]


def listed_items(before: str, sentence: Sentence, tokens: Tokens) -> list[tuple[int, int, str]]:
    """The items of the 、-list that ends where ``before`` ends, the first trimmed to a name."""
    start = clause_start(before, len(before), ",，;；:：。")
    pieces, pos = [], start
    for sep in _SEPARATORS.finditer(before, start):
        pieces.append((pos, sep.start()))
        pos = sep.end()
    pieces.append((pos, len(before)))
    if len(pieces) < 2:
        return []
    first_start, first_end = pieces[0]
    trimmed = stem_start(tokens, sentence.start + first_end, PATTERNS["lists"]["max_item"]) - sentence.start
    pieces[0] = (max(first_start, trimmed), first_end)
    items = []
    for s, e in pieces:
        item = before[s:e]
        if not 2 <= len(item) <= PATTERNS["lists"]["max_item"] or not all(is_cjk(ch) for ch in item):
            return []
        items.append((s, e, item))
    return items


_CLAUSE = re.compile(r"[^,，;；:：。!！?？]+")
# 等 + an optional count + a noun for bodies: 等10余家单位, 等多个社会组织
_LIST_OF_BODIES = re.compile(
    f"等[\\d一二三四五六七八九十百余多个家名支]*(?:{alternation(PATTERNS['lists']['partner_list_nouns'])})")
_FIRMS_OF_TRADES = re.compile(
    f"等[\\d一二三四五六七八九十百余多个家]*(?:{alternation(PATTERNS['lists']['firm_list_nouns'])})")
_ITEM_SEPARATOR = re.compile("、")
_LAST_SEPARATOR = re.compile(alternation(s for s in PATTERNS["lists"]["separators"] if s != "、"))


def find_listed_partners(index: int, sentence: Sentence, tokens: Tokens, found_here: list[Found]) -> list[Found]:
    """The other members of a list of partners (甲公司、乙小学、丁眼科等单位 → 丁眼科).

    A list is one of partners when it ends in 等 and a noun for bodies
    (等多家单位, 等社会组织) or when two of its items are partners already.
    Its items named as facilities (“某某”服务中心) act as partners here and
    are read as partners; items the rules left unnamed become partners.
    """
    text, base = sentence.text, sentence.start
    added: list[Found] = []
    if "、" not in text:
        return added  # no list of two items or more without its separator (most sentences)
    for clause in _CLAUSE.finditer(text):
        if text.find("、", clause.start(), clause.end()) < 0:
            continue  # (nor in a clause without one)
        items = after_partnering_word(text, _items(text, clause.start(), clause.end(), sentence, tokens))
        if len(items) < 2:
            continue
        named = [next((f for f in found_here if f.overlaps(base + s, base + e)), None) for s, e in items]
        items, named = _up_to_its_predicate(items, named, tokens, base)
        partners = [f for f in named if f is not None and f.cls == "Partner"]
        if not _LIST_OF_BODIES.match(text, items[-1][1]) and len(partners) < 2:
            continue
        of_trades = _FIRMS_OF_TRADES.match(text, items[-1][1]) is not None  # (餐饮、家政等企业)
        for (s, e), entity in zip(items, named):
            if entity is not None:
                if entity.cls == "Facility" and entity.start >= base + s and entity.end <= base + e:
                    entity.cls, entity.rule = "Partner", entity.rule + "+partner list"
                continue
            if _nameable(text[s:e]) and not _opens_with_a_function_word(tokens, base + s) \
                    and not (of_trades and _is_a_trade(text[s:e])):
                added.append(Found("Partner", text[s:e], base + s, base + e, index, rule="partner list"))
    return added


def _up_to_its_predicate(items, named, tokens: Tokens, base: int):
    """甲局、乙局就丙和丁作了讲解: an item whose name is followed, inside the item, by a verb or a
    preposition holds the list's predicate, so the list ends with that item; what the predicate's own
    和 joins (丙, 丁) are its objects, not more members."""
    for k, ((s, e), entity) in enumerate(zip(items, named)):
        if entity is not None and entity.end < base + e and _opens_with_a_function_word(tokens, entity.end):
            return items[: k + 1], named[: k + 1]
    return items, named


def _opens_with_a_function_word(tokens: Tokens, at: int) -> bool:
    """检修线路、安排医护: an item that begins with a verb, an adverb, a preposition or a pronoun is a deed
    or a phrase, not a body's name."""
    i = tokens.starting_before(at)
    token = tokens[i] if i < len(tokens) and tokens[i].start == at else None
    # (a one-character word is tagged by chance: 爱 of a brand's name is no verb)
    return token is not None and len(token.text) > 1 and word_tags().get(token.text) in NOT_A_NAME_START


NOT_A_NAME_START = VERB_TAGS | frozenset(PATTERNS["lists"]["not_name_start_tags"])


def after_partnering_word(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """甲社区党委、服务中心联合乙、丙、丁: the list of partners begins after the word that joins
    them to the actors; what stands before it are the actors."""
    for i in range(len(items) - 1, -1, -1):
        s, e = items[i]
        at = max(text.rfind(word, s, e) for word in PARTNERING_WORDS)
        if at >= 0:
            word = next(w for w in PARTNERING_WORDS if text.startswith(w, at))
            return [(at + len(word), e)] + items[i + 1 :]
    return items


PARTNERING_WORDS = tuple(PATTERNS["partners"]["triggers"])


def _items(text: str, start: int, end: int, sentence: Sentence, tokens: Tokens) -> list[tuple[int, int]]:
    """The spans of the items of the 、-list in text[start:end], if it holds one (the last ends before 等)."""
    stop = text.find("等", start, end)
    end = stop if stop >= 0 else end
    pieces, pos = [], start
    for sep in _ITEM_SEPARATOR.finditer(text, start, end):
        pieces.append((pos, sep.start()))
        pos = sep.end()
    if not pieces:
        return []
    last = (pos, end)
    joined = next((m for m in _LAST_SEPARATOR.finditer(text, *last) if separates(tokens, sentence.start + m.start(), m.group())), None)
    if joined is not None and joined.start() > pos:
        pieces += [(pos, joined.start()), (joined.end(), end)]
    else:
        pieces.append(last)
    first_start, first_end = pieces[0]
    trimmed = stem_start(tokens, sentence.start + first_end, PATTERNS["lists"]["max_listed"]) - sentence.start
    pieces[0] = (max(first_start, trimmed), first_end)
    if stop < 0:  # a list not closed by 等 runs on into its verb (…以及某某中心牵头)
        last_start, last_end = pieces[-1]
        pieces[-1] = (last_start, _without_trailing_verb(tokens, sentence.start + last_start, sentence.start + last_end) - sentence.start)
    return [(s, e) for s, e in pieces if s < e]


def separates(tokens: Tokens, at: int, separator: str) -> bool:
    """Whether a conjunction at ``at`` stands as a word of its own (the 与 of 参与, 和 of 和谐 joins nothing)."""
    i = tokens.starting_before(at + 1)
    return not i or (tokens[i - 1].start == at and tokens[i - 1].end == at + len(separator))


def _without_trailing_verb(tokens: Tokens, start: int, end: int) -> int:
    """Where the last item ends once the verb that follows it is cut off (…中心牵头 → …中心)."""
    for i in range(tokens.starting_before(end) - 1, -1, -1):
        tok = tokens[i]
        if tok.start < start or tok.end > end or word_tags().get(tok.text) not in VERB_TAGS:
            break
        end = tok.start
    return end


def _is_a_trade(item: str) -> bool:
    """餐饮、家政等企业: one dictionary word of a common noun says which trade the firms are in."""
    return word_tags().get(item) in TRADE_ITEM_TAGS


TRADE_ITEM_TAGS = frozenset(PATTERNS["lists"]["trade_item_tags"])


def _nameable(name: str) -> bool:
    return 2 <= len(name) <= PATTERNS["lists"]["max_listed"] and all(is_cjk(ch) or ch.isalnum() for ch in name)
