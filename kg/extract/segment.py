"""Segment stage: split an article's body into sentences and tokenise them with jieba.

One jieba dictionary per process, with kg's user words (the gazetteer's
names and the extractors' suffix words), never jieba's global tokenizer: the
global one is module-level mutable state and cannot be pickled into worker
processes. The finished dictionary is kept in the per-user table cache
(``kg.tablecache``), and ``wordcut`` cuts with it as jieba's own cut would.
HMM is off: it is slow on long texts and invents words across name
boundaries; the extractors work on dictionary tokens and their own patterns.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import logging
import marshal
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from kg.extract.patterns import PATTERNS
from kg.extract.storedtags import StoredTags, split_tags
from kg.extract.wordcut import alone_weight, cut_weighted, word_weights
from kg.gazetteer import load_gazetteer
from kg.model import Article, Sentence
from kg.tablecache import load_table, table_key

# A sentence ends at 。！？!?; or a line break; a closing quote that follows stays with it.
# An ASCII ?/! followed by a letter is mojibake of a lost character (智慧益?zhèn)}), not an end.
_SENTENCE = re.compile(r"(?:[^。！？!?；;\n]|[!?](?=[A-Za-z]))+(?:(?:[。！？；;]|[!?](?![A-Za-z]))+[”’」』]?)?")


@lru_cache(maxsize=1)
def dictionary() -> tuple[dict[str, int], int, list[str]]:
    """The process's finished jieba dictionary: (FREQ, total, fused words), what ``tokenize`` cuts with.

    It comes from the per-user table cache (``kg.tablecache``) when that holds
    one for these word lists, without importing jieba; it is the dictionary
    ``build_dictionary`` makes, so the tokens are the same.
    """
    return load_table("tokenizer", dictionary_key(), build_dictionary)


@lru_cache(maxsize=1)
def cut_weights() -> tuple[dict[str, float], float]:
    """What ``tokenize`` cuts with: the dictionary's ``word_weights`` and ``alone_weight``, every word's.

    ``tokenize`` itself reads only the parts of the table its texts need (``stored_weights``); this is
    the whole table, every part read.
    """
    stored = stored_weights()
    stored.load_all()
    return stored.weights, stored.alone


@lru_cache(maxsize=1)
def stored_weights() -> "StoredWeights":
    """The process's word weights, read part by part as texts need them (``StoredWeights``).

    A table of its own in the table cache, under the dictionary's key: a
    process that finds it there reads neither jieba nor the dictionary's
    counts (working the weights out from them takes about 0.2 s).
    """
    def build() -> tuple[bytes, list[bytes], float]:
        freq, total, _ = dictionary()
        return split_weights(word_weights(freq, total)) + (alone_weight(total),)

    # the key adds wordcut.py, which works the weights out (this module, which splits them, is in the dictionary's)
    key = table_key([dictionary_key(), (Path(__file__).parent / "wordcut.py").read_bytes()])
    return StoredWeights(*load_table("cutweightparts", key, build))


# The word weights (561,000 words and prefixes) are kept in parts by their first two characters: a rebuild that
# cuts ten articles (11,000 characters) reads 6,000 parts, 84,000 entries, in 0.03 s of CPU, where reading the
# whole table costs about 0.2 s (reading every part costs the same as the table in one piece). Looking at a
# text's pairs costs about 0.2 s per million characters, so after LAZY_CHARACTERS the rest is read at once.
WEIGHT_PARTS = 65536
LAZY_CHARACTERS = 100_000


def weight_part(first: str, second: str) -> int:
    """The part of the weights that holds the words beginning with these two characters."""
    return (ord(first) * 40503 + ord(second)) % WEIGHT_PARTS


def split_weights(weights: dict[str, float]) -> tuple[bytes, list[bytes]]:
    """(the one-character words and prefixes, the rest in WEIGHT_PARTS parts by ``weight_part``), marshalled;
    an empty part is b"" (what the table cache keeps)."""
    singles: dict[str, float] = {}
    parts: list[dict[str, float]] = [{} for _ in range(WEIGHT_PARTS)]
    for word, weight in weights.items():
        if len(word) == 1:
            singles[word] = weight
        else:
            parts[weight_part(word[0], word[1])][word] = weight
    return marshal.dumps(singles), [marshal.dumps(part) if part else b"" for part in parts]


class StoredWeights:
    """The word weights ``cut_weighted`` takes (``weights``, ``alone``), filled in as texts need them.

    ``cut_weighted`` asks for each character of a text alone and for longer
    pieces of it that begin at that character, so a text needs the
    one-character entries (always read) and the words beginning with one of
    its pairs of adjacent characters: ``cover(text)`` reads the parts of
    those pairs, and the table then answers every question the cut of that
    text asks as the whole table would. Once LAZY_CHARACTERS have been
    looked at, every part is read and texts are no longer looked at (a large
    build needs most of the table, and looking costs more than reading it).
    """

    def __init__(self, singles: bytes, parts: list[bytes], alone: float) -> None:
        self.weights: dict[str, float] = marshal.loads(singles)
        self.alone = alone
        # the blocks cut with these weights (``wordcut.remembered_cut``): a block's parts are read before it
        # is first cut, and reading more parts or the whole table changes no cut of it
        self.cuts: dict[str, bytes | tuple[int, ...]] = {}
        # the tokens of whole texts cut with these weights (``tokenize``): a sentence repeated (c5000's 78,920
        # sentences are 25,113 distinct texts) is split into its blocks and sliced again only once; its tokens
        # are one shared copy of each word (``words``), not strings of its own (those held 79 MB at c5000, the
        # shared ones some 12 MB with the texts)
        self.texts: dict[str, tuple[str, ...]] = {}
        self.words: dict[str, str] = {}
        self._stored: tuple[bytes, list[bytes]] | None = (singles, parts)
        self._unread: list[bytes | None] = list(parts)
        self._looked_at = 0  # characters

    def cover(self, text: str) -> None:
        """Read the parts the cut of ``text`` needs (none once every part is read)."""
        if self._stored is None:
            return
        self._looked_at += len(text)
        if self._looked_at >= LAZY_CHARACTERS:
            self.load_all()
            return
        weights, unread = self.weights, self._unread
        for part in {weight_part(a, b) for a, b in zip(text, text[1:])}:
            data = unread[part]
            if data is not None:
                if data:
                    weights.update(marshal.loads(data))
                unread[part] = None

    def load_all(self) -> None:
        """Every part, into a table of its own: the parts read so far were made among the objects of the
        texts cut meanwhile, and kept they would hold the memory of those texts after the table is dropped
        (a full build of 1,000 articles peaked 17-25 MB higher so)."""
        if self._stored is not None:
            singles, parts = self._stored
            weights = marshal.loads(singles)
            for data in parts:
                if data:
                    weights.update(marshal.loads(data))
            self.weights = weights
            self._stored = self._unread = None

    @property
    def complete(self) -> bool:
        return self._stored is None


def build_dictionary() -> tuple[dict[str, int], int, list[str]]:
    """jieba's dictionary with the user words added and the fused words deleted: (FREQ, total, fused words)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for word, freq in user_words():
        tok.add_word(word, freq)
    fused = fused_words(tok.FREQ)
    for word in fused:
        tok.del_word(word)
    return tok.FREQ, tok.total, fused


