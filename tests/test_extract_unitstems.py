"""Stems that name no village or community: one word that points (a pronoun, a conjunction, a preposition),
tells a time, says the place is newly built, or names a kind of area (…区). Sentences written for the test."""
from __future__ import annotations

import pytest

from test_extract import names

DESCRIPTOR_CASES = [
    ("台江县施洞镇组织干部帮助山区村发展蜂蜜产业。", {"山区村"}),
    ("除试点以外，其余社区下个月推开。", {"其余社区"}),
    ("镇里牧区村的草场去年全部完成确权。", {"牧区村"}),
    # a word of time before the suffix says when, and a verb of building says the place is new
    ("“以往社区开会没几个人来，现在板凳都不够坐。”", {"以往社区"}),
    ("区里要求各街道在新建小区同步配建养老设施。", {"新建小区"}),
]


@pytest.mark.parametrize("text, absent", DESCRIPTOR_CASES)
def test_a_pointing_word_or_a_kind_of_area_is_no_units_name(text, absent):
    assert not absent & names(text, "AdministrativeUnit")


@pytest.mark.parametrize("text, unit", [
    ("十月村党支部组织党员清理河道。", "十月村"),  # a word of time, but the national table names such villages
    ("柳林街道新建社区居委会挂牌成立。", "新建社区"),  # a verb of building, written right after its parent
])
def test_a_word_of_time_or_building_names_a_place_the_table_or_its_parent_licenses(text, unit):
    assert unit in names(text, "AdministrativeUnit")


def test_a_numbered_name_the_dictionary_tags_as_a_word_of_kind_stays_a_village():
    assert "三营村" in names("三营村党支部书记带着党员清理河道。", "AdministrativeUnit")


@pytest.mark.parametrize("text", [
    "和美社区的“板凳会”每月开一次。",
    "昨天，和美社区举办了邻里节。",
    "在和美社区，居民自治搞得有声有色。",
])
def test_a_conjunction_that_opens_a_clause_begins_a_communitys_name_the_table_lists(text):
    # (at a clause's start 和 joins nothing: 和|美|社区 is 和美社区)
    assert "和美社区" in names(text, "AdministrativeUnit")


# A description the dictionary holds apart (老|旧) after a noun, and a verb with its result before the suffix
# (管|出: a verbal noun and its result), describe or act on the kind of place; they name none. Sentences written for the test.
DESCRIBED_CASES = [
    ("城东片区多为上世纪建成的工矿老旧小区，改造任务重。", "工矿老旧小区"),
    ("党员楼长带头，一年就管出社区新风。", "管出社区"),
    # a one-character verb and a one-character adjective, its result (建|强), whatever comes before them
    ("街道要求年底前建强小区党支部，做到全覆盖。", "前建强小区"),
    # a word that points to many places before what kind of place (各个|种茶|村): a class of places
    ("辖区各个种茶村都建了合作社。", "各个种茶村"),
]


@pytest.mark.parametrize("text, absent", DESCRIBED_CASES)
def test_a_description_or_a_verb_and_its_result_before_the_suffix_names_no_unit(text, absent):
    assert absent not in names(text, "AdministrativeUnit")


# A one-character verb's result (用好, 抓好) before a community the national table lists: the result is the
# verb's, not the first character of the name (the table lists 利民社区, no 好利民社区).
@pytest.mark.parametrize("text", ["镇里要求把运河社区的经验用好，也要用好利民社区的做法。"])
def test_a_verbs_result_before_a_listed_community_is_no_part_of_its_name(text):
    found = names(text, "AdministrativeUnit")
    assert not any(name.startswith("好") for name in found) and "利民社区" in found
