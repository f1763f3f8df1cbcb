"""Administrative units: find them, place them in the hierarchy, complete it from the gazetteer.

Three sources, in order of trust:
1. names the gazetteer knows (official names, safe aliases; province and city
   short forms such as 湖南, 常德), found as jieba tokens;
2. names below the gazetteer's depth, found by their suffix (社区, 村, 小区,
   居民组, and 街道/镇/乡 the gazetteer lacks) with a stem walked left over tokens;
3. names written with their parents (长沙市望城区高塘岭街道): adjacent units chain.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from operator import itemgetter

from kg.extract.chains import compound_words, county_short_form, following_township, rank, short_county
from kg.extract.communities import listed_from_function_character, past_glued_complement
from kg.extract.tabled import tabled_start
from kg.extract.found import Found
from kg.extract.index import LastBefore
from kg.extract.quotes import name_quote_spans
from kg.extract.patterns import PATTERNS, alternation
from kg.extract.segment import word_tags
from kg.extract.text import (FOUNDING_VERBS, HOMELAND_WORDS, Tokens, TokenSpan, clause_start, is_cjk, past_predicate, previous_token, splits_a_word,
                             stem_start, stem_tokens)
from kg.extract.unitstems import CLASS_POINTERS, is_description, is_generic_stem, is_word_like, numbered_stem, strip_level_suffix
from kg.gazetteer import load_gazetteer
from kg.gazetteer.communities import load_communities
from kg.model import Sentence

CLS = "AdministrativeUnit"
BODY_ENDINGS = tuple(e for e in PATTERNS["partners"]["suffixes"] if len(e) >= 2)  # (not 局, 所: 某局村 may be a name)
ZONE_WORDS = frozenset(PATTERNS["units"]["zone_words"])  # (经开区, 高新区: a zone's kind, kept whole by the tokenizer)
SHORT_FORM_LEVELS = ("province", "city")


def gazetteer():

    return load_gazetteer()


# ----------------------------------------------------------------- finding
def find_gazetteer_units(index: int, tokens: Tokens) -> list[Found]:
    gaz = gazetteer()
    found = []
    candidates = lookup_candidates(gaz)
    if candidates.isdisjoint(map(itemgetter(2), tokens)):  # (the tokens' texts, at C speed)
        return found  # (most sentences: no token is worth looking up)
    compounds = compound_words(gaz)
    for position, tok in enumerate(tokens):
        if tok.text not in candidates:
            continue  # no name nor short form of a division (most tokens), or a bare level word
        if tok.text in ZONE_WORDS and (zone := longer_division_name(gaz, tokens, position)) is not None:
            start, name, divisions = zone  # 义安|经开区: a zone the table lists, written with its kind's short form
            found = [f for f in found if f.end <= start]
            found.append(table_unit(index, start, tok.end, divisions, name, written_short=True))
            continue
        if tok.text in ZONE_WORDS and not gaz.lookup(tok.text):
            continue  # (a zone's kind alone, which no division bears)
        if position and verb_and_level_word(tok.text) and word_tags().get(tokens[position - 1].text, "")[:1] in ("d", "v", "c"):
            continue  # 社区将|联合街道|社区卫生服务中心: a verb (联合) and a bare level word after an adverb, no 联合街道
        if tok.text in compounds:  # 某省|某某自治州 as jieba's one word: both divisions
            for at, name in compounds[tok.text]:
                found.append(Found(CLS, name, tok.start + at, tok.start + at + len(name), index,
                                   kind=gaz.lookup(name)[0].level, rule="gazetteer"))
            continue
        if splits_a_word(tokens, tok.end):
            continue  # 发展乡|村: 发展|乡村, jieba took a division's name across two words
        if position and COUNTED.match(tokens[position - 1].text) and is_word_like(tok.text):
            continue  # 紧邻一处工业园区: a counted kind of place, though some division is called so
        divisions = gaz.lookup(tok.text)
        short = False
        if not divisions and len(tok.text) >= 2:
            following = tokens[position + 1].text if position + 1 < len(tokens) else ""
            if following in PATTERNS.name_suffix_words:
                continue  # 大同社区: a short form that begins a longer name is no city
            divisions = tuple(d for d in gaz.lookup(tok.text, short=True) if d.level in SHORT_FORM_LEVELS)
            short = True
        if not divisions:
            if (county := short_county(index, tok)) is not None and following_township(tokens, position):
                found.append(county)  # 平阳|鳌江镇: a county's short name before a township of the table
            continue
        start, name = tok.start, tok.text
        if not short and (longer := longer_division_name(gaz, tokens, position)) is not None:
            start, name, divisions = longer  # 义安|经济|开发区: the zone's whole name, not the bare 开发区 some divisions bear
            found = [f for f in found if f.end <= start]
        found.append(table_unit(index, start, tok.end, divisions, name, written_short=short))
    return found


def table_unit(index: int, start: int, end: int, divisions: tuple, written: str, written_short: bool) -> Found:
    """The unit the table's ``divisions`` name, written ``written`` from ``start`` to ``end``; its level when they
    agree on one. A short form written (常德, 某某经开区) gives the name to the table's one division, and is its alias."""
    levels = {d.level for d in divisions}
    unit = Found(CLS, written, start, end, index, kind=divisions[0].level if len(levels) == 1 else None, rule="gazetteer")
    if written_short:
        unit.name = divisions[0].name if len(divisions) == 1 else written
        unit.aliases.add(written)
    return unit


