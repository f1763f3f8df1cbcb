"""The build's article summaries on disk: a sequence that reads each back when it is asked for.

The report and the views go over every article's summary (metadata, dropped
lines) a few times; held as objects they cost about 3 KB an article, 300 MB
for 100,000 articles. Here each is one record in an unnamed temporary file
(unlinked at once, so nothing is left behind whatever happens) and only its
offset, 8 bytes, is kept.
"""
from __future__ import annotations

import json
import os
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Sequence

from kg.cache.codec import decode_summary, encode_summary
from kg.model import ArticleSummary

_decoder = json.JSONDecoder()


class StoredSummaries(Sequence[ArticleSummary]):
    """Summaries in the order given, each written to disk as it comes; equal to any sequence of the same."""

    def __init__(self, summaries: Iterable[ArticleSummary] = (), *,
                 encoded: Iterable[tuple[str, str]] | None = None):
        """``summaries``, or ``encoded``: (source, the cache's encoding of the summary) pairs, stored as they are
        (a build has them so: decoding and encoding them again cost 0.02 s at 1,000 articles)."""
        self._file = tempfile.TemporaryFile(prefix="kg-summaries-")
        self._offsets = array("q", [0])
        if encoded is None:
            encoded = ((summary.source, encode_summary(summary)) for summary in summaries)
        for source, text in encoded:
            # The source first, as JSON (a path may hold any character), then the cache's encoding.
            self._file.write((json.dumps(source, ensure_ascii=False) + text).encode("utf-8"))
            self._offsets.append(self._file.tell())
        self._file.flush()

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        start = self._offsets[i]
        # A positional read: iterations going on at once never move each other's place in the file.
        text = os.pread(self._file.fileno(), self._offsets[i + 1] - start, start).decode("utf-8")
        source, end = _decoder.raw_decode(text)
        return decode_summary(text[end:], source)

    def __iter__(self) -> Iterator[ArticleSummary]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None
