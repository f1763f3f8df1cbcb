"""The frozen heap: whoever froze a heap that was not frozen thaws it, and only then."""
import gc
import weakref

import pytest

from kg.heap import YOUNG_THRESHOLD, fewer_collections, freeze, frozen_heap, paused_collections


@pytest.mark.parametrize("frozen_before", [False, True])
def test_a_frozen_heap_is_thawed_by_whoever_froze_it(frozen_before):
    gc.unfreeze()
    try:
        if frozen_before:
            gc.freeze()
        with frozen_heap():
            assert gc.get_freeze_count() > 0
            kept = [[] for _ in range(100)]
            before = gc.get_freeze_count()
            freeze()  # more of the heap frozen within the block
            assert gc.get_freeze_count() >= before + len(kept)
        assert (gc.get_freeze_count() > 0) == frozen_before
    finally:
        gc.unfreeze()


class Node:
    pass


@pytest.mark.parametrize("collect, freed", [(True, True), (False, False)])
def test_a_collection_first_frees_the_garbage_rather_than_freezing_it(collect, freed):
    gc.unfreeze()
    try:
        node = Node()
        node.self = node  # a cycle: only a collection frees it
        ref = weakref.ref(node)
        del node
        freeze(collect=collect)
        gc.collect()  # frozen objects are never collected
        assert (ref() is None) == freed
    finally:
        gc.unfreeze()
        gc.collect()


@pytest.mark.parametrize("running_before", [True, False])
def test_collections_resume_after_a_pause_only_when_they_ran_before_it(running_before):
    (gc.enable if running_before else gc.disable)()
    try:
        with paused_collections():
            assert not gc.isenabled()
        assert gc.isenabled() == running_before
        with pytest.raises(RuntimeError), paused_collections():
            raise RuntimeError("an article's failure")
        assert gc.isenabled() == running_before
    finally:
        gc.enable()


def test_cyclic_garbage_made_in_a_pause_outlives_it_until_a_collection():
    gc.collect()
    with paused_collections():
        node = Node()
        node.self = node
        ref = weakref.ref(node)
        del node
        kept = [[] for _ in range(100_000)]  # enough new containers to set off collections, were they running
        assert ref() is not None and kept
    gc.collect()
    assert ref() is None


@pytest.mark.parametrize("young_before, young_within", [(700, YOUNG_THRESHOLD), (YOUNG_THRESHOLD * 2, YOUNG_THRESHOLD * 2)])
def test_fewer_collections_raise_the_young_threshold_and_restore_every_threshold(young_before, young_within):
    saved = gc.get_threshold()
    gc.set_threshold(young_before, 7, 9)
    try:
        with fewer_collections():
            assert gc.get_threshold() == (young_within, 7, 9)
        assert gc.get_threshold() == (young_before, 7, 9)
        with pytest.raises(RuntimeError), fewer_collections():
            raise RuntimeError("a failed build")
        assert gc.get_threshold() == (young_before, 7, 9)
    finally:
        gc.set_threshold(*saved)
