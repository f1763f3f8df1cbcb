"""Long names transliterated from Mongolian, Uyghur, Kazakh or Tibetan, written without the dot that
often joins their parts (嘎查达某某某某某某骑着摩托车, 副书记某某某某某表示): five to seven characters of
the transliteration guides' usage, right after a role, ending where a verb, a mark, a function character
or a word of two characters or more begins; four of them before an adverb or a verb. (Fewer characters
are read by ``spoken``, dotted names by ``persons``.)"""
from __future__ import annotations

from kg.extract.patterns import PATTERNS
from kg.extract.segment import tokenize, word_tags
from kg.extract.spoken import before_a_verb, marked_end, plainly_ended
from kg.extract.text import POST_VERBS

TRANSLITERATION_CHARS = frozenset(PATTERNS["persons"]["transliteration_chars"].strip())
SIZES = (7, 6, 5)
SHORTEST = 4
DOT = "·"


def long_name(text: str, pos: int) -> str | None:
    """The longest run of five to seven transliteration characters at ``pos`` that ends plainly (a verb,
    a mark, a function character or a listed follower after it) and holds no word of another kind."""
    if text[pos + SHORTEST - 1 : pos + SHORTEST] not in TRANSLITERATION_CHARS or text[pos : pos + 1] not in TRANSLITERATION_CHARS:
        return None  # (most names after a role: a Han name of two or three characters, then other words)
    run = 0
    while run < SIZES[0] + 1 and pos + run < len(text) and text[pos + run] in TRANSLITERATION_CHARS:
        run += 1
    if run < SHORTEST or run > SIZES[0] or text.startswith(DOT, pos + run):
        return None  # (most names: fewer characters of the guides in a row; more than seven is no name; a dot
        # joins the part to the next: the dotted name's)
    for cut in range(SHORTEST, run):
        if text.startswith(POST_VERBS, pos + cut):
            run = cut  # 某某某某|任会长: the verb of taking a post ends the name, though its character may be a name's
            break
    name = text[pos : pos + run]
    following = tokenize(text[pos + run : pos + run + 8])[0] if pos + run < len(text) else ""
    if text[pos + run - 1 : pos + run + 1] in word_tags():
        return None  # the run's last character begins the next word: 某某某来|到, a Han name of three and 来到
    if run == SHORTEST:  # four: before an adverb or what ends any name (次仁旺堆刚从地里回来), or a verb (…到会, …是)
        ended = (marked_end(text, pos + run) or word_tags().get(following, "")[:1] in ("d", "v")
                 or before_a_verb(text, pos + run) or text.startswith(POST_VERBS, pos + run))  # (任 is tagged a pronoun)
    else:  # (骑着马: a word begins)
        ended = plainly_ended(text, pos + run) or len(following) > 1
    return name if ended and not any(map(is_other_word, tokenize(name))) else None


def is_other_word(token: str) -> bool:
    """A word of two characters or more that jieba's dictionary gives a tag no name's word has (a verb,
    an adverb, a place it knows): the run is words of a sentence, not a name. (The guides' characters
    include function characters, 不 of 阿不都 and 都 of 满都拉, so single characters are not asked.)"""
    return len(token) > 1 and word_tags().get(token, "nr")[0] not in NAME_TAG_STARTS


NAME_TAG_STARTS = ("n", "x")