def dictionary_key() -> str:
    """A hash of what the finished dictionary is made from: jieba's dictionary, and the code and data
    ``user_words`` and ``fused_words`` read (this module, the pattern tables, the gazetteer package).

    Hashing these files, not the word list itself, spares each process
    listing the gazetteer's names (about 0.1 s) only to look the list up.
    """
    here = Path(__file__).parent
    sources = [here / "segment.py", here / "patterns.py", here / "extract.toml"]
    gazetteer = Path(str(files("kg.gazetteer")))
    sources += sorted(p for p in gazetteer.iterdir() if p.is_file() and p.suffix in (".py", ".toml", ".gz", ".tsv"))
    return table_key([_jieba_dictionary_stamp()] + [part for p in sources for part in (p.name, p.read_bytes())])


@lru_cache(maxsize=1)
def _jieba_dictionary_stamp() -> str:
    """jieba's version and a hash of its dictionary file, found without importing jieba (60 ms, mostly pkg_resources).

    The file's content, not its path or time: every install of the same jieba
    (one per virtual environment) shares the cached tables (hashing the 5 MB costs about 5 ms).
    """
    path = Path(importlib.util.find_spec("jieba").origin).with_name("dict.txt")  # what jieba.Tokenizer() reads
    return f"jieba {importlib.metadata.version('jieba')} {hashlib.sha256(path.read_bytes()).hexdigest()}"


