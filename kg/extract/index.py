"""Indexes over the names of one article, built once so that each question costs O(log n).

The extractors keep asking "which name stands last before this one?" (the
unit a passage is about, the actor of a sentence, the place of a facility).
Scanning every name for every mention made extraction quadratic in the
article's length; these answer the same questions from sorted lists.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class LastBefore(Generic[T]):
    """Items grouped by a key; asked for a key and a position, the item that
    comes last *in the given order* among those of the group placed before it.

    "Last in the given order" is not always "placed last": the extractors'
    lists are in the order names were found, which the answers must keep.
    """

    def __init__(self, items: Iterable[T], key: Callable[[T], Hashable], position: Callable[[T], int]):
        groups: dict[Hashable, list[tuple[int, int, T]]] = defaultdict(list)
        for order, item in enumerate(items):
            groups[key(item)].append((position(item), order, item))
        self._groups: dict[Hashable, tuple[list[int], list[T]]] = {}
        for name, members in groups.items():
            members.sort()  # by position, then order: no two share an order, so items are never compared
            latest: list[tuple[int, T]] = []  # latest[i]: of members[: i + 1], the one latest in the given order
            for _, order, item in members:
                latest.append((order, item) if not latest or order > latest[-1][0] else latest[-1])
            self._groups[name] = ([m[0] for m in members], [item for _, item in latest])

    def last_before(self, key: Hashable, position: int) -> T | None:
        """The item of group ``key`` latest in the given order among those placed before ``position``."""
        group = self._groups.get(key)
        if group is None:
            return None
        positions, latest = group
        placed_before = bisect_left(positions, position)
        return latest[placed_before - 1] if placed_before else None


def by_sentence(items: Iterable[T], sentences: int, sentence: Callable[[T], int]) -> list[list[T]]:
    """The items of each sentence, in the given order."""
    groups: list[list[T]] = [[] for _ in range(sentences)]
    for item in items:
        groups[sentence(item)].append(item)
    return groups


class Covering:
    """Spans, asked whether one of them covers a given span."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []  # _reach[i]: the furthest end among the first i + 1 spans
        for _, end in ordered:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def covers(self, start: int, end: int) -> bool:
        """Whether some span starts at or before ``start`` and ends at or after ``end``."""
        opened = bisect_right(self._starts, start)
        return bool(opened) and self._reach[opened - 1] >= end