def verb_and_level_word(name: str) -> bool:
    """Whether a division's name is a stop word (a verb the rules know: 联合, 依托) and a bare level word (街道, 社区)."""
    return any(name.endswith(level) and name[: -len(level)] in PATTERNS.stop_words for level in GENERIC_LEVEL_WORDS)


GENERIC_LEVEL_WORDS = tuple(PATTERNS["units"]["generic_words"])


def longer_division_name(gaz, tokens: Tokens, position: int) -> tuple[int, str, tuple] | None:
    """Where a longer name of the table begins that the tokens right before ``position`` and its own make
    (义安|经济|开发区: the table names the zone whole; jieba's dictionary holds no zone, which is no statutory
    division, so it cuts the name), and its divisions; the longest of up to three tokens before."""
    best = None
    name = tokens[position].text
    for before in range(position - 1, max(position - 4, -1), -1):
        tok = tokens[before]
        if tok.end != tokens[before + 1].start or not all(map(is_cjk, tok.text)):
            break
        name = tok.text + name
        if divisions := gaz.lookup(name):
            best = (tok.start, name, divisions)
    return best


@lru_cache(maxsize=4)
def lookup_candidates(gaz) -> frozenset[str]:
    """What ``find_gazetteer_units`` looks up: division names and short forms of two characters or more that
    are no bare level word (街道 is no place, even where a town bears that name). One set test skips most tokens."""
    generic_words, unit_level = PATTERNS["units"]["generic_words"], PATTERNS.unit_level
    names = frozenset(n for n in gaz.known_names() if len(n) >= 2 and n not in generic_words and not unit_level.get(n))
    return names | frozenset(compound_words(gaz)) | ZONE_WORDS


