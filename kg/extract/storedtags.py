"""jieba's word tags kept in parts, each read the first time a word of it is asked about (``StoredTags``).

The extractors ask about some 140 words an article (1,423 look-ups for ten
articles, 62,000 for c1000's 1,000, measured here), but the table holds
every word of jieba's dictionary: read whole it cost 0.10 s of CPU in every
process that works out an article, a twentieth of a rebuild of a few. The
words are asked about with pieces that are not always the text's own
(a stem joined to a following word, a name from another sentence), so no
text can say beforehand which parts a process will need, as the word
weights' can (``kg.extract.segment.StoredWeights``): each look-up reads its
own word's part. The words of one character (and the empty one) are read at
once; a longer word's part is the one the weights use for its first two
characters (``weight_part``). Past ``LAZY_LOOKUPS`` look-ups the rest is read
and the table becomes a plain dict (its class changes: look-ups then cost
what a dict's do), since a large build asks often enough for the check per
look-up to cost more than the parts left unread.
"""
from __future__ import annotations

import marshal
from collections.abc import Iterator

TAG_PARTS = 65536  # as many as the weights' (the same ``weight_part``)
LAZY_LOOKUPS = 100_000


def tag_part(word: str) -> int:
    """The part of a word of two characters or more (``kg.extract.segment.weight_part`` of its first two)."""
    return (ord(word[0]) * 40503 + ord(word[1])) % TAG_PARTS


def split_tags(tags: dict[str, str]) -> tuple[bytes, list[bytes]]:
    """(the words shorter than two characters, the rest in TAG_PARTS parts by ``tag_part``), marshalled; an empty
    part is b"" (what the table cache keeps)."""
    short: dict[str, str] = {}
    parts: list[dict[str, str]] = [{} for _ in range(TAG_PARTS)]
    for word, tag in tags.items():
        if len(word) < 2:
            short[word] = tag
        else:
            parts[tag_part(word)][word] = tag
    return marshal.dumps(short), [marshal.dumps(part) if part else b"" for part in parts]


class ReadTags(dict):
    """Every word's tag, all read: a dict's own look-ups (what a ``StoredTags`` becomes; its slots, so that the
    class of the object can change)."""

    __slots__ = ("_unread", "_lookups")


class StoredTags(ReadTags):
    """The word tags as a dict whose parts are read as words of them are asked about (``get``, ``in``, ``[]``).

    It answers every question as the whole table would; iterating, counting or
    comparing it reads every part first. Once every part is read it is a
    ``ReadTags``, a plain dict.
    """

    __slots__ = ()

    def __init__(self, short: bytes, parts: list[bytes]) -> None:
        super().__init__(marshal.loads(short))
        self._unread: list[bytes | None] | None = list(parts)
        self._lookups = 0

    def _cover(self, word: str) -> None:
        self._lookups += 1
        if self._lookups > LAZY_LOOKUPS:
            self.load_all()
        elif len(word) > 1:
            part = (ord(word[0]) * 40503 + ord(word[1])) % TAG_PARTS
            data = self._unread[part]
            if data is not None:
                if data:
                    dict.update(self, marshal.loads(data))
                self._unread[part] = None

    def load_all(self) -> None:
        if self.__class__ is StoredTags:
            for data in self._unread:
                if data:
                    dict.update(self, marshal.loads(data))
            self._unread = None
            self.__class__ = ReadTags  # the same object, the dict's own look-ups from now on

    def get(self, word, default=None):
        if isinstance(word, str):
            self._cover(word)
        return dict.get(self, word, default)

    def __contains__(self, word) -> bool:
        if isinstance(word, str):
            self._cover(word)
        return dict.__contains__(self, word)

    def __getitem__(self, word):
        if isinstance(word, str):
            self._cover(word)
        return dict.__getitem__(self, word)

    def __iter__(self) -> Iterator[str]:
        self.load_all()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self.load_all()
        return dict.__len__(self)

    def __eq__(self, other) -> bool:
        self.load_all()
        if isinstance(other, StoredTags):
            other.load_all()
        return dict.__eq__(self, other)

    __hash__ = None  # (a dict's)

    def keys(self):
        self.load_all()
        return dict.keys(self)

    def values(self):
        self.load_all()
        return dict.values(self)

    def items(self):
        self.load_all()
        return dict.items(self)

    def copy(self) -> dict[str, str]:
        self.load_all()
        return dict(self)

    def __reduce__(self):  # pickled (a worker's argument) as the whole table
        self.load_all()
        return (ReadTags, (dict(self),))
