"""dict_init: a frozen dataclass with a cheaper __init__ is the same class in everything else."""
from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import dataclass, field

import pytest

from kg.frozen import dict_init
from kg.model import ArticleMetadata, Evidence, Mention


def _pair():
    """The same frozen dataclass twice: as dataclasses makes it, and with dict_init."""

    def make():
        @dataclass(frozen=True)
        class Record:
            name: str
            count: int = 0
            tags: tuple[str, ...] = ()
            seen: list[str] = field(default_factory=list)
            note: str = field(default="none", init=False)
            unset: int = field(init=False)

        return Record

    return make(), dict_init(make())


# (positional arguments, keyword arguments) for the Record above
CALLS = [
    (("甲",), {}),
    (("乙", 3), {}),
    (("丙",), {"tags": ("x", "y")}),
    ((), {"name": "丁", "count": 2, "seen": ["a"]}),
]


@pytest.mark.parametrize("args, kwargs", CALLS)
def test_same_fields_as_the_generated_init(args, kwargs):
    plain, quick = _pair()
    expected, made = plain(*args, **kwargs), quick(*args, **kwargs)
    assert made.__dict__ == expected.__dict__  # (``unset`` is in neither: no init and no default)


def test_a_default_factory_gives_each_instance_its_own_value():
    _, quick = _pair()
    first, second = quick("甲"), quick("乙")
    assert first.seen == [] and first.seen is not second.seen


def test_signature_kept():
    plain, quick = _pair()
    assert list(inspect.signature(quick).parameters) == list(inspect.signature(plain).parameters)
    with pytest.raises(TypeError):
        quick()  # the name is required, as before
    with pytest.raises(TypeError):
        quick("甲", 1, (), [], "extra")


def test_still_frozen_equal_and_hashable():
    evidence = Evidence("a1", "某句。", 0, 3, 0, 2)
    mention = Mention("Program", "某计划", "某计划", evidence)
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.name = "别的"
    assert mention == Mention("Program", "某计划", "某计划", Evidence("a1", "某句。", 0, 3, 0, 2))
    assert hash(mention) == hash(Mention("Program", "某计划", "某计划", evidence))
    assert dataclasses.replace(mention, kind="x").kind == "x"
    assert pickle.loads(pickle.dumps(mention)) == mention
    assert ArticleMetadata().authors == ()


def _slots():
    @dataclass(frozen=True, slots=True)
    class WithSlots:
        x: int
    return WithSlots


def _post_init():
    @dataclass(frozen=True)
    class WithPostInit:
        x: int

        def __post_init__(self):
            pass
    return WithPostInit


def _not_frozen():
    @dataclass
    class Plain:
        x: int
    return Plain


def _keyword_only():
    @dataclass(frozen=True)
    class KeywordOnly:
        x: int = field(kw_only=True)
    return KeywordOnly


def _init_only():
    @dataclass(frozen=True)
    class InitOnly:
        x: int
        y: dataclasses.InitVar[int] = 0
    return InitOnly


@pytest.mark.parametrize("make", [_slots, _post_init, _not_frozen, _keyword_only, _init_only])
def test_refuses_a_class_it_could_not_keep_the_same(make):
    with pytest.raises(TypeError):
        dict_init(make())
