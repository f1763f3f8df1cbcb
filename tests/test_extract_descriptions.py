"""Words around a suffix that describe a kind of place, or hold a list's predicate, name nothing; frames that
bound a name keep it whole. Sentences written for these tests; the bodies, places and people are invented."""
from __future__ import annotations

import pytest

from kg.extract.places import of_another_unit
from tests.test_extract import names, relations


@pytest.mark.parametrize("text", [
    "镇里计划把经验推广到其他养蜂村。",  # a pointer to many, then what kind
    "白鹭社区是一座依山而建的山城社区。",  # a copula and a count: a kind of place described
    "全镇范围内新小区越来越多。",  # a locative closes the noun before it, then an adjective
    "异常情况及时报告社区。",  # the place told, after a verb the dictionary tags as a noun
    "居民遇到困难可以通报社区。",
])
def test_a_described_or_told_place_is_no_unit(text):
    assert names(text, "AdministrativeUnit") <= {"白鹭社区"}


def test_a_count_after_a_verb_of_motion_describes_nothing():
    # 走了一个多小时: the count is of hours, and no copula makes the clause a description of the village
    assert "小岭自然村" in names("走了一个多小时来到枫溪村最偏远的小岭自然村。", "AdministrativeUnit")


def test_a_list_ends_with_the_item_that_holds_its_predicate():
    text = "武隆区交通局、武隆区卫健局围绕乡村道路和健康知识作了专题讲解。"
    assert names(text, "Partner") == {"武隆区交通局", "武隆区卫健局"}


def test_a_trigger_verb_that_ends_a_noun_makes_no_program():
    assert names("村里的变化始于党组织“扎根田间”。", "Program") == set()
    assert names("社区党委组织“邻里乐”活动。", "Program") == {"邻里乐"}  # 组织 the verb still does


def test_a_quoted_studio_is_a_place():
    text = "司法所的调解员每周二在“宁和”工作室接待来访群众。"
    assert names(text, "Facility") == {"宁和"}
    assert names(text, "Program") == set()


def test_counted_places_of_a_kind_are_no_facility():
    text = "南湖街道石桥社区党群服务中心正式启用。\n今年建成1个街道党群服务中心、6个邻里驿站。"
    assert names(text, "Facility") == {"石桥社区党群服务中心"}
    assert {r for r in relations(text) if r[1] == "hasFacility"} == {("石桥社区", "hasFacility", "石桥社区党群服务中心")}


def test_a_tail_after_a_level_word_or_a_count_is_another_unit_s():
    tail = "党群服务中心"
    assert of_another_unit("建成1个街道" + tail, len("建成1个街道"))  # after 街道: a street's centre
    assert of_another_unit("建成5个" + tail, len("建成5个"))  # after a count: many centres
    assert not of_another_unit("居民来到" + tail, len("居民来到"))  # the bare tail: the one named before


def test_the_centre_of_the_community_acting_after_an_adverb():
    text = "石桥社区开展活动。\n社区将在党群服务中心开设课堂。"
    assert names(text, "Facility") == {"石桥社区党群服务中心"}


def test_a_subject_and_an_adverb_before_a_level_word_name_no_unit():
    text = "柳湾村开展活动。\n村干部介绍，村里正在村党群服务中心布置展板。"
    assert names(text, "AdministrativeUnit") == {"柳湾村"}
    assert names(text, "Facility") == {"柳湾村党群服务中心"}


def test_a_name_whose_head_is_a_place_word_before_a_verb_of_report():
    # 金华 is a place to jieba's dictionary: 通报, a verb it tags as a noun, ends the name all the same
    assert names("办事处主任金华强通报全年工作。", "Person") == {"金华强"}


def test_a_conjunction_before_the_verb_of_a_post_ends_the_name():
    assert names("护河队由退休工人王德和担任队长。", "Person") == {"王德和"}
    assert names("护河队由退休工人王德和李强担任队长。", "Person") == {"王德", "李强"}


def test_a_transliterated_name_framed_by_a_role_and_the_verb_of_the_post():
    text = "护林志愿服务队由护林员图雅娜兼任队长。"
    assert names(text, "Person") == {"图雅娜"}
    assert ("图雅娜", "leads", "护林志愿服务队") in relations(text)


def test_a_compound_branch_set_up_in_a_compound_named_in_an_earlier_paragraph():
    text = "走进青松街道翠湖社区的枫林苑小区，绿树成荫。\n翠湖社区党委在枫林苑小区成立小区党支部。"
    assert "枫林苑小区党支部" in names(text, "PartyOrganization")


