"""A workplace's branch named by its firm's own words (甲乙物业党支部 in a story of 某地甲乙物业服务有限公司), a
firm's branch named by its registered name, a branch of a kind of members led by a unit's stem, a committee's
department a standing member heads, and a party organisation named in short by some of its stem's words.
Sentences written for the test."""
from __future__ import annotations

from test_extract import names, relations

WRITTEN_BRANCH = ("凌河区某社区党委引入锦州泰和安居物业服务有限公司进驻小区，推动成立泰和安居物业党支部，"
                  "由项目经理、党员柏文涛任书记。物业党支部每月组织党员员工开展一次志愿服务。")


def test_a_workplace_branch_written_with_the_firms_own_words_keeps_that_name():
    orgs = names(WRITTEN_BRANCH, "PartyOrganization")
    assert "泰和安居物业党支部" in orgs
    assert "锦州泰和安居物业服务有限公司党支部" not in orgs and "物业党支部" not in orgs


SHORT_FORM = ("某社区党委推动成立了恒丰物业锦绣苑项目党支部。社区党委、业主委员会和物业项目党支部每月召开一次联席会，"
              "物业项目党支部还组建了党员服务队。")


def test_a_party_body_named_by_some_of_its_stems_words_is_the_one_whose_stem_holds_them():
    orgs = names(SHORT_FORM, "PartyOrganization")
    assert "恒丰物业锦绣苑项目党支部" in orgs and "物业项目党支部" not in orgs


MEMBERS_COMMITTEE = ("浦口区顶山街道党工委召开两新党建推进会。街道“两新”组织党委在辖区3个园区新建党支部6个，"
                     "覆盖中小企业40余家。")


def test_a_members_committee_after_a_generic_level_word_is_that_levels_named_with_it():
    orgs = names(MEMBERS_COMMITTEE, "PartyOrganization")
    assert "顶山街道两新组织党委" in orgs and "两新组织党委" not in orgs


def test_a_members_committee_of_the_street_is_not_the_committee_its_communities_sit_under():
    # the members' committee is named before the street's working committee
    text = ("浦口区顶山街道召开两新党建推进会。街道“两新”组织党委在辖区3个园区新建党支部6个。"
            "顶山街道党工委要求各社区结对帮带。顶山街道珍珠路社区党委组织党员到企业走访。")
    rels = relations(text)
    assert ("珍珠路社区党委", "subOrganizationOf", "顶山街道党工委") in rels
    assert ("珍珠路社区党委", "subOrganizationOf", "顶山街道两新组织党委") not in rels


def test_a_class_word_cut_into_a_stem_names_no_organisation():
    # 全乡|村党组织, which jieba cuts 全|乡村|党组织: every village's organisation of the township, a class
    assert not names("乡党委将以某某村为样板，推动全乡村党组织领办合作社。", "PartyOrganization") - {"某某村党组织"}


def test_a_firms_branch_is_named_by_the_firms_registered_name():
    # jieba tags the trade's word a verb (配送), which stops the stem walk: the registered name from its place
    text = "在成都蓉信物流配送有限公司党支部的带动下，职工踊跃报名。"
    assert "成都蓉信物流配送有限公司党支部" in names(text, "PartyOrganization")


def test_a_units_stem_before_a_members_branch_names_the_units_branch():
    text = "彩虹商圈联合党支部由荔湾区彩虹街道党工委指导组建，商圈联合党支部现有党员12名。"
    found = names(text, "PartyOrganization")
    assert "彩虹商圈联合党支部" in found and "商圈联合党支部" not in found


def test_a_standing_member_of_a_committee_heads_its_named_department():
    # 某区委常委、宣传部部长: the department is the committee's, under it, and the person leads it
    text = "调研组由雁塔区委常委、宣传部部长孙立峰带队。"
    assert {"雁塔区委", "雁塔区委宣传部"} <= names(text, "PartyOrganization")
    assert {("雁塔区委宣传部", "subOrganizationOf", "雁塔区委"), ("孙立峰", "leads", "雁塔区委宣传部")} <= relations(text)


def test_a_firms_branch_named_by_its_form_alone_is_the_one_firms_of_the_story():
    text = ("街道引入成都锦程物业服务有限公司（以下简称“锦程物业”）进驻老旧小区。"
            "公司党支部书记何立新带领党员每月走访住户。")
    assert "成都锦程物业服务有限公司党支部" in names(text, "PartyOrganization")
    assert ("何立新", "leads", "成都锦程物业服务有限公司党支部") in relations(text)


def test_a_firms_branch_in_a_story_of_no_firm_names_nothing():
    assert not names("公司党支部书记何立新参加了会议。", "PartyOrganization")
