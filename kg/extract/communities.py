"""Communities and villages placed by the gazetteer's table of them, when the article singles one out.

An article names 某某社区 and, somewhere, a district, a city or a township.
The national table lists every community of that name; the one that lies in
a place the article names is the article's, and its parent is its township
when the article names that, else its district when the article names
that. Nothing is placed from a name alone
when the article names places that do not contain it, or when two of its
places hold a community of that name: the chain must be unambiguous.

The same table tells homonyms apart: of two 西湖区, the one that holds the
article's communities is the article's.
"""
from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.text import COMMUNITY_SUFFIXES, is_cjk
from kg.gazetteer import load_gazetteer
from kg.gazetteer.communities import load_communities, township_of

CLS = "AdministrativeUnit"
# How many leading digits of a 12-digit code a division of each level fixes.
PREFIX = {"province": 2, "city": 4, "district": 6, "subdistrict": 9}


def within(code: str, division_code: str) -> bool:
    """Whether the community ``code`` lies in the division ``division_code``."""
    prefix = code_prefix(division_code)
    return prefix is not None and code.startswith(prefix)


def code_prefix(division_code: str) -> str | None:
    """The leading digits every community code in the division has (None for a division of no such level)."""
    division = load_gazetteer().get(division_code)
    if division is None or division.level not in PREFIX:
        return None
    return division_code[: PREFIX[division.level]]


def table_name(name: str) -> str:
    """The name the national table gives a community written in a local form (Shanghai's 某某居民区 is the
    table's 某某社区), or the name itself."""
    for local, listed in LOCAL_FORMS:
        if name.endswith(local) and len(name) > len(local):
            return name[: -len(local)] + listed
    return name


LOCAL_FORMS = tuple(tuple(pair) for pair in PATTERNS["units"]["local_community_forms"])


def join_local_forms(units: list[Found]) -> None:
    """An article that writes a community both in its local form (某某居民区) and in the table's (某某社区)
    names one community: the table's form becomes an alias of the name as written locally."""
    local = {table_name(u.name): u.name for u in units if u.kind == "community" and not u.implicit and table_name(u.name) != u.name}
    for unit in units:
        if unit.kind == "community" and unit.name in local:
            unit.aliases.add(unit.name)
            unit.name = local[unit.name]


def unplaced_communities(units: list[Found]) -> list[Found]:
    return [u for u in units if not u.implicit and u.code is None and u.kind == "community"]


def settle_homonyms(units: list[Found]) -> None:
    """A district or township name with several divisions takes the one that holds the article's communities."""
    gaz, table = load_gazetteer(), load_communities()
    communities = [table.candidates(table_name(u.name)) for u in unplaced_communities(units)]
    communities = [c for c in communities if c]
    if not communities:
        return
    for unit in units:
        if unit.code is not None or unit.rule != "gazetteer":
            continue
        options = [d for d in gaz.lookup(unit.name) if d.level in PREFIX]
        if len(options) < 2:
            continue
        support = [sum(any(within(c, d.code) for c in codes) for codes in communities) for d in options]
        top = max(support)
        if top and support.count(top) == 1:
            division = options[support.index(top)]
            unit.code, unit.kind = division.code, division.level


def place_communities(units: list[Found]) -> None:
    """Give communities their parent from the table: the township, or the district, the article names.

    A community written under a township the article names must lie in it;
    otherwise it must lie in one of the article's coded places, or, when the
    article has none, bear a name no other community bears.
    """
    gaz, table = load_gazetteer(), load_communities()
    by_code = {u.code: u for u in units if u.code}
    article_codes = sorted(by_code)
    # (a community lies in one of the article's places when its code starts with one of their prefixes)
    article_prefixes = tuple(p for p in map(code_prefix, article_codes) if p is not None)
    for unit in unplaced_communities(units):
        listed = table_name(unit.name)
        candidates = table.candidates(listed)
        if not candidates:
            continue
        parent = unit.unit
        if parent is not None and parent.code:
            fits = [c for c in candidates if within(c, parent.code)]
        elif parent is not None:
            names = {parent.name, *parent.aliases}
            fits = [c for c in candidates if (t := gaz.get(township_of(c))) is not None and t.name in names]
        else:
            fits = [c for c in candidates if c.startswith(article_prefixes)]
            if not article_codes and len(candidates) == 1:
                fits = list(candidates)
        townships = {township_of(c) for c in fits}
        if len(townships) != 1:
            continue
        division = gaz.get(townships.pop())
        if division is None:
            continue
        if listed != unit.name:
            unit.aliases.add(listed)  # (the table's name of the community the article writes 某某居民区)
        if parent is not None and parent.code is None:
            parent.code, parent.kind = division.code, division.level  # the township the article names, now placed
            by_code.setdefault(division.code, parent)
            continue
        holder = by_code.get(division.code)
        if holder is None:
            # A township the article leaves out is not added: the table's townships are the state of one
            # year and news often predates a redrawing; the district above it, when the article names it,
            # is firm. Nothing is added that the article does not write: a unit's implicit ancestors are
            # those of its coded parent, which the gazetteer supplies.
            up = gaz.parent(division)
            holder = by_code.get(up.code) if up is not None else None
        if holder is not None:
            unit.unit = holder