def test_a_retired_officer_of_the_courts_is_a_role_before_a_name():
    text = "“邻里安”调解队轮流值守，退休法官周立新担任队长。"
    assert names(text, "Person") == {"周立新"}


def test_a_post_written_with_one_character_right_after_a_name():
    text = "社区成立翠柏志愿服务队，王德礼任队长。"
    assert ("王德礼", "leads", "翠柏志愿服务队") in relations(text)
    assert names("王德礼任务繁重，每天都在社区。", "Person") == set()  # 任务: no post follows


def test_who_is_helped_is_no_unit_nor_partner():
    assert names("城北公安分局新华派出所帮小区装上了智能门禁。", "AdministrativeUnit") == set()
    assert names("第一书记到村后，他帮合作社对接上一家食品公司。", "Partner") <= {"食品公司"}


def test_a_quoted_product_a_body_designs_is_a_program():
    assert names("县农商银行为种植大户量身设计了“果农贷”，授信300万元。", "Program") == {"果农贷"}


@pytest.mark.parametrize("text", ["街道表彰了一批先进基层党组织。", "社区党委被评为优秀党支部。"])
def test_an_honour_given_to_many_is_no_organisation(text):
    assert names(text, "PartyOrganization") <= {"社区党委"}


def test_a_noun_tagged_verb_of_talking_over_makes_the_place_its_object():
    # 商量 and 协商 are nouns to the dictionary: the compound after them is what is talked over, no name
    assert names("业主代表围坐在长凳上商量小区的停车难题。", "AdministrativeUnit") == set()
    assert names("楼栋长们协商小区的绿化改造。", "AdministrativeUnit") == set()


def test_a_given_name_the_dictionary_holds_may_begin_with_a_preposition_character():
    assert names("驻村第一书记卢向阳说，果树今年挂果了。", "Person") == {"卢向阳"}
    assert names("村委会主任龚向东介绍了产业规划。", "Person") == {"龚向东"}
    assert names("网格员韦敏向居民讲解防诈骗知识。", "Person") == {"韦敏"}  # 向 still ends a name before its object


def test_a_surname_and_a_one_character_form_of_address_is_no_name():
    assert names("“水管修好了，心里踏实。”居民蒙伯说。", "Person") == set()
    assert names("“排队不用等了。”居民谭姨说。", "Person") == set()


@pytest.mark.parametrize("text, body", [
    ("潼南区有一座老桥。区农业农村委派来两名技术员。", "潼南区农业农村委"),
    ("潼南区有一座老桥。区文明办把这个项目列为重点。", "潼南区文明办"),
    ("韶关市中西医结合医院的医生坐诊。", "韶关市中西医结合医院"),
])
def test_commissions_offices_and_hospitals_by_their_national_short_names(text, body):
    assert body in names(text, "Partner")


def test_a_branch_set_up_in_a_named_place_is_that_place_s_branch():
    text = "云杉社区党委今年在翠柏苑小区成立联合党支部，由退休教师钟立华担任支部书记。"
    assert "翠柏苑小区联合党支部" in names(text, "PartyOrganization")
    rels = relations(text)
    assert ("翠柏苑小区联合党支部", "subOrganizationOf", "云杉社区党委") in rels
    assert ("钟立华", "leads", "翠柏苑小区联合党支部") in rels
    assert names("社区党委在每个小区成立党支部。", "PartyOrganization") == set()  # a class of places, no one place


def test_a_quoted_name_before_a_preposition_of_the_agent_takes_no_head_from_the_clause():
    text = "枫林社区“桂香小灶”老年食堂里坐满了人。“桂香小灶”由社区党委牵头建设，交给餐饮企业运营。"
    assert names(text, "Program") == set()
    assert names(text, "Facility") == {"桂香小灶"}


def test_a_quoted_name_after_the_ordinal_of_a_session_is_that_event():
    assert names("镇里的第三届“稻香丰收会”开幕了，游客很多。", "Program") == {"稻香丰收会"}
    assert names("首届“槐荫团圆饭”在广场举行。", "Program") == {"槐荫团圆饭"}


@pytest.mark.parametrize("text", [
    "社区推行“对症下药”，把需求分类办理。",  # after a trigger word
    "村里探索“守望相助”模式。",  # before a head word
])
def test_a_quoted_idiom_is_a_figure_of_speech(text):
    assert names(text, "Program") == set()
