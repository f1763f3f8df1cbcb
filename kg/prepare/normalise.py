"""Normalise stage: one canonical form of an article's text, with an exact map back.

Three passes, each a small edit that records where every output character
came from, composed at the end into ``NormalisedText.to_original``:

1. strip pinyin annotations (``社區(qū)``, or ``社區qū`` glued without brackets, -> ``社區``) and the
   line breaks inside the paragraphs of a hard-wrapped page (``unwrap``) — deletions only;
2. fold characters one by one (full-width ASCII, Kangxi and supplement
   radicals, compatibility ideographs, odd spaces, line separators, lone
   surrogates to U+FFFD) — each character becomes at most one character, so
   ``㎡`` and ``℃`` survive;
3. traditional -> simplified with OpenCC ``tw2s`` line by line.

Pinyin goes first because it is written after the *traditional* character
it annotates, and folding goes before OpenCC so that radicals and
compatibility ideographs reach OpenCC as ordinary ideographs.

OpenCC ``tw2s`` is ``t2s`` (phrase-level: its TSPhrases dictionary picks
干燥 for 乾燥 but keeps 乾隆) after Taiwan's variant forms are read as the
standard traditional ones: 跟著, 亮著 (著 for 着) become 跟着, 亮着, which
``t2s`` leaves as they are, since 著 is also the simplified character of
著名. It makes none of ``tw2sp``'s vocabulary swaps (計程車 -> 出租车),
which would rewrite names. It is nearly always one character for
one; where a conversion changes a line's length the line is converted in
smaller pieces and a piece whose length changed is mapped to its span.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from kg.model import NormalisedText
from kg.prepare.unwrap import wrapped_line_breaks

# An edit's index: index[i] is the position in the edit's input that output
# character i comes from; it has len(output) + 1 entries (the end maps too).
Index = list[int]


def _load_tables() -> dict:
    return tomllib.loads(resources.files("kg.prepare").joinpath("normalise.toml").read_text("utf-8"))


_TABLES = _load_tables()


# ------------------------------------------------------------------ pinyin
def _pinyin_patterns(tables: dict) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A pinyin syllable right after a CJK character, bracketed (社區(qū)) and glued on without brackets
    (社區qū, as some converters print it), and a tone-marked letter anywhere (a text without one holds no
    glued syllable). Glued, only a whole run of letters counts (what follows is no letter), so a word written
    after a character in Latin script keeps its first letters."""
    tone_vowels = "".join(tables["tones"])
    letters = f"a-zü{tone_vowels}"
    cjk = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    return (re.compile(rf"(?<=[{cjk}])[(（]([{letters}]{{1,6}})[)）]"),
            re.compile(rf"(?<=[{cjk}])([{letters}]{{1,6}})(?![{letters}A-Z])"),
            re.compile(f"[ü{tone_vowels}]"))


def _syllable_pattern(tables: dict) -> re.Pattern[str]:
    """A toneless pinyin syllable: optional initial + final."""
    initials = "|".join(sorted(tables["initials"], key=len, reverse=True))
    finals = "|".join(sorted(tables["finals"], key=len, reverse=True))
    return re.compile(rf"(?:{initials})?(?:{finals})")


_PINYIN, _GLUED, _TONE_MARK = _pinyin_patterns(_TABLES["pinyin"])
_SYLLABLE = _syllable_pattern(_TABLES["pinyin"])
_TONELESS = str.maketrans(_TABLES["pinyin"]["tones"])


def is_pinyin_syllable(word: str) -> bool:
    """True for a syllable such as ``qū`` or ``lǚ``: grammar-valid and tone-marked (or with ü)."""
    plain = word.translate(_TONELESS)
    marked = plain != word or "ü" in word
    return marked and _SYLLABLE.fullmatch(plain) is not None


def strip_pinyin(text: str) -> tuple[str, Index]:
    """Delete ``(pinyin)`` annotations that follow a CJK character; real brackets stay."""
    return _delete_spans(text, pinyin_spans(text))