def join_misspellings(units: list[Found]) -> None:
    """甲乙李社区 written many times and once 甲乙里社区: a community the table does not list, one
    character off a community of the article that the table lists in the same township, and
    written less often, is a slip of the pen for it (the table's name is the name, the slip an alias)."""
    table = load_communities()
    counts = Counter(u.name for u in units if u.kind == "community" and not u.implicit)
    listed = {}
    for unit in units:
        if unit.kind == "community" and unit.unit is not None and unit.unit.code and unit.name not in listed:
            if any(within(c, unit.unit.code) for c in table.candidates(unit.name)):
                listed[unit.name] = unit.unit.code
    for unit in units:
        if unit.kind != "community" or unit.name in listed or table.candidates(unit.name):
            continue
        parent = unit.unit.code if unit.unit is not None else None
        near = [n for n, code in listed.items() if one_character_off(n, unit.name) and code == parent
                and counts[n] >= MISSPELLING_RATIO * counts[unit.name]]
        if len(near) == 1:
            unit.aliases.add(unit.name)
            unit.name = near[0]


MISSPELLING_RATIO = 3  # a slip is rare: the right name is written at least this many times as often


def one_character_off(a: str, b: str) -> bool:
    """Same length, same last two characters (the level word), one character of the stem different."""
    return len(a) == len(b) >= 4 and a[-2:] == b[-2:] and sum(x != y for x, y in zip(a, b)) == 1


def named_again(sentences, units: list[Found]) -> list[Found]:
    """某社区二居委会, later 二居委会: a numbered committee named again by its number is that unit."""
    found = []
    for committee in [u for u in units if u.rule == "numbered group" and u.aliases]:
        short = min(committee.aliases)
        for i, sentence in enumerate(sentences):
            at = sentence.text.find(short)
            while at >= 0:
                s = sentence.start + at
                if not (at and sentence.text[at - 1] in NUMERALS) and not any(u.start <= s < u.end for u in units):
                    found.append(Found(CLS, committee.name, s, s + len(short), i, kind=committee.kind, unit=committee.unit,
                                       rule="numbered group again", aliases={short}))
                at = sentence.text.find(short, at + 1)
    return found


NUMERALS = "0123456789一二三四五六七八九十第"


def written_again(sentences, tokens, units: list[Found]) -> list[Found]:
    """A village, a community or a township the article named once, written again where the walk over its
    stem did not reach it (after a semicolon, a verb or a list that cuts the stem otherwise): the same name
    standing on token boundaries is that unit. Names of three or more characters; a single character just
    before it that is no function word may be the head of a longer name (某|东村), which it does not join."""
    written = {u.name: u for u in units if u.kind in AGAIN_LEVELS and not u.implicit and len(u.name) >= 3
               and u.rule in ("suffix", "gazetteer")}
    if not written:
        return []
    found = []
    for i, sentence in enumerate(sentences):
        for name, unit in written.items():
            at = sentence.text.find(name)
            while at >= 0:
                s, e = sentence.start + at, sentence.start + at + len(name)
                before = tokens[i][tokens[i].starting_before(s) - 1] if at else None
                if (s in tokens[i].starts and e in tokens[i].ends and not any(u.overlaps(s, e) for u in units + found)
                        and (before is None or len(before.text) > 1 or not is_cjk(before.text) or before.text in STOP_CHARS)):
                    found.append(Found(CLS, name, s, e, i, kind=unit.kind, rule="suffix"))
                at = sentence.text.find(name, at + 1)
    return found


AGAIN_LEVELS = ("community", "subdistrict")