def find_suffix_units(index: int, sentence: Sentence, tokens: Tokens, taken: list[Found],
                      quoted: list[tuple[int, int]] | None = None) -> tuple[list[Found], list[tuple[int, str]]]:
    """Units named by suffix; also the positions of bare generic unit words ("社区").

    Inside quotation marks a suffix does not make a unit: “情暖社区” is a
    column or a slogan, and a real place the quote names is named elsewhere too.
    """

    quoted = name_quote_spans(sentence) if quoted is None else quoted  # (the caller may have found them already)

    table = PATTERNS["units"]
    found: list[Found] = []
    generic: list[tuple[int, str]] = []
    token_ends = tokens.ends
    barriers = frozenset(u.end for u in taken)
    for match in PATTERNS.unit_suffix_re.finditer(sentence.text):
        s, e = sentence.start + match.start(), sentence.start + match.end()
        suffix_start = s
        if e not in token_ends or any(u.overlaps(s, e) for u in taken + found) or splits_a_word(tokens, e) \
                or splits_a_word(tokens, s):
            continue  # (发展乡|村: 发展|乡村, jieba cut a word in two where the name would end or its suffix begin)
        office = (sentence.text.startswith(table["office_suffix"], match.end())
                  and PATTERNS.unit_level[match.group()] == "subdistrict")
        if UNIT_SUFFIX_AT.match(sentence.text, match.end()) and not office:
            continue  # 某某苑小区: the longer name ends with the suffix that follows (not 某某街道 before its 办事处)
        stops = barriers | {u.end for u in found}
        if match.group() == table["office_suffix"] and s in stops:
            continue  # 某某街道|办事处: the office of the unit just named
        host, place_word = tokens.containing(s), False
        if host is not None and host.text in word_tags() and host.end == e:
            if not is_place_token(host.text, host.start in stops):
                listed = listed_after_parent(tokens, host, stops)
                if listed is None:
                    continue  # the suffix ends a dictionary word of its own: 农村, 城镇, 乡村
                host = TokenSpan(listed, host.end, sentence.text[listed - sentence.start : host.end - sentence.start])
            s, place_word = host.start, True  # a place word that ends in the suffix (新村) ends the name: 某某新村
        level = PATTERNS.unit_level[match.group()]
        if any(qs < s < qe for qs, qe in quoted):
            continue
        walked = numbered_stem(tokens, stem_start(tokens, s, table["max_stem"].get(level, 5), stops), s, match.group())
        start = past_predicate(tokens, walked, s) if walked < s else named_after_parent(tokens, s, taken + found, match.group())
        licensed = walked == s and start < s  # (the national table names the stem: it describes nothing)
        listed_start = listed_from_function_character(tokens, sentence.text, sentence.start, start, e, taken + found)
        if listed_start == start and suffix_start - start < table["min_stem"] + 1:  # (a short stem: cut by a verb or 和?)
            listed_start = tabled_start(sentence.text, sentence.start, start, suffix_start, e, level, taken + found)
        start, listed = listed_start, listed_start < start  # (the table's name stands even if its stem is a word)
        if not listed and (glued := past_glued_complement(tokens, sentence.text, sentence.start, start, e)) > start:
            start, listed = glued, True  # (用|好|某某社区: the table's name after the verb's result)
        if level in ("subdistrict", "community") and (county := county_short_form(index, sentence, tokens, start, suffix_start, e)):
            found.append(county)  # 宁乡|金玉镇, 凌云|某某村: the county's short name leads the name, it is not part of it
            start = county.end
        if start < suffix_start and (first := tokens[tokens.starting_before(start)]).start == start \
                and len(first.text) > 1 and first.text in FOUNDING_VERBS and first.end <= suffix_start - MIN_NAMED_STEM:
            # 村党支部|领办|某某村茶叶合作社 (jieba tags 领办 a noun): a verb of founding begins no name, when a name
            # of its own follows it (新建|巷社区: the verb's characters are the name's)
            start = first.end
        whole = start == s and place_word and s in stops  # 某县某镇古城村: written right after its parent, the word is the name
        if start == s and not whole:
            if not place_word:
                generic.append((s, level))
            continue
        if suffix_start - start < table["min_stem"] or COUNTED.match(previous_token(tokens, start)) \
                or COUNTED_TEXT.search(sentence.text, max(0, start - sentence.start - 4), start - sentence.start) \
                or previous_token(tokens, start) in CLASS_POINTERS or counted_before_de(sentence.text, start - sentence.start) \
                or predicated_after_de(sentence.text, start - sentence.start, sentence.text[start - sentence.start : e - sentence.start]) \
                or classifies_a_unit(tokens, start, s, stops):
            continue  # (是一个纯农业村, 其他|产茶|村, 是一个山水环绕的古镇社区: a count or a pointer to many, a kind)
        stem = sentence.text[start - sentence.start : s - sentence.start]
        if previous_token(tokens, s) == WHOLE and not licensed and not listed:
            continue  # 年内全|街道, 今年全|镇: the whole unit the passage is about, no name (a county named so is tabled)
        if level == "community" and stem.endswith(BODY_ENDINGS):
            continue  # 某某派出所|社区民警: a body's own word for its officer of a community, no community's name
            # (a compound may bear a body's name: 某公司家属院)
        parts = stem_tokens(tokens, start, s)
        if host is not None and start <= host.start < suffix_start:
            # 新|塘村, 新|塘|村: the head of the word the suffix ends is the stem's too
            parts.append(sentence.text[host.start - sentence.start : suffix_start - sentence.start])
        whole_stem = sentence.text[start - sentence.start : suffix_start - sentence.start]
        if (is_generic_stem(whole_stem, parts) or not licensed and is_description(parts, level, start in stops, match.group())) and not listed:
            continue
        if not licensed and not listed and holds_a_clause(parts):
            continue  # 楼里|像|个|大院, 网格员|每天|巡|楼院: a verb and its measure word, or how often, say what a place is like
        if len(match.group()) == 1 and stem and stem[-1] in table["size_words"]:
            continue  # 小苑, 大院: a size word and a one-character suffix make a common noun
        if match.group() in HOMELAND_SUFFIXES and whole_stem.endswith(HOMELAND_WORDS):
            continue  # 某县佤乡, 苗乡: a people's homeland, a literary word (a township of a people is 某某族乡)
        before = previous_token(tokens, host.start) if place_word else ""
        if before and len(host.text) == 2 == len(before) and before[0] == host.text[0] \
                and word_tags().get(before[0], "").startswith("v"):
            continue  # 爱国|爱乡: two words that begin with one verb, a set phrase (南镇|南村 is a name)
        unit = Found(CLS, sentence.text[start - sentence.start : e - sentence.start], start, e, index, kind=level,
                     rule="suffix")
        if match.group() == table["office_suffix"] and not as_subdistrict(unit, stem):
            continue
        found.append(unit)
    return found, generic