def pinyin_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``strip_pinyin`` deletes: bracketed syllables, then glued ones (a tone mark required either way)."""
    spans = [m.span() for m in _PINYIN.finditer(text) if is_pinyin_syllable(m.group(1))]
    if _TONE_MARK.search(text):  # (nearly every page has none: the second pass only where it may find one)
        spans = sorted(spans + [m.span() for m in _GLUED.finditer(text) if is_pinyin_syllable(m.group(1))])
    return spans


def _delete_spans(text: str, spans: list[tuple[int, int]]) -> tuple[str, Index]:
    pieces: list[str] = []
    index: Index = []
    pos = 0
    for start, end in spans:
        pieces.append(text[pos:start])
        index.extend(range(pos, start))
        pos = end
    pieces.append(text[pos:])
    index.extend(range(pos, len(text) + 1))
    return "".join(pieces), index


# ---------------------------------------------------------- character folding
def _fold_table(tables: dict) -> dict[str, str]:
    """Character -> replacement ('' deletes it); built once from the data tables."""
    table: dict[str, str] = {}
    keep = set(tables["width"]["keep"])
    for start, end in tables["width"]["fold_ranges"]:
        for code in range(int(start, 16), int(end, 16) + 1):
            char = chr(code)
            folded = unicodedata.normalize("NFKC", char)
            if char not in keep and folded != char and len(folded) == 1:
                table[char] = folded
    table.update(tables["radicals"])
    table.update(dict.fromkeys(tables["space"]["to_space"], " "))
    table.update(dict.fromkeys(tables["space"]["remove"], ""))
    table.update(dict.fromkeys(tables["space"]["to_newline"], "\n"))
    for start, end in tables["replace"]["to_replacement"]:
        table.update(dict.fromkeys(map(chr, range(int(start, 16), int(end, 16) + 1)), "\ufffd"))
    return table


_FOLD = _fold_table(_TABLES)
_FOLD_ORDINALS = str.maketrans(_FOLD)
# Any character folding changes. Most texts hold none (none of the seeds, the dev set or the 5,000 generated
# pages does), which a search at C speed tells, where translate looks every character up in the table:
# 0.02 s against 0.36 s over the generated pages.
_FOLDABLE = re.compile("[" + "".join(re.escape(char) for char in sorted(_FOLD)) + "]")
_AT_MOST_ONE = all(len(folded) <= 1 for folded in _FOLD.values())


def fold_characters(text: str) -> tuple[str, Index]:
    """Replace each character by its folded form; ``\\r\\n`` becomes one ``\\n``.

    Of a ``\\r\\n`` pair the ``\\n`` is dropped (the ``\\r`` becomes the newline), so
    the end of the line before it maps to the ``\\r``, not past it.

    Nearly every text keeps its length (nothing deleted, no ``\\r\\n``): then
    ``str.translate`` folds it at C speed and the index is the identity.
    """
    folded = fold_in_place(text)
    return (folded, list(range(len(text) + 1))) if folded is not None else fold_one_by_one(text)


def fold_in_place(text: str) -> str | None:
    """The folded text when folding keeps every character's place (the index is the identity), else None."""
    if _AT_MOST_ONE and "\r\n" not in text:
        if not _FOLDABLE.search(text):
            return text
        folded = text.translate(_FOLD_ORDINALS)
        if len(folded) == len(text):  # no replacement is longer, so the same length means none deleted
            return folded
    return None


def fold_one_by_one(text: str) -> tuple[str, Index]:
    """``fold_characters`` character by character, recording where each output character comes from."""
    out: list[str] = []
    index: Index = []
    for i, char in enumerate(text):
        if char == "\n" and i and text[i - 1] == "\r":
            continue
        folded = _FOLD.get(char, char)
        if folded:
            out.append(folded)
            index.append(i)
    index.append(len(text))
    return "".join(out), index


# ------------------------------------------------------ traditional -> simplified
@lru_cache(maxsize=1)
def _converter() -> Callable[[str], str]:
    """OpenCC's tw2s converter, created on first use (loading its dictionaries takes a moment)."""
    import opencc

    return opencc.OpenCC("tw2s").convert


def keeping_standard(convert: Callable[[str], str]) -> Callable[[str], str]:
    """``convert``, leaving as written the characters of the simplified standard that t2s folds (昇)."""
    def run(text: str) -> str:
        converted = convert(text)
        if len(converted) != len(text) or not _ANY_STANDARD.search(text):
            return converted  # (nearly every text: none of them; a length change keeps OpenCC's phrases)
        return "".join(old if old in _STANDARD else new for old, new in zip(text, converted))
    return run


