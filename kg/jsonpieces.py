"""JSON text written in pieces, with the bytes ``json.dumps`` would give the whole document.

Three files are long JSON documents: the views' core shard (compact), and
``analysis.json`` and ``report.json`` (indented). Written as one string, a
100,000-article build's would be held several times over (the objects, the
string, its escaped copies); written in pieces, a long list can even be an
iterator whose rows are made as they are written.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from itertools import islice

ROWS_PER_PIECE = 512  # items of a list at the last level encoded together: one encode call, not one per item


def json_pieces(value: object, depth: int, *, indent: int | None = None, sort_keys: bool = False) -> Iterator[str]:
    """``json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=sort_keys)``'s text in pieces (compact
    separators when ``indent`` is None; a Decimal is written as its float).

    Dicts (string keys) and lists down to ``depth`` levels are written item by item, an iterator as the list
    of its items; the items of a list at the last of those levels go ROWS_PER_PIECE at a time.
    """
    yield from _pieces(value, depth, 0, _style(indent, sort_keys))


class _Style:
    def __init__(self, indent: int | None, sort_keys: bool) -> None:
        self.indent = indent
        self.sort_keys = sort_keys
        self.colon = ":" if indent is None else ": "
        self.encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":") if indent is None else None,
                                       indent=indent, sort_keys=sort_keys, default=_decimal).encode

    def newline(self, level: int) -> str:
        """What starts a line at ``level`` (nothing in compact JSON)."""
        return "" if self.indent is None else "\n" + " " * (self.indent * level)

    def leaf(self, value: object, level: int) -> str:
        text = self.encode(value)
        return text if self.indent is None else text.replace("\n", self.newline(level))


@cache
def _style(indent: int | None, sort_keys: bool) -> _Style:
    return _Style(indent, sort_keys)


def _pieces(value: object, depth: int, level: int, style: _Style) -> Iterator[str]:
    if depth and isinstance(value, dict) and value:
        inner = style.newline(level + 1)
        yield "{"
        items = sorted(value.items()) if style.sort_keys else value.items()
        for n, (key, item) in enumerate(items):
            yield ("," if n else "") + inner + style.encode(key) + style.colon
            yield from _pieces(item, depth - 1, level + 1, style)
        yield style.newline(level) + "}"
    elif depth and isinstance(value, (list, tuple, Iterator)):
        close = style.newline(level)
        empty = True
        if depth == 1:
            # A run of items as one list's text, without its brackets: "[" + items + close + "]".
            rows = iter(value)
            while chunk := list(islice(rows, ROWS_PER_PIECE)):
                text = style.leaf(chunk, level)
                yield ("[" if empty else ",") + text[1:len(text) - len(close) - 1]
                empty = False
        else:
            inner = style.newline(level + 1)
            for item in value:
                yield ("[" if empty else ",") + inner
                yield from _pieces(item, depth - 1, level + 1, style)
                empty = False
        yield "[]" if empty else close + "]"
    else:
        yield style.leaf(value, level)


def _decimal(value: object) -> float:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