def listed_after_parent(tokens: Tokens, host, stops: frozenset[int]) -> int | None:
    """某镇|海|良村: a word of the dictionary that ends in the suffix (良村), after one or two characters written
    right after a unit (its parent), makes with them a name the national table lists: where it begins."""
    i = tokens.starting_before(host.start)
    before = tokens[i - 1] if i else None
    if before is None or before.end != host.start or len(before.text) > 2 or before.start not in stops \
            or not all(is_cjk(ch) for ch in before.text):
        return None
    return before.start if load_communities().candidates(before.text + host.text) else None


def named_after_parent(tokens: Tokens, end: int, units: list[Found], suffix: str) -> int:
    """Where a community's stem begins when the walk took nothing: the one word between a township or a
    district written before it and its suffix, a verb to jieba, is its name when communities or villages of
    the national table bear that name (某街道胜利社区, 某镇前进村; not 某街道推进社区, nor 某社区创新社区治理)."""
    i = tokens.starting_before(end)
    word = tokens[i - 1] if i else None
    if word is None or word.end != end or len(word.text) < 2 or PATTERNS.unit_level[suffix] != "community":
        return end
    parent = next((u for u in units if u.end == word.start), None)
    if parent is None or parent.kind not in PARENT_LEVELS or not load_communities().candidates(word.text + suffix):
        return end
    return word.start


PARENT_LEVELS = ("subdistrict", "district")


def is_place_token(word: str, after_unit: bool) -> bool:
    """Whether a dictionary word that ends in a unit suffix is a place's name: a place word (新村),
    or, written right after a unit (its parent), a word jieba tags as some other proper name (古城村)."""
    tag = word_tags()[word]
    return tag == "ns" or after_unit and tag in PATTERNS["units"]["chained_name_tags"]


COUNTED = re.compile(PATTERNS["units"]["counted"])
COUNTED_TEXT = re.compile(PATTERNS["units"]["counted"].lstrip("^"))  # (14|个: the count cut from its measure word)
HOMELAND_SUFFIXES = ("乡",)
UNIT_SUFFIX_AT = re.compile(alternation(s for s, _ in PATTERNS["units"]["suffixes"] if len(s) > 1))


def classifies_a_unit(tokens: Tokens, start: int, s: int, unit_ends: set[int] | frozenset[int]) -> bool:
    """某社区是老城社区: after a unit and a copula, one common word before the suffix says what kind of place the
    unit is (an old town's, a migrants' village), it names no other."""
    i = tokens.starting_before(start)
    if i < 2 or tokens[i - 1].end != start or tokens[i - 1].text not in COPULAS \
            or not (tokens[i - 2].end in unit_ends or tokens[i - 2].text.endswith(UNIT_SUFFIXES)):
        return False
    stem = tokens[i : tokens.starting_before(s)]
    return len(stem) == 1 and word_tags().get(stem[0].text, "") in KIND_WORD_TAGS


KIND_WORD_TAGS = frozenset(("n", "a", "an", "b", "vn"))
UNIT_SUFFIXES = tuple(s for s, _ in PATTERNS["units"]["suffixes"])


