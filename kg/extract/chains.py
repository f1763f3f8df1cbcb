"""Chains the article writes (某县某某镇某村) where the gazetteer disagrees or is silent.

The 2023 table is the state of one year: a township may be newer than it, or bear the name of one
in another county. Written inside a county the table has, such a township is the article's own
unit (found by its suffix, its sentence its evidence), not the table's homonym. A county's short
name (宁乡 for 宁乡市) written before a township is the county, not the township's first word. And
jieba's dictionary holds a few divisions written with their parent as one word (某省某某自治州).
"""
from __future__ import annotations

from functools import lru_cache, partial
from pathlib import Path

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.segment import dictionary_key, word_tags
from kg.extract.text import Tokens
from kg.gazetteer import load_gazetteer
from kg.gazetteer.communities import load_communities
from kg.model import LEVELS, Sentence, level_rank
from kg.tablecache import load_table, table_key

CLS = "AdministrativeUnit"


def rank(level: str | None) -> int:
    """``kg.model.level_rank``, an unknown level below every known one."""
    return level_rank(level, len(LEVELS))


def follow_written_chains(units: list[Found]) -> None:
    """A township the article writes inside a unit the gazetteer has (某县某某镇) but that the
    gazetteer knows only elsewhere (a homonym in another county, or a township newer than its
    table) is the article's own unit, in the unit written before it: it loses the code of its
    homonym, in every mention of the article, and keeps its level."""
    gaz = load_gazetteer()
    ordered = sorted(units, key=lambda u: (u.start, -u.end))
    elsewhere = set()
    for prev, cur in zip(ordered, ordered[1:]):
        if prev.end != cur.start or not prev.code or not cur.code or cur.kind != "subdistrict":
            continue
        parent = gaz.get(prev.code)
        if parent is None or rank(parent.level) >= rank(cur.kind):
            continue
        inside = [d for d in gaz.lookup(cur.name) if gaz.is_ancestor(parent, d)]
        if len(inside) == 1:
            cur.code = inside[0].code  # the homonym in the parent the article writes
        elif not inside:
            elsewhere.add(cur.name)
    for unit in units:
        if unit.name in elsewhere and unit.code:
            division = gaz.get(unit.code)
            unit.code = None
            if division is not None and division.name != unit.name:
                unit.aliases.discard(division.name)


def following_township(tokens: Tokens, position: int) -> bool:
    following = tokens[position + 1].text if position + 1 < len(tokens) else ""
    # (a township of the table named by its level word: 农场 and the like are words first)
    return PATTERNS.level_of(following) == "subdistrict" and any(
        d.level == "subdistrict" for d in load_gazetteer().lookup(following))


def county_short_form(index: int, sentence: Sentence, tokens: Tokens, start: int, suffix_start: int,
                      end: int | None = None) -> Found | None:
    """The short name of a county or district (宁乡 for 宁乡市) that begins a township's stem, when a
    stem of two characters or more, not a road's name (芙蓉中路街道), is left after it. Given ``end``,
    the name is a village's or community's: the national table must list the rest in that county."""
    i = tokens.starting_before(start)
    first = tokens[i] if i < len(tokens) else None
    if first is None or first.start != start or len(first.text) < 2:
        return None
    rest = sentence.text[first.end - sentence.start : suffix_start - sentence.start]
    if len(rest) < PATTERNS["units"]["min_stem"] or rest.endswith(tuple(PATTERNS["units"]["road_endings"])):
        return None
    county = short_county(index, first)
    if county is None or end is None or sentence.text[suffix_start - sentence.start : end - sentence.start] in TOWNSHIP_SUFFIXES:
        return county
    villages = load_communities().candidates(sentence.text[first.end - sentence.start : end - sentence.start])
    divisions = load_gazetteer().lookup(county.name)
    return county if any(c.startswith(d.code[:6]) for c in villages for d in divisions) else None


TOWNSHIP_SUFFIXES = frozenset(s for s, level in PATTERNS["units"]["suffixes"] if level == "subdistrict")


def short_county(index: int, token) -> Found | None:
    """A unit for a token that is only the short name of a county or district (平阳, 宁乡)."""
    if load_gazetteer().lookup(token.text):
        return None
    divisions = [d for d in load_gazetteer().lookup(token.text, short=True) if d.level == "district"]
    if not divisions:
        return None
    unit = Found(CLS, divisions[0].name if len(divisions) == 1 else token.text, token.start, token.end, index,
                 kind="district", rule="gazetteer")
    unit.aliases.add(token.text)
    return unit


@lru_cache(maxsize=4)
def compound_words(gaz) -> dict[str, tuple[tuple[int, str], ...]]:
    """Words of jieba's dictionary that are a division written with its parent (云南省 + 某某自治州), with
    where each of the two begins: the gazetteer knows each name in full, not the word.

    For the process's own gazetteer the table comes from the per-user table cache (``kg.tablecache``):
    finding the words looks up every long word of jieba's (0.2 s a process), while reading them back
    costs about a millisecond. The key hashes what the words are made from (the dictionary's key covers
    jieba's dictionary, the pattern tables and the gazetteer package) and this module.
    """
    if gaz is load_gazetteer():
        key = table_key([dictionary_key(), Path(__file__).read_bytes()])
        return load_table("compoundwords", key, partial(find_compound_words, gaz))
    return find_compound_words(gaz)


def find_compound_words(gaz) -> dict[str, tuple[tuple[int, str], ...]]:
    """``compound_words`` worked out from jieba's dictionary and the gazetteer."""
    found = {}
    for word in word_tags():
        if len(word) >= 5 and not gaz.lookup(word):
            cut = next((i for i in range(2, len(word) - 1) if gaz.lookup(word[:i]) and gaz.lookup(word[i:])), None)
            if cut is not None:
                found[word] = ((0, word[:cut]), (cut, word[cut:]))
    return found
