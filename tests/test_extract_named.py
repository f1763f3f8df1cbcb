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
