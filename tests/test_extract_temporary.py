"""temporary and hierarchy: branches an organisation sets up (a temporary branch, a body's own branch it has
the body set up), named as the text writes them and under the organisation; bodies named below their unit,
under its committee. Sentences written for these tests; the places are real divisions, the bodies and
people invented."""
from __future__ import annotations

import pytest

from tests.test_extract import extract_text, names, relations


def test_a_temporary_branch_set_up_under_a_verb_of_leading_is_the_committees_and_its_secretary_leads_it():
    text = ("泸州市江阳区北城街道白塔社区开展老旧小区改造。白塔社区党委牵头成立龙透关片区改造临时党支部，"
            "由社区党委副书记石俊豪任临时党支部书记。")
    rels = relations(text)
    assert ("龙透关片区改造临时党支部", "subOrganizationOf", "白塔社区党委") in rels
    assert ("石俊豪", "leads", "龙透关片区改造临时党支部") in rels
    assert not any(s == "龙透关片区改造临时党支部" and p == "partyOrgOf" for s, p, o in rels)
    # (the post, the name and 任 before the kind word are no part of an organisation's name)
    assert not any("任" in n for n in names(text, "PartyOrganization"))


def test_a_bodys_own_branch_an_organisation_has_it_set_up_is_named_by_the_body_and_sits_under_the_organisation():
    text = "嘉兴市南湖区新兴街道芦席汇社区有9个小区。今年，芦席汇社区党委指导绿洲物业成立党支部，由社区党委委员潘玉洁担任物业党支部书记。"
    rels = relations(text)
    assert ("绿洲物业党支部", "subOrganizationOf", "芦席汇社区党委") in rels
    assert ("潘玉洁", "leads", "绿洲物业党支部") in rels
    # (the words written inside its name, 成立, make no other name of it)
    branch = next(m for m in extract_text(text).mentions if m.name == "绿洲物业党支部")
    assert not any("成立" in a for a in branch.aliases)


def test_a_class_of_bodies_moved_to_set_up_branches_names_no_branch():
    text = "嘉兴市南湖区新兴街道芦席汇社区党委推动辖区物业企业成立党支部。"
    assert names(text, "PartyOrganization") == {"芦席汇社区党委"}


def test_a_secretarys_name_and_the_verb_of_taking_a_post_are_no_part_of_a_bodys_name():
    text = "遵义市播州区鸭溪镇金钟村2021年成立生猪养殖专业合作社，村党支部书记冉启航任合作社理事长。"
    assert not any("任" in n for n in names(text, "Partner"))


BELOW_THE_UNITS_COMMITTEE = [
    # a branch named by its unit and a kind of members, or a number, is under the unit's committee, and is
    # not the unit's party organisation
    ("淮安市清江浦区浦楼街道丽华新村社区党委成立丽华新村社区快递行业联合党支部，吸纳辖区快递网点党员15名。",
     "丽华新村社区快递行业联合党支部", "丽华新村社区党委", "丽华新村社区"),
    ("淮安市清江浦区浦楼街道丽华新村社区党委有党员210名。丽华新村社区第三党支部组织党员清理楼道。",
     "丽华新村社区第三党支部", "丽华新村社区党委", "丽华新村社区"),
    # a joint committee a community's committee sets up is under that one, not under the subdistrict's that moved it
    ("淮安市清江浦区闸口街道党工委推动丽华新村社区党委牵头组建丽华新村社区两新联合党委，把辖区9家企业党组织纳入统一管理。",
     "丽华新村社区两新联合党委", "丽华新村社区党委", "丽华新村社区"),
]


@pytest.mark.parametrize("text, branch, committee, unit", BELOW_THE_UNITS_COMMITTEE)
def test_a_body_named_below_its_unit_sits_under_the_units_own_committee(text, branch, committee, unit):
    rels = relations(text)
    assert (branch, "subOrganizationOf", committee) in rels
    assert (branch, "partyOrgOf", unit) not in rels


def test_a_branch_joined_to_the_one_a_committee_set_up_is_not_set_up_by_it():
    rels = relations("淮安市第二人民医院党委下设的外科党支部与横林村党支部结成对子，每月进村义诊。")
    assert not any(s == "横林村党支部" and p == "subOrganizationOf" for s, p, o in rels)


def test_a_generic_committee_of_a_unit_is_the_units_own_not_a_body_named_below_it():
    text = ("淮安市清江浦区闸口街道丽华新村社区党委牵头组建丽华新村社区两新联合党委，把辖区9家企业党组织纳入统一管理。"
            "社区党委书记邹雨桐说，联盟每月开一次会。")
    rels = relations(text)
    assert ("邹雨桐", "leads", "丽华新村社区党委") in rels
    assert ("邹雨桐", "leads", "丽华新村社区两新联合党委") not in rels


BARE_KIND_OF_A_NAMED_BRANCH = [
    # 联合党支部 alone, after the joint branch the article named in full, is that branch, and does the deed
    ("淮安市清江浦区浦楼街道丽华新村社区党委成立丽华新村社区快递行业联合党支部，吸纳快递网点党员15名。"
     "丽华新村社区党委还组织居民清理楼道杂物。今年6月，联合党支部推出“红骑手”志愿服务项目，组织骑手巡查楼道隐患。",
     ("丽华新村社区快递行业联合党支部", "runsProgram", "红骑手")),
    # so does 临时党支部 alone, after the temporary branch
    ("泸州市江阳区北城街道白塔社区开展老旧小区改造。白塔社区党委牵头成立龙透关片区改造临时党支部，吸收居民党员9名。"
     "白塔社区党委还召开居民议事会。施工期间，临时党支部每周开展“工地开放日”活动，邀请居民查看施工质量。",
     ("龙透关片区改造临时党支部", "runsProgram", "工地开放日")),
]


@pytest.mark.parametrize("text, expected", BARE_KIND_OF_A_NAMED_BRANCH)
def test_a_compound_kind_word_alone_is_the_branch_named_with_it_before(text, expected):
    rels = relations(text)
    assert expected in rels
    assert not any(p == "runsProgram" and o == expected[2] and s != expected[0] for s, p, o in rels)


def test_a_temporary_branch_an_organisation_sets_up_is_under_it_and_no_units_party_organisation():
    rels = relations("泸州市江阳区北城街道白塔社区党委成立防汛临时党支部，组织党员巡查河堤。")
    assert ("防汛临时党支部", "subOrganizationOf", "白塔社区党委") in rels
    assert ("防汛临时党支部", "partyOrgOf", "白塔社区") not in rels