def listed_in_named_townships(tokens, units: list[Found], quoted) -> list[Found]:
    """某镇 …, 向某村捐赠: a name ending in a village's or community's suffix that the suffix rules left (jieba
    tags the word a person's name, 白鹿村; an ordinal cuts the stem, 某某第一社区) is that village or community
    when the national table lists one of that name in a township the article names and placed. The name
    stands on token boundaries; the longest one the table lists is taken, and a compound or community found
    inside it by its own suffix (某某苑|第二社区) is part of it. Returns the units with these."""
    prefixes = tuple(p for p in (code_prefix(u.code) for u in units
                                 if u.code and u.kind == "subdistrict" and not u.implicit) if p is not None)
    if not prefixes:
        return units
    table, found, inside = load_communities(), [], []
    for i, sentence_tokens in enumerate(tokens):
        # (every token of an article that names a township is asked: the ones ending in a suffix are found at C
        # speed, and the names are slices of the sentence's text, which its contiguous tokens make)
        words = list(map(itemgetter(2), sentence_tokens))
        ending = [k for k, word in enumerate(words) if word.endswith(COMMUNITY_SUFFIXES)]
        if not ending:
            continue
        text, base = "".join(words), sentence_tokens[0].start
        here = [u for u in units if u.overlaps(base, sentence_tokens[-1].end)]  # (no other can overlap a name in it)
        for k in ending:
            token = sentence_tokens[k]
            if any(qs <= token.start < qe for qs, qe in quoted[i]):
                continue
            for j in range(max(0, k - MAX_LISTED_TOKENS), k + 1):  # longest first
                first = sentence_tokens[j]
                name = text[first.start - base : token.end - base]
                if len(name) < 3 or len(name) > MAX_LISTED_NAME or not CJK_RUN.fullmatch(name):
                    continue
                within_span = [u for u in here if u.overlaps(first.start, token.end)]
                if any(u.start == first.start and u.end == token.end for u in within_span):
                    break  # the name is found already
                if any(u.start < first.start or u.end > token.end
                       or not (u.kind in PART_LEVELS and not u.code or elsewhere_short_form(u, prefixes))
                       for u in within_span) or any(u.overlaps(first.start, token.end) for u in found):
                    continue
                if any(code.startswith(prefixes) for code in table.candidates(name)):
                    found.append(Found(CLS, name, first.start, token.end, i, kind="community", rule="suffix"))
                    inside += within_span
                    break
    joined = {id(u) for u in inside}
    return [u for u in units if id(u) not in joined] + found if found else units


PART_LEVELS = ("community", "compound")  # what a longer listed name may hold, found by its own suffix
CJK_RUN = re.compile("[\u4e00-\u9fff]+")  # (every character is_cjk)


def elsewhere_short_form(unit: Found, prefixes: tuple[str, ...]) -> bool:
    """上海某街道 … 大连西社区: a division the gazetteer matched by its short form (大连) inside a longer name the
    table lists in a township the article names, and holding none of those townships: no mention of it."""
    if not unit.code or unit.name in unit.aliases or unit.end - unit.start >= len(unit.name):
        return False
    prefix = code_prefix(unit.code)
    return prefix is not None and not any(p.startswith(prefix) for p in prefixes)


MAX_LISTED_TOKENS = 6  # (五里仓|第一|社区, 万|裕|苑|第二|社区: a stem, cut by jieba, and an ordinal before the suffix)
MAX_LISTED_NAME = 12


def listed_from_function_character(tokens, sentence_text: str, base: int, start: int, end: int,
                                   units: list[Found]) -> int:
    """某镇和庄村, 某街道为民村: the walk over a village's stem stops at a function character (和, 为, 向)
    that begins its name. Written right after its township, and listed by the national table under
    that township, the name with that character is the village's: where it starts, else ``start``."""
    i = tokens.starting_before(start) - 1
    if i < 0 or tokens[i].end != start or len(tokens[i].text) > 2 or tokens[i].text[0] not in STOP_CHARS:
        return start
    first = tokens[i].start
    township = next((u for u in units if u.end == first and u.kind == "subdistrict"), None)
    if township is None:
        # 在和美社区, 。和美社区…: at a clause's start a conjunction joins nothing, so it begins the name,
        # when the national table lists a community or village of that name
        opens = i == 0 or tokens[i - 1].text in CLAUSE_OPENERS or not is_cjk(tokens[i - 1].text[-1])
        name = sentence_text[first - base : end - base]
        return first if opens and tokens[i].text in CONJUNCTIONS and load_communities().candidates(name) else start
    gaz, name = load_gazetteer(), sentence_text[first - base : end - base]
    for code in load_communities().candidates(name):
        listed = gaz.get(township_of(code))
        if listed is not None and township.name in (listed.name, *gaz.aliases(listed)):
            return first
    return start


def past_glued_complement(tokens, sentence_text: str, base: int, start: int, end: int) -> int:
    """用|好|某某社区, 用|好X|Y社区: a one-character verb's result (用好, 抓好) stands alone or glued by jieba
    to the stem's first word (好X a word of the dictionary). When the table lists the name without that character and not with
    it, the name begins after it."""
    i = tokens.starting_before(start)
    if not 0 < i < len(tokens) or tokens[i].start != start or tokens[i].text[0] not in RESULT_CHARACTERS:
        return start
    verb = tokens[i - 1]
    if verb.end != start or len(verb.text) != 1 or not is_cjk(verb.text):
        return start
    table = load_communities()
    name = sentence_text[start - base : end - base]
    return start + 1 if table.candidates(name[1:]) and not table.candidates(name) else start


RESULT_CHARACTERS = frozenset(PATTERNS["stems"]["glued_results"])
STOP_CHARS = frozenset(PATTERNS["stems"]["stop_chars"])
CONJUNCTIONS = frozenset(("和", "与", "及", "同"))
CLAUSE_OPENERS = frozenset(PATTERNS["facilities"]["locatives"])  # (在和美社区: a preposition opens the place)
