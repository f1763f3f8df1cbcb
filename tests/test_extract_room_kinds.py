"""Rooms and points a community or village opens (a reading room, a point where elders eat, where residents
are advised or deliberate, a cold store) are facilities by their kind word, quoted or not."""
from __future__ import annotations

import pytest

from test_extract import names

CASES = [
    # a building verb opens the name; the kind word of a point where elders eat ends it
    ("宜宾市翠屏区南岸街道某某社区在居委会二楼开设晨曦老年助餐点，每天为独居老人提供午餐。", "晨曦老年助餐点"),
    # a quoted name whose own last word is a reading room's
    ("社区把闲置车库改造成“栖梧书房”，周末由志愿者值守。", "栖梧书房"),
    # a village's cold store for its produce, named after the village
    ("村党支部牵头建成桃源村果蔬冷藏库，解决了鲜果外运难题。", "桃源村果蔬冷藏库"),
    ("镇里协调资金建设了柳湾村柑橘保鲜库。", "柳湾村柑橘保鲜库"),
    # a room where residents deliberate, named after their estate
    ("每月第一个周六，居民代表在滨江苑议事室讨论楼道照明的改造方案。", "滨江苑议事室"),
    # a point where residents get legal advice
    ("律师每周三到翠竹法律咨询点坐班，为群众解答法律问题。", "翠竹法律咨询点"),
]


@pytest.mark.parametrize("text, facility", CASES)
def test_a_room_or_point_is_a_facility_by_its_kind_word(text, facility):
    assert facility in names(text, "Facility")


def test_the_kind_word_alone_names_no_facility():
    # no stem before the kind word: a point, not a named place
    assert not names("报名的居民请到咨询点登记。", "Facility") & {"咨询点", "到咨询点"}


@pytest.mark.parametrize("text", ["老人们吃过午饭，就到隔壁活动室下棋。", "社区在楼下活动室办起了托管班。"])
def test_a_word_of_where_before_a_room_s_word_names_no_facility(text):
    assert not names(text, "Facility")


def test_a_compass_word_may_begin_a_facility_s_name():
    assert names("村里新建了东方活动室，每天开放。", "Facility") == {"东方活动室"}


@pytest.mark.parametrize("text, expected", [
    # a village's loudspeaker station and its store of emergency supplies, named with the village; the verbal
    # noun of their purpose (应急) stops no walk that reaches the unit
    ("金沙村应急广播站的喇叭每天早晚播报天气。", "金沙村应急广播站"),
    ("村里在村委会院内建起金沙村应急物资储备室，存放铁锹和灭火器。", "金沙村应急物资储备室"),
    ("小区里新建了电动车充电棚，居民不用再飞线充电。", "电动车充电棚"),
])
def test_stations_stores_and_sheds_are_facilities(text, expected):
    assert expected in names(text, "Facility")


def test_a_village_hall_and_a_park_of_firms_are_facilities():
    assert "梅溪村文化礼堂" in names("每逢周末，梅溪村文化礼堂里都坐满了看戏的村民。", "Facility")
    # a place within a place is named after it, and the park is a place of its own where written alone
    text = "东湖科创产业园党群服务中心里，企业党支部书记正在开会。东湖科创产业园入驻企业40家。"
    assert {"东湖科创产业园党群服务中心", "东湖科创产业园"} <= names(text, "Facility")
