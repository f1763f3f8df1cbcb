"""respective: actors coordinated before 分别 and the things listed after its verb pair up in order. Sentences
written for these tests; the places are real divisions, the things invented."""
from __future__ import annotations

import pytest

from tests.test_extract import relations

CASES = [
    # the first thing is the first actor's, the second the second's (not both the nearest actor's)
    ("今年，盐亭县黄甸镇龙台村、石牛村分别建成茶叶烘干房和蚕桑分拣车间。",
     {("龙台村", "hasFacility", "茶叶烘干房"), ("石牛村", "hasFacility", "蚕桑分拣车间")}),
    ("盐亭县黄甸镇龙台村、石牛村分别推出“茶园认养”和“桑葚采摘节”。",
     {("龙台村", "runsProgram", "茶园认养"), ("石牛村", "runsProgram", "桑葚采摘节")}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_actors_before_respectively_pair_with_the_things_after_it_in_order(text, expected):
    rels = {r for r in relations(text) if r[1] in ("hasFacility", "runsProgram")}
    assert rels == expected


def test_lists_of_other_lengths_are_not_paired():
    rels = relations("盐亭县黄甸镇龙台村、石牛村分别推出“茶园认养”、“桑葚采摘节”和“林下养鸡”。")
    assert ("龙台村", "runsProgram", "林下养鸡") in rels and ("石牛村", "runsProgram", "林下养鸡") in rels
