"""Bodies named by a bare level word (区民政局, 县人民医院, 市司法局): the article's own district's, county's or
city's, named after it (某某区民政局, alias 区民政局).

Local news writes the bureaus, hospitals and schools of its own district with the level word alone, as it writes
社区党委 for its own community's committee (``party``) and 社区党群服务中心 for its centre (``standard``). Such a
body is settled to the unit of that level the article has written before it, as a reference is to what it
refers back to; one named only after the body (in a sidebar, a footer's address) is not enough, for then the
article never says which district it means. Of several such units, the one last written in the body's sentence
or else its paragraph; none there, none. An article that writes no unit of the level at all (a village's story
that never names its county) means the one the gazetteer places all its places in, when there is exactly one.
The unit's name must end in the level word itself (区 of 某某区, not of a county), and the level word must be a
word of its own (区|民政局, not 市场|监管局).
"""
from __future__ import annotations

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.segment import tokenize

LEVEL_OF = {word: level for word, level in PATTERNS["units"]["generic_words"].items() if word in ("区", "县", "市")}
# bodies and the party bodies named after them (区市场监督管理局机关党支部 of the district's bureau)
LEVELLED_CLASSES = ("Partner", "PartyOrganization")
SHORTEST_REST = 2  # 区|医院: what follows the level word is a body's name of two characters or more


def level_word(name: str) -> str | None:
    """The bare level word ``name`` begins with, as a word of its own (区 of 区民政局), or None."""
    head = name[:1]
    if head not in LEVEL_OF or len(name) - 1 < SHORTEST_REST:
        return None
    return head if tokenize(name)[0] == head else None


def settle_level_bodies(others: list[Found], units: list[Found], sentence_paragraph: list[int]) -> None:
    """Name each partner or party body written with a bare level word after the article's unit of that level, in
    place."""
    bare = [(f, word) for f in others if f.cls in LEVELLED_CLASSES and (word := level_word(f.name)) is not None]
    for found, word in bare:  # (most articles: none)
        written = [u for u in units if named_by(u, word) and not u.implicit]
        unit = antecedent(found, written, sentence_paragraph) if written else implied(units, word)
        if unit is None:
            continue  # the article writes no such unit before it: the body keeps the name it is written with
        found.aliases.add(found.name)
        found.name = unit.name + found.name[len(word):]


def named_by(unit: Found, word: str) -> bool:
    """Whether a unit is one a bare level word names: of its level, its name ending in the word; 市 also names a
    county-level city (某某市 of the district level), which writes its own bureaus 市司法局 too."""
    return unit.name.endswith(word) and (unit.kind == LEVEL_OF[word] or word == CITY_WORD and unit.kind == "district")


CITY_WORD = "市"


def implied(units: list[Found], word: str) -> Found | None:
    """The one unit of the level word the gazetteer places above every place the article writes (a story of a
    community of one county, which it never names: 县林业局 is that county's), when the article writes no such
    unit at all; with two (places in two counties; a county-level city and the city above it), none."""
    above = {u.name: u for u in units if named_by(u, word) and u.implicit}
    return next(iter(above.values())) if len(above) == 1 else None


def antecedent(found: Found, units: list[Found], sentence_paragraph: list[int]) -> Found | None:
    """The unit ``found`` refers back to: the only one written before it, else the last one before it in its
    sentence, else in its paragraph."""
    earlier = sorted((u for u in units if u.start < found.start), key=lambda u: u.start)
    if len({u.name for u in earlier}) == 1:
        return earlier[-1]
    paragraph = sentence_paragraph[found.sentence]
    return (next((u for u in reversed(earlier) if u.sentence == found.sentence), None)
            or next((u for u in reversed(earlier) if sentence_paragraph[u.sentence] == paragraph), None))