def counted_before_de(text: str, at: int) -> bool:
    """是一个山水环绕的古镇社区: a count opening the clause's noun phrase, then 的 right before the stem: the
    phrase describes a kind of place (a name takes no count)."""
    if not text.startswith("的", at - 1):
        return False
    clause = clause_start(text, at - 1, CLAUSE_MARKS)
    count = COUNT_IN_CLAUSE.search(text, clause, at - 1)
    return count is not None and text.endswith(COPULAS, clause, count.start())


def predicated_after_de(text: str, at: int, name: str) -> bool:
    """某村是浅山地区的传统农业村: a copula in the clause, then 的 right before the stem, and a name the national
    table does not hold: the predicate says what kind of place the subject is (这里是某镇的某某村, with a real
    village's name, names it)."""
    if not text.startswith("的", at - 1):
        return False
    clause = clause_start(text, at - 1, CLAUSE_MARKS)
    return any(text.find(copula, clause, at - 1) >= 0 for copula in COPULAS) and not load_communities().candidates(name)


WHOLE = "全"
COPULAS = ("是", "为", "成为", "属于")  # (X是一个…的某某社区 classifies X; 走了一个多小时来到…的某某村 does not)


COUNT_IN_CLAUSE = re.compile(PATTERNS["units"]["counted_description"])
CLAUSE_MARKS = ",，;；:：。!！?？、“”"


def as_subdistrict(unit: Found, stem: str) -> bool:
    """某某办事处 is the subdistrict 某某街道 when the gazetteer knows that name; else it is no unit."""
    name = stem + PATTERNS["units"]["office_level_suffix"]
    if not gazetteer().lookup(name):
        return False
    unit.aliases.add(unit.name)
    unit.name = name
    return True


def find_numbered_groups(index: int, sentence: Sentence, units: list[Found]) -> list[Found]:
    """某某社区13组: a numbered group of the community or village just before it."""
    found = []
    for unit in units:
        if unit.kind != "community":
            continue
        rel = unit.end - sentence.start
        match = PATTERNS.numbered_group_re.match(sentence.text, rel)
        # 某社区二居委会: a numbered residents' committee of it, a community of its own
        committee = None if match else PATTERNS.numbered_committee_re.match(sentence.text, rel)
        if match or committee:
            group = Found(CLS, unit.name + (match or committee).group(), unit.start, sentence.start + (match or committee).end(),
                          index, kind="compound" if match else "community", rule="numbered group")
            group.unit = unit
            if committee:
                group.aliases.add(committee.group())  # 二居委会: how the story names it again
            found.append(group)
    return found





# ------------------------------------------------------------------ placing
def settle_gazetteer(units: list[Found], text: str = "") -> list[Found]:
    """Give gazetteer units their division, choosing among homonyms by the article's other places.

    Returns the units to keep: a district or township whose name is also an
    everyday word (老城区) and that no other place of the article supports is
    read as the word.
    """
    gaz = gazetteer()
    names = sorted({u.name for u in units} | {a for u in units for a in u.aliases})
    placed = gaz.place(names, short=True)
    divisions = {placed[n] for n in names if n in placed}
    supported: dict[str, bool] = {}  # by code: a word-like name is asked about once, not per mention

    def is_supported(division) -> bool:
        if division.code not in supported:
            supported[division.code] = any(
                gaz.is_ancestor(d, division) or gaz.is_ancestor(division, d) for d in divisions
            )
        return supported[division.code]

    kept = []
    parent_ends = written_parent_ends(units)
    for unit in units:
        division = placed.get(unit.name)
        if (unit.rule == "gazetteer" and division is None and len(gaz.lookup(unit.name)) > 1
                and len(strip_level_suffix(unit.name)) < 2):
            continue  # 城区, 东区: a level word with one character before it names several divisions, none supported
        if (unit.rule == "gazetteer" and division is not None and division.level in ("district", "subdistrict")
                and is_word_like(unit.name) and not is_supported(division)
                and not is_written_as_place(unit, division, parent_ends, text)):
            continue
        kept.append(unit)
    for unit in kept:
        division = placed.get(unit.name) or next((placed[a] for a in sorted(unit.aliases) if a in placed), None)
        if division is None:
            continue
        unit.code = division.code
        unit.kind = division.level
        if division.name != unit.name and unit.name in unit.aliases:
            unit.name = division.name  # 某省's short form among homonyms (a prefecture's too): the article's places chose it
        elif division.name != unit.name:
            unit.aliases.add(division.name)
    return kept


