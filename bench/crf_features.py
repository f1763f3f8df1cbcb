"""The features of bench/crf_probe.py's character CRF: one list of strings per character, in a fixed order.

Groups (``FEATURE_SETS`` names the combinations the cross-validation tried):
``chars`` the character, its neighbours at -2..+2, the bigrams around it and
the character types (Han, digit, Latin, punctuation, quotation mark, space);
``jieba`` the jieba word the character is in (a private ``jieba.Tokenizer``,
dictionary cut with HMM off, via ``jieba.posseg``): its position B/M/E/S and
part of speech, and the neighbours' parts of speech; ``tables`` whether a word
of the small kind tables below ends at the character, before it or after it;
``gazetteer`` whether it is inside a name of kg's national division table
(longest match); ``quotes`` whether it is inside a quotation or book-title
mark pair; ``words`` the jieba word itself. The tables are general kind words
(from the gold format's definitions of the classes), nothing taken from a page.
"""
from __future__ import annotations

from functools import lru_cache

# Kind words (general, from the gold format's own definitions of the classes, not from any page).
UNIT_SUFFIXES = ("省", "市", "区", "县", "旗", "盟", "州", "镇", "乡", "街道", "苏木", "社区", "村", "嘎查", "小区")
PARTY_WORDS = ("党委", "党工委", "党总支", "党支部", "党小组", "团委", "工委", "组织部", "党组")
FACILITY_HEADS = ("中心", "站", "馆", "室", "园", "广场", "驿站", "食堂", "书屋", "之家", "基地", "公寓", "厅")
PARTNER_HEADS = ("公司", "学校", "学院", "大学", "中学", "小学", "医院", "协会", "商会", "合作社", "队", "局",
                 "所", "银行", "联合会", "事务所", "集团")
PROGRAM_HEADS = ("工程", "行动", "计划", "项目", "模式", "品牌", "工作法", "活动", "课堂", "服务")
TABLES = (("unit", UNIT_SUFFIXES), ("party", PARTY_WORDS), ("fac", FACILITY_HEADS),
          ("ptn", PARTNER_HEADS), ("prg", PROGRAM_HEADS))
QUOTES = set("“”‘’\"'「」『』《》〈〉【】")

FEATURE_SETS = {  # the combinations cross-validated (bench/crf-probe.md); crf_probe.DEFAULT names the one chosen
    "chars": ("chars",),
    "chars+jieba": ("chars", "jieba"),
    "chars+jieba+tables": ("chars", "jieba", "tables"),
    "all": ("chars", "jieba", "tables", "gazetteer"),
    "all+quotes": ("chars", "jieba", "tables", "gazetteer", "quotes"),
    "all+words": ("chars", "jieba", "tables", "gazetteer", "words"),
    "all+quotes+words": ("chars", "jieba", "tables", "gazetteer", "quotes", "words"),
}
OPENING, CLOSING = "“‘「『《〈【", "”’」』》〉】"


@lru_cache(maxsize=1)
def pos_tokenizer():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


@lru_cache(maxsize=1)
def gazetteer_names() -> frozenset[str]:
    from kg.gazetteer import load_gazetteer

    return frozenset(n for n in load_gazetteer().dictionary_words() if len(n) > 1)


def char_type(ch: str) -> str:
    if ch in QUOTES:
        return "Q"
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L"
    if ch.isspace():
        return "S"
    return "P"


def word_features(text: str) -> list[tuple[str, str, str]]:
    """(B/M/E/S, part of speech, the word) of the jieba word each character is in."""
    out = []
    for word, flag in pos_tokenizer().cut(text, HMM=False):
        n = len(word)
        out += [("S", flag, word)] if n == 1 else [("B", flag, word)] + [("M", flag, word)] * (n - 2) + [("E", flag, word)]
    return out


def quote_depth(text: str) -> list[str]:
    """Per character, whether it is inside a quotation or book-title mark pair (the marks themselves: no)."""
    depth, out = 0, []
    for ch in text:
        if ch in CLOSING:
            depth = max(0, depth - 1)
        out.append("1" if depth and ch not in OPENING else "0")
        if ch in OPENING:
            depth += 1
    return out


def gazetteer_marks(text: str) -> list[str]:
    names, marks, i = gazetteer_names(), ["O"] * len(text), 0
    while i < len(text):
        for n in range(min(12, len(text) - i), 1, -1):
            if text[i:i + n] in names:
                marks[i:i + n] = ["B"] + ["I"] * (n - 1)
                i += n - 1
                break
        i += 1
    return marks


def table_marks(text: str) -> list[list[str]]:
    """Per character, the tables one of whose words ends there (``unit``, ``party``, ...)."""
    ends: list[list[str]] = [[] for _ in text]
    for label, words in TABLES:
        for word in words:
            at = text.find(word)
            while at >= 0:
                if label not in ends[at + len(word) - 1]:
                    ends[at + len(word) - 1].append(label)
                at = text.find(word, at + 1)
    return ends


def sequence_features(text: str, groups: tuple[str, ...]) -> list[list[str]]:
    padded = "^^" + text + "$$"
    words = word_features(text) if "jieba" in groups else None
    tables = table_marks(text) if "tables" in groups else None
    gaz = gazetteer_marks(text) if "gazetteer" in groups else None
    quoted = quote_depth(text) if "quotes" in groups else None
    if "words" in groups and words is None:
        words = word_features(text)
    out = []
    for i in range(len(text)):
        c = padded[i:i + 5]  # c[2] is the character
        f = ["bias", f"c0={c[2]}", f"c-1={c[1]}", f"c+1={c[3]}", f"c-2={c[0]}", f"c+2={c[4]}",
             f"b-1={c[1:3]}", f"b+1={c[2:4]}", f"b-2={c[0:2]}", f"b+2={c[3:5]}", f"t0={char_type(c[2])}",
             f"t-1={char_type(c[1])}", f"t+1={char_type(c[3])}"]
        if "jieba" in groups:
            f += [f"w0={words[i][0]}", f"p0={words[i][1]}", f"wp={words[i][0]}{words[i][1]}"]
            f += [f"p-1={words[i - 1][1]}" if i else "p-1=^", f"p+1={words[i + 1][1]}" if i + 1 < len(text) else "p+1=$"]
        if tables is not None:
            f += [f"end={label}" for label in tables[i]]
            f += [f"end-1={label}" for label in (tables[i - 1] if i else [])]
            f += [f"end+1={label}" for label in (tables[i + 1] if i + 1 < len(text) else [])]
        if gaz is not None:
            f.append(f"gz={gaz[i]}")
        if quoted is not None:
            f.append(f"q={quoted[i]}")
        if "words" in groups:
            # the word, and the word of the character before (the previous word where a word begins)
            f += [f"w={words[i][2]}", f"wc-1={words[i - 1][2]}" if i else "wc-1=^"]
        out.append(f)
    return out
