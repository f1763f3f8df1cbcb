"""Keeping the garbage collector off what a build already holds (``gc.freeze``), and off one article's work.

The corpus tables, the analysis and what the views keep hold millions of
objects that live until the build ends; every full collection that later
allocations set off would scan them all again (2.8 s of collections in the
file loop at 5,000 articles, 3 s of 71 in the corpus-wide stages, measured
here). Frozen, they are left out of collections. Whoever freezes a heap that
was not frozen thaws it; within a caller's frozen heap, the caller does.

While one article is worked out, its tokens, spans and found names are
thousands of containers alive at once; each young-generation collection
those allocations set off scans all that are alive, again and again, and
finds little to free (about 260 objects of cyclic garbage per article once,
none since resolving stopped leaving a self-calling closure behind). So
collections are paused through one article's work (``paused_collections``)
and the garbage it left goes at the next collection after it: of 1.5 s of
collections at 5,000 articles (``--jobs 1``, measured here), about 0.4 s
went. One article at a time, not one file: a JSONL file may hold many.
Between articles and in the corpus-wide stages a build runs with a young
generation of ``YOUNG_THRESHOLD`` containers, not 700 (``fewer_collections``):
fewer collections of the objects it is making to keep (about 0.3 s more at 5,000
articles), garbage cycles waiting for at most that many new containers.
Like the freeze, both are the process's settings: one build at a time.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 10_000


def freeze(collect: bool = False) -> None:
    """Leave what is alive now out of later collections (after one full collection, with ``collect``)."""
    if collect:
        gc.collect()
    gc.freeze()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """What is alive now, and whatever ``freeze`` adds within the block, is left out of collections until it ends."""
    outer = gc.get_freeze_count() > 0
    freeze()
    try:
        yield
    finally:
        if not outer:
            gc.unfreeze()


@contextmanager
def paused_collections() -> Iterator[None]:
    """No automatic collection within the block; collections resume after it when they ran before it."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """A young generation of ``YOUNG_THRESHOLD`` containers within the block; the thresholds as they were after it."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
