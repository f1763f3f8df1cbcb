"""Unquoted facilities named by what is done there with a village's or a firm's produce (…分拣中心,
…加工厂, …冷库). Sentences written for the test."""
from __future__ import annotations

import pytest

from test_extract import names

WORKS_CASES = [
    ("上坝村柚子分拣中心今年建成投用。", {"上坝村柚子分拣中心"}),
    ("合作社的竹笋加工厂吸纳了30名村民就业。", {"竹笋加工厂"}),
    ("镇上新建的果蔬冷库能存放200吨水果。", {"果蔬冷库"}),
]


@pytest.mark.parametrize("text, expected", WORKS_CASES)
def test_a_place_where_produce_is_worked_or_stored_is_a_facility(text, expected):
    assert expected <= names(text, "Facility")


ZONE_CASES = [
    # a development zone's short form before a body's name, which jieba cut into characters (经|开|区)
    ("岳阳经开区青年企业家协会向困难职工捐赠了物资。", {"岳阳经开区青年企业家协会"}),
    ("益阳经开区女企业家商会组织会员企业参加招聘会。", {"益阳经开区女企业家商会"}),
]


@pytest.mark.parametrize("text, expected", ZONE_CASES)
def test_a_zones_short_form_before_a_bodys_name_is_part_of_it(text, expected):
    assert expected <= names(text, "Partner")


def test_the_city_written_before_its_zone_stays_a_unit():
    assert "益阳市" in names("益阳经开区女企业家商会组织会员企业参加招聘会。", "AdministrativeUnit")


OWNERS_CASES = [
    ("社区党委指导翠湖花园业主委员会完成换届。", {"翠湖花园业主委员会"}),
    ("成立了锦绣家园小区业委会。", {"锦绣家园小区业委会"}),
]


@pytest.mark.parametrize("text, expected", OWNERS_CASES)
def test_a_compounds_owners_committee_is_a_partner(text, expected):
    assert expected <= names(text, "Partner")


def test_a_verb_before_the_owners_committee_names_no_body():
    assert not names("律师帮业委会修订了管理规约。", "Partner")


OWNED_CASES = [
    # who owns a facility, written before its name, is no part of the name
    ("村集体竹笋加工厂吸纳了30名村民就业。", "竹笋加工厂", "集体竹笋加工厂"),
    ("镇里帮村里建起了村级集体果蔬冷库。", "果蔬冷库", "集体果蔬冷库"),
]


@pytest.mark.parametrize("text, expected, wrong", OWNED_CASES)
def test_the_owner_before_a_facilitys_name_is_not_part_of_it(text, expected, wrong):
    found = names(text, "Facility")
    assert expected in found and not {n for n in found if wrong in n}


ROOM_CASES = [
    # a place's own rooms and classes listed after a verb of having them: even a generic stem names one
    ("社区配有阅览室、老年饭堂、周末课堂和调解室，方便居民就近活动。", {"老年饭堂"}, {"周末课堂"}),
    ("驿站内设便民理发室、爱心饭堂和四点钟课堂。", {"爱心饭堂"}, {"四点钟课堂"}),
    # the list ends at the 等 that closes it
    ("中心设置有职工饭堂、周末课堂等功能区。", {"职工饭堂"}, {"周末课堂"}),
]


@pytest.mark.parametrize("text, facilities, programs", ROOM_CASES)
def test_a_list_of_rooms_after_a_verb_of_having_names_facilities_and_classes(text, facilities, programs):
    assert facilities <= names(text, "Facility")
    assert programs <= names(text, "Program")


def test_one_word_after_a_verb_of_having_is_no_list_of_rooms():
    assert not names("服务站设有专人值守。", "Program")


DRYING_CASES = [
    ("两个村分别建成核桃加工车间和木耳烘干房。", {"木耳烘干房"}),
    ("村里建起了豆腐作坊，带动20户村民增收。", {"豆腐作坊"}),
    ("镇里的粮食烘干中心今年投入使用。", {"粮食烘干中心"}),
]


@pytest.mark.parametrize("text, expected", DRYING_CASES)
def test_a_room_where_produce_is_dried_or_made_is_a_facility(text, expected):
    assert expected <= names(text, "Facility")


@pytest.mark.parametrize("text, expected, wrong", [
    # a verb of building before the facility's word says it was built, it is no part of a name
    ("去年全镇新建冷库8座。", set(), {"新建冷库"}),
    ("镇里新建果蔬冷库一座。", {"果蔬冷库"}, {"镇里新建果蔬冷库"}),
])
def test_a_verb_of_building_before_a_facility_is_not_its_name(text, expected, wrong):
    found = names(text, "Facility")
    assert expected <= found and not wrong & found