def written_parent_ends(units: list[Found]) -> dict[int, str]:
    """Where each unit begins, with the highest level begun there: a unit that ends there is written
    as its parent (某县|某某镇), which the article states whether or not the gazetteer agrees."""
    starts: dict[int, str] = {}
    for u in units:
        if u.kind and rank(u.kind) < rank(starts.get(u.start)):
            starts[u.start] = u.kind
    return starts


def is_written_as_place(unit: Found, division, parent_ends: dict[int, str], text: str) -> bool:
    """攸县, 房山区, 会同县: a division whose name is also a word (or one character and its level word),
    written right before a unit of a lower level (攸县某某镇, 房山区某某社区) or before its own party
    committee or government (富强乡党委), is that division. A word for a part of any town (老城区,
    城中区) or a direction and a level word (东区) is not made a place so."""
    stem = strip_level_suffix(unit.name)
    table = PATTERNS["units"]
    if stem == unit.name or stem in PATTERNS.generic_unit_stems or stem in table["town_part_stems"]:
        return False
    if len(stem) == 1 and not unit.name.endswith(tuple(table["one_character_stem_suffixes"])):
        return False
    if text.startswith(OWN_BODY_WORDS, unit.end):
        return True
    return unit.end in parent_ends and rank(division.level) < rank(parent_ends[unit.end])


OWN_BODY_WORDS = tuple(PATTERNS["units"]["own_body_words"])


def join_extended(units: list[Found]) -> None:
    """某某新村 and 某某新村社区 in one article: a name the article also writes with a level
    suffix after it is that unit, named in short, also when the short name of the article's
    township or district leads it (甲乙某某新村 beside 甲乙街道 and 某某新村社区)."""
    longer = {u.name: u for u in units if not u.implicit and u.kind == "community"}
    compounds = {u.name: u for u in units if not u.implicit and u.kind == "compound"}
    # 东站某某新村 beside 某某新村社区 and 东站街道: the short name of a unit of the article may lead the short form
    leads = {strip_level_suffix(u.name) for u in units if u.kind in ("district", "subdistrict") and not u.implicit}
    for unit in units:
        if unit.implicit or unit.code:
            continue
        target = next((longer[unit.name + w] for w in EXTENDING_WORDS if unit.name + w in longer), None)
        if target is None and unit.kind == "community":
            target = next((longer[unit.name[len(lead):] + w] for lead in sorted(leads) for w in EXTENDING_WORDS
                           if unit.name.startswith(lead) and unit.name[len(lead):] + w in longer), None)
        if target is None and unit.kind == "compound":
            target = compound_of(unit, compounds)
        if target is not None:
            if unit.kind != "compound" or unit.name in target.name:  # (甲乙物业某某花苑 is no form of its name)
                unit.aliases.add(unit.name)
            unit.name, unit.kind = target.name, target.kind


def compound_of(unit: Found, compounds: dict[str, Found]) -> Found | None:
    """某某花苑 beside 某某花苑小区: the same compound, named in short; 甲乙物业某某花苑 (a firm's name before
    it, from a body named after both) beside 某某花苑 alone: that compound."""
    if unit.name + COMPOUND_WORD in compounds:
        return compounds[unit.name + COMPOUND_WORD]
    inner = next((c for n, c in sorted(compounds.items()) if len(n) >= 3 and unit.name.endswith(n) and unit.name != n
                  and unit.name[: -len(n)].endswith(TRADE_HEADS)), None)
    return compounds.get(inner.name + COMPOUND_WORD, inner) if inner is not None else None


EXTENDING_WORDS = ("社区",)
COMPOUND_WORD = "小区"
TRADE_HEADS = ("物业", "公司", "集团")  # what ends a firm's name written before its compound's (甲乙物业|某某花苑)


