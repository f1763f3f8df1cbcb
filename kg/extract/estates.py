"""Compounds named in a list before a count and a kind of estate (有甲园、乙居、丙苑3个小区, 甲、乙等4个自然村).

Estates are named without their kind word when a count of them follows:
each item of the list is a compound, named as the article writes it, and
the count must agree with the items (a list read wrong names nothing). An
item the article also names with the kind word (甲居小区) is that compound.
"""
from __future__ import annotations

import re

from kg.extract.found import Found
from kg.extract.lists import count_of, listed_items
from kg.extract.patterns import PATTERNS, alternation
from kg.extract.text import Tokens, stem_tokens
from kg.extract.unitstems import is_generic_stem
from kg.model import Sentence

TABLE = PATTERNS["units"]["listed_estates"]
HEADS = tuple(TABLE["heads"])
COUNTED_ESTATES = re.compile(
    f"等?([一二两三四五六七八九十]|\\d{{1,2}})个(?:{alternation(TABLE['modifiers'])})?({alternation(TABLE['heads'])})")


def find_listed_estates(index: int, sentence: Sentence, tokens: Tokens, units: list[Found]) -> list[Found]:
    """The items of a list right before a count and an estate's kind word, as compounds."""
    text = sentence.text
    found: list[Found] = []
    if "个" not in text or not any(head in text for head in HEADS):
        return found  # (most sentences: no count of estates)
    for match in COUNTED_ESTATES.finditer(text):
        count = count_of(match.group(1))
        items = listed_items(text[: match.start()], sentence, tokens)
        if count is None or count < 2 or len(items) != count:
            continue
        for s, e, item in items:
            start, end = sentence.start + s, sentence.start + e
            if any(u.overlaps(start, end) for u in units) or is_generic_stem(item, stem_tokens(tokens, start, end)):
                continue  # (named already, or a word that describes: 老旧、新建两个小区)
            found.append(Found("AdministrativeUnit", item, start, end, index, kind="compound",
                               rule=f"listed:{match.group(2)}"))
    return found


def join_listed(units: list[Found]) -> None:
    """甲居 of a list, 甲居小区 elsewhere in the article: the compound named with its kind word."""
    names = {u.name for u in units}
    for unit in units:
        if unit.rule.startswith("listed:") and (full := unit.name + unit.rule[7:]) in names:
            unit.aliases.add(unit.name)
            unit.name = full
