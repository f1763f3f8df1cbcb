"""managers: the actors 由 names before a verb of running or founding run the program, or hold the facility,
that the clause is about (named right before 由, by its name's tail, or by a determiner and its head word).
Sentences written for these tests; the places are real divisions, the programs and facilities invented."""
from __future__ import annotations

import pytest

from tests.test_extract import relations

PLACE = "自贡市自流井区五星街街道"

CASES = [
    # a facility named before by the tail of its name (食堂 for 邻里食堂), in the next sentence or clause
    (PLACE + "光大街社区建成“邻里食堂”，为辖区老人提供午餐。食堂由社区党委负责运营，每天供餐200余份。",
     ("光大街社区党委", "hasFacility", "邻里食堂"), ("光大街社区", "hasFacility", "邻里食堂")),
    (PLACE + "光大街社区建成“邻里食堂”，食堂由社区党委负责运营。",
     ("光大街社区党委", "hasFacility", "邻里食堂"), ("光大街社区", "hasFacility", "邻里食堂")),
    # two actors coordinated after 由
    (PLACE + "光大街社区建成“邻里食堂”。食堂由社区党委和五星街街道党工委共同管理。",
     ("五星街街道党工委", "hasFacility", "邻里食堂"), ("光大街社区", "hasFacility", "邻里食堂")),
    # a program named right before 由, after the unit it is of
    (PLACE + "光大街社区的“积分换服务”项目由社区党委发起，居民参与志愿服务可换取生活用品。",
     ("光大街社区党委", "runsProgram", "积分换服务"), ("光大街社区", "runsProgram", "积分换服务")),
    # a determiner and the head word written with the program named before
    (PLACE + "光大街社区推出“积分换服务”项目。该项目由社区党委发起，居民参与志愿服务可换取生活用品。",
     ("光大街社区党委", "runsProgram", "积分换服务"), ("光大街社区", "runsProgram", "积分换服务")),
]


@pytest.mark.parametrize("text, expected, replaced", CASES)
def test_the_actors_yu_names_before_a_verb_of_running_run_what_the_clause_is_about(text, expected, replaced):
    rels = relations(text)
    assert expected in rels
    assert replaced not in rels


def test_a_company_yu_names_holds_nothing_the_place_keeps_the_facility():
    rels = relations(PLACE + "光大街社区建成“邻里食堂”。食堂由自贡盐都餐饮管理有限公司运营。")
    assert ("光大街社区", "hasFacility", "邻里食堂") in rels
    assert not any(p == "hasFacility" and s == "自贡盐都餐饮管理有限公司" for s, p, _ in rels)


def test_a_body_that_by_names_as_guiding_a_facility_leaves_it_to_the_one_that_runs_it():
    # 由甲指导建设,乙负责日常运营: the guide is no holder; the runner opening the next clause is
    rels = relations("六安市金安区三里桥街道晨光社区党群服务中心里的“夕阳驿站”正式开放。驿站由三里桥街道党工委指导建设，晨光社区党委负责日常运营。")
    assert ("晨光社区党委", "hasFacility", "夕阳驿站") in rels
    assert ("三里桥街道党工委", "hasFacility", "夕阳驿站") not in rels