def chain_units(units: list[Found], text: str) -> None:
    """Adjacent units written together: each lies in the one before it."""
    ordered = sorted(units, key=lambda u: (u.start, -u.end))
    for prev, cur in zip(ordered, ordered[1:]):
        if prev.end == cur.start and rank(prev.kind) < rank(cur.kind) and cur.unit is None:
            cur.unit = prev
            head = prev
            while head.unit is not None and head.unit.end == head.start:
                head = head.unit
            cur.aliases.add(text[head.start : cur.end])


MIN_NAMED_STEM = 2
GENERAL_MEASURE = "个"  # (像|个, 是|个; not the measure words a name may hold: 三|爱|堂楼院)
EVERY = "每"  # 每天, 每周, 每月: how often something is done


def holds_a_clause(parts: list[str]) -> bool:
    """Whether a stem's words make a clause rather than a name: a verb right before the general measure word (像|个),
    or a word of how often (每天), neither of which a place's name holds."""
    return any(word_tags().get(a, "").startswith("v") and b == GENERAL_MEASURE for a, b in zip(parts, parts[1:])) \
        or any(len(p) == 2 and p.startswith(EVERY) for p in parts)


def place_units(units: list[Found], sentence_paragraph: list[int]) -> None:
    """Parents for units the gazetteer and the name structure left unplaced, from the article's structure."""
    by_level: dict[str, list[Found]] = {}
    for u in units:
        by_level.setdefault(u.kind or "", []).append(u)
    # Placing a unit changes no unit's level, name or offsets: one index per level serves them all.
    passages: dict[str, PassageUnits] = {}
    for unit in units:
        if unit.unit is not None or unit.code is not None and unit.kind not in ("community", "compound"):
            continue
        parent_level = {"community": "subdistrict", "compound": "community", "subdistrict": "district"}.get(unit.kind or "")
        if parent_level is None:
            continue
        if parent_level == "subdistrict" and not by_level.get(parent_level):
            parent_level = "district"  # (某社区地处某市某区: an article that names no street places it in the district)
        if parent_level not in passages:
            passages[parent_level] = PassageUnits(by_level.get(parent_level, []), sentence_paragraph)
        unit.unit = passages[parent_level].nearest(unit)


class PassageUnits:
    """The units a passage may be about, indexed once: each question costs O(log n).

    ``nearest(mention)`` is the candidate that comes last (in the order given)
    among those before the mention in its sentence, else in its paragraph,
    else the article's most mentioned candidate; when every candidate has
    the same name, the first candidate.
    """

    def __init__(self, candidates: list[Found], sentence_paragraph: list[int]):
        self._only = candidates[0] if len({c.name for c in candidates}) == 1 else None
        self._main = main_unit(candidates)
        self._paragraph = sentence_paragraph
        self._in_sentence = LastBefore(candidates, key=lambda c: c.sentence, position=lambda c: c.start)
        self._in_paragraph = LastBefore(candidates, key=lambda c: sentence_paragraph[c.sentence], position=lambda c: c.start)

    def nearest(self, mention: Found) -> Found | None:
        if self._only is not None or self._main is None:
            return self._only
        return (
            self._in_sentence.last_before(mention.sentence, mention.start)
            or self._in_paragraph.last_before(self._paragraph[mention.sentence], mention.start)
            or self._main
        )


def main_unit(candidates: list[Found]) -> Found | None:
    """The most mentioned of these units (first mentioned on a tie)."""
    if not candidates:
        return None
    counts = Counter(c.name for c in candidates)
    top = max(counts.values())
    return next(c for c in candidates if counts[c.name] == top)


def implied_ancestors(units: list[Found]) -> list[Found]:
    """The gazetteer ancestors the article leaves out (武陵区 → 常德市 → 湖南省), as implicit units."""
    gaz = gazetteer()
    by_code = {u.code: u for u in units if u.code}
    implied: list[Found] = []
    for unit in sorted((u for u in units if u.code), key=lambda u: u.start):
        child = unit
        division = gaz.get(unit.code)
        for ancestor in gaz.ancestors(division):
            parent = by_code.get(ancestor.code)
            if parent is None:
                parent = Found(CLS, ancestor.name, unit.start, unit.end, unit.sentence, kind=ancestor.level,
                               code=ancestor.code, implicit=True, rule="gazetteer")
                by_code[ancestor.code] = parent
                implied.append(parent)
            if child.unit is None or child.unit.code != ancestor.code and child.code:
                child.unit = parent
            child = parent
            if not parent.implicit:
                break
    return implied