_STANDARD = frozenset(_TABLES["simplified"]["standard"])
# Whether a text holds one of them: a search at C speed, where a set's isdisjoint makes and hashes a string per
# character of the text (5,000 pages of c5000: about 0.2 s).
_ANY_STANDARD = re.compile("[" + "".join(re.escape(char) for char in sorted(_STANDARD)) + "]")

# Where a line is cut into pieces when its converted length differs.
_PIECE = re.compile(r"[^\s,.;:!?，。；：！？、“”‘’()（）《》【】]+|.", re.S)


def already_simplified(text: str, converted: str) -> bool:
    """Whether ``text`` is a simplified page that t2s would only damage: fewer than one Han character in
    ``SIMPLIFIED_PAGE_SHARE`` changes (a traditional page changes about a third). What little t2s changes on
    a simplified page is a character the simplified standard keeps for names (乾城社区, 濛江街道: 干, 蒙) or a
    word of the site's menu (繁體); a page of both scripts is converted whole."""
    if len(converted) != len(text):
        return False  # (a phrase of another length: traditional text)
    changed = sum(a != b for a, b in zip(text, converted))
    return changed * SIMPLIFIED_PAGE_SHARE < len(_HAN.findall(text))


SIMPLIFIED_PAGE_SHARE = 20  # (5 %: simplified pages of the test corpora change at most 1.3 %, traditional ones 30 % and more)
_HAN = re.compile("[\u4e00-\u9fff]")


def to_simplified(text: str, convert: Callable[[str], str] | None = None) -> tuple[str, Index]:
    """Convert to simplified Chinese, keeping the character map exact.

    A line that keeps its length maps one to one. Otherwise it is converted
    piece by piece (runs between punctuation); a piece that still changes
    length maps each output character into the piece's span, in order.
    """
    convert = keeping_standard(convert or _converter())
    lines = text.split("\n")
    # First the whole text in one call: OpenCC's phrases never span a line break, so each line converts as
    # it would alone, and when every line keeps its length (nearly always) the map is the identity. Over
    # the 5,000 generated pages: 0.15 s, against 0.53 s line by line.
    whole = convert(text) if not text.isascii() else text
    if whole != text and already_simplified(text, whole):
        return text, list(range(len(text) + 1))
    if len(whole) == len(text):
        converted = whole.split("\n")
        if len(converted) == len(lines) and all(len(a) == len(b) for a, b in zip(lines, converted)):
            return whole, list(range(len(text) + 1))
    out: list[str] = []
    index: Index = []
    pos = 0
    for line in lines:
        _convert_run(line, pos, convert, out, index, split=True)
        pos += len(line)
        if pos < len(text):  # the newline itself
            out.append("\n")
            index.append(pos)
            pos += 1
    index.append(len(text))
    return "".join(out), index


def _convert_run(
    run: str, start: int, convert: Callable[[str], str], out: list[str], index: Index, *, split: bool
) -> None:
    converted = convert(run) if not run.isascii() else run
    if len(converted) == len(run):
        out.append(converted)
        index.extend(range(start, start + len(run)))
    elif split:
        for piece in _PIECE.finditer(run):
            _convert_run(piece.group(), start + piece.start(), convert, out, index, split=False)
    else:
        out.append(converted)
        span = len(run)
        index.extend(start + min(i * span // len(converted), span - 1) for i in range(len(converted)))


# ------------------------------------------------------------------ the stage
def _compose(outer: Index, inner: Index) -> Index:
    """Map through two edits: ``inner`` applied first, then ``outer``."""
    return list(map(inner.__getitem__, outer))


def normalise(text: str) -> NormalisedText:
    """Simplified, width-folded text without pinyin annotations, and its map to ``text``."""
    # The first two edits only delete: one that kept the length changed nothing, and its index is the
    # identity (as it is for nearly every text), so it is neither made nor composed with (it would only copy).
    cuts = pinyin_spans(text)
    if breaks := wrapped_line_breaks(text):  # (a hard-wrapped page: its paragraphs' line breaks go too)
        cuts = sorted(cuts + breaks)
    stripped, to_raw = _delete_spans(text, cuts) if cuts else (text, None)
    folded = fold_in_place(stripped)
    folded, to_stripped = (folded, None) if folded is not None else fold_one_by_one(stripped)
    simplified, to_folded = to_simplified(folded)
    to_original = to_folded if to_stripped is None else _compose(to_folded, to_stripped)
    to_original = to_original if to_raw is None else _compose(to_original, to_raw)
    return NormalisedText(simplified, tuple(to_original))