def test_a_quoted_verb_before_a_bare_centre_is_a_verb_and_its_object():
    assert not names("他们让服务“下沉”中心，居民办事更方便了。", "Facility")


def test_neighbours_are_no_workshop():
    assert not names("老街坊们聚在一起拉家常。", "Facility")


@pytest.mark.parametrize("text, expected", [
    # a centre for settling disputes every street has, named by its level word: the passage's unit's
    ("青柳社区成立了调解小组。社区综治中心去年调解纠纷20起。", {"青柳社区综治中心"}),
    # a logistics centre is a place, not the trade's firm
    ("镇里建成了冷链物流中心，果农不再愁储存。", {"冷链物流中心"}),
])
def test_a_standard_centre_or_a_logistics_centre_is_a_facility(text, expected):
    assert expected <= names(text, "Facility")


@pytest.mark.parametrize("text, expected", [
    # a standard facility right after a verb of building: the unit whose generic word opens the clause built it
    ("达瓦社区有居民4200人。社区党委去年在广场东侧建成新时代文明实践站，每周都有志愿活动。", "达瓦社区新时代文明实践站"),
    ("石门村有村民900户。村党支部利用闲置校舍建起党群服务站，方便村民办事。", "石门村党群服务站"),
])
def test_a_standard_facility_built_by_the_clauses_unit_is_that_units(text, expected):
    assert expected in names(text, "Facility")


def test_a_standard_facility_built_in_many_places_is_no_ones():
    assert not names("今年，各地建成新时代文明实践站120个。", "Facility")


def test_a_floor_before_a_room_is_where_it_is_not_its_name():
    text = "二楼活动室里，志愿者正给老人讲解防诈骗知识；三楼青松书屋每天开放。"
    found = names(text, "Facility")
    assert "二楼活动室" not in found and "三楼青松书屋" not in found
    assert "青松书屋" in found


def test_an_adverb_between_the_level_word_and_its_place_keeps_the_standard_facility():
    # 社区还在党群服务中心…: the community, the clause's subject, acts in its own service centre
    text = "鹿邑县试量镇丁大村开展人居环境整治。村里还在党群服务中心开设了农技课堂。"
    assert "丁大村党群服务中心" in names(text, "Facility")


def test_a_word_of_time_between_the_level_word_and_its_place_keeps_the_standard_facility():
    # 社区上午在党群服务中心…: a word of time, like an adverb, stands between the subject and 在
    text = "槐荫社区的志愿者队伍有80多人。社区上午在党群服务中心为老人免费量血压。"
    assert "槐荫社区党群服务中心" in names(text, "Facility")


def test_a_standard_facility_made_second_of_two_places_is_the_clauses_units():
    # 村里建成A和党群服务站: the second of the places the clause's subject makes
    text = "桂溪村的竹编远近闻名。村里去年建成晾晒场和党群服务站，办事不用再跑镇上。"
    assert "桂溪村党群服务站" in names(text, "Facility")


def test_a_preposition_before_a_places_word_begins_no_name():
    # 骑手凭|驿站发放的卡: 凭 (by means of) ends the clause's subject; the station is the one named before
    text = "社区与辖区的面馆商定，骑手凭驿站发放的爱心卡就餐可享九折。"
    assert not {n for n in names(text, "Facility") if "凭" in n}


def test_a_places_word_right_after_a_firms_registered_name_is_the_firms_office():
    text = "社区联系成都快捷通物流有限公司城北站点的党员站长担任组长。"
    assert not names(text, "Facility")
    assert "成都快捷通物流有限公司" in names(text, "Partner")


@pytest.mark.parametrize("text, absent", [
    ("理事会坚持议事，每周协商项目安排。", "每周协商项目"),
    ("两委班子碰头，每周商量项目推进。", "每周商量项目"),
])
def test_a_program_stem_that_begins_with_a_pointing_word_names_no_program(text, absent):
    # 每周 (a pronoun to jieba) says how often something is done to the projects, not which one
    assert absent not in names(text, "Program")


@pytest.mark.parametrize("text, cls, name", [
    # a room where a service is given ends in a body's ending (工作室): the longer ending of a place names it
    ("知律法律服务工作室开在村委会旁，律师每周坐班。", "Facility", "知律法律服务工作室"),
    ("镇里在集镇设立青川调解工作室。", "Facility", "青川调解工作室"),
    # a studio named otherwise is a body
    ("活动邀请了县移动公司、阿明工作室参加。", "Partner", "阿明工作室"),
])
def test_a_studio_where_a_service_is_given_is_a_facility(text, cls, name):
    assert name in names(text, cls)