def fused_words(dictionary: dict[str, int]) -> list[str]:
    """Dictionary words that fuse a level word with a party kind (村党委, 镇党委), a post (社区主任,
    村主任) or itself (村村), a function character with a level word (和县: 某院和县妇联 is 和 + 县妇联),
    or the last character of a body's ending with the head's title that begins with it (局局长, 团团长:
    某县农业农村局|局长 names the bureau, then its head).

    jieba keeps them whole, so the unit a name ends with (张家村党委) would
    end inside a token and the generic reference (镇党委) would not start at
    one; without them the two words are tokens of their own.
    """
    levels = PATTERNS["units"]["generic_words"]
    kinds = PATTERNS.party_kind
    posts = set(PATTERNS["persons"]["roles"]) - {"社区工作者"}
    ending_characters = {e[-1] for e in PATTERNS["partners"]["suffixes"]} | {u[-1] for u, _ in PATTERNS.unit_suffixes}
    head_title = PATTERNS["persons"]["head_title_ending"]
    return sorted(
        word for word, freq in dictionary.items()
        if freq and (any(word[:i] in levels and (word[i:] in kinds or word[i:] in posts or word[i:] == word[:i])
                         for i in range(1, len(word)))
                     or (word[0] in PATTERNS.stop_chars and word[1:] in levels)
                     or (len(word) == 3 and word[0] == word[1] and word[0] in ending_characters and word[2] == head_title))
    )


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """jieba's dictionary part-of-speech tag for each known word (no tagging run needed), a dict whose parts
    are read as words of them are asked about (``kg.extract.storedtags``: read whole it cost 0.10 s).

    From the table cache when it holds them: building them imports
    ``jieba.posseg``, whose global tokenizer reads the whole table a second time.
    """
    # the key adds storedtags.py, which splits the table into its parts
    key = table_key([_jieba_dictionary_stamp(), (Path(__file__).parent / "storedtags.py").read_bytes()])
    return StoredTags(*load_table("wordtagparts", key, lambda: split_tags(build_word_tags())))


def build_word_tags() -> dict[str, str]:
    import jieba.posseg

    return jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab


def user_words() -> list[tuple[str, int]]:
    """Words that must stay whole: suffixes and kinds from the pattern tables, gazetteer names."""
    words = {w: 50_000 for w in PATTERNS.segment_words}
    for name in load_gazetteer().dictionary_words():
        words.setdefault(name, 20_000)
    return sorted(words.items())


def tokenize(text: str) -> tuple[str, ...]:
    """jieba's tokens of ``text`` (HMM off), cut by ``wordcut`` in half jieba's time; each distinct text once
    (its cut depends on the text and the weights alone, and the weights a cut reads were read for its first)."""
    weights = stored_weights()
    texts = weights.texts
    tokens = texts.get(text)
    if tokens is None:
        weights.cover(text)
        words = cut_weighted(text, weights.weights, weights.alone, weights.cuts)
        if len(texts) >= REMEMBERED_TEXTS:
            del texts[next(iter(texts))]  # (the oldest)
        if len(weights.words) >= REMEMBERED_WORDS:
            weights.words.clear()  # (only a saving of memory: the next texts share words anew)
        share = weights.words.setdefault
        tokens = texts[text] = tuple(map(share, words, words))
    return tokens


# Distinct texts whose tokens ``tokenize`` remembers (the oldest is forgotten first): 25,113 sentences, some
# 9 MB, at 5,000 generated articles; dropped with the weights (``stored_weights.cache_clear``).
REMEMBERED_TEXTS = 65536
REMEMBERED_WORDS = 1 << 18  # distinct words their tokens share at most (c5000's sentences hold some 30,000)


# A longer sentence is cut after its last clause mark before this many
# characters (or at the bound when it has none). The extractors' work on a
# sentence grows faster than its length, and a page without full stops would
# otherwise reach them as one sentence of a million characters. The longest
# sentence of the seeds and the dev set has 223 characters.
LONGEST_SENTENCE = 1000
_CLAUSE_MARK = re.compile(r"[,，;；:：、\s]")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for match in _SENTENCE.finditer(text, start, end):
        for s, e in _bounded(text, *match.span()):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                spans.append((s, e))
    return spans


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) in pieces of at most LONGEST_SENTENCE characters, each ending after a clause mark if it can."""
    pieces = []
    while end - start > LONGEST_SENTENCE:
        bound = start + LONGEST_SENTENCE
        marks = [m.end() for m in _CLAUSE_MARK.finditer(text, start, bound)]
        cut = marks[-1] if marks else bound
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def sentences_of(article: Article) -> tuple[Sentence, ...]:
    """The body's sentences, in order, each with its jieba tokens; and, in its place among them, the page's
    publisher when it is a government office (来源:某市某区人民政府某街道办事处): it names the page's places."""
    text = article.text
    spans = [span for body_start, body_end in article.body for span in split_sentences(text, body_start, body_end)]
    if (publisher := publisher_span(article)) is not None:
        spans = sorted(spans + [publisher])
    sentences = []
    for s, e in spans:
        piece = text[s:e]  # (sliced once, for the record and the tokenizer)
        sentences.append(Sentence(s, e, piece, tokenize(piece)))
    return tuple(sentences)


def publisher_span(article: Article) -> tuple[int, int] | None:
    """Where the page's header line (outside the body) names its publisher, a government office; else None."""
    name = article.metadata.source_name
    if not name or not name.endswith(PUBLISHER_ENDINGS):
        return None
    start = article.text.find(name)
    while start >= 0 and any(s <= start < e for s, e in article.body):
        start = article.text.find(name, start + 1)
    return None if start < 0 else (start, start + len(name))


PUBLISHER_ENDINGS = tuple(PATTERNS["units"]["publisher_endings"])
