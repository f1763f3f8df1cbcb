"""Party organisations a count or a bare kind word speaks of. Sentences written for the test."""
from __future__ import annotations

from test_extract import names


def test_a_count_of_secretaries_of_a_kind_of_branch_names_no_branch():
    orgs = names("园区二十多名企业党支部书记参加了培训。", "PartyOrganization")
    assert not {o for o in orgs if o.endswith("企业党支部")}


def test_a_bare_kind_word_in_a_title_is_the_committee_named_without_a_unit():
    # the park is no administrative unit: its committee is the article's 党委, not one made up for the community
    text = "东岭社区：园区企业遇难题　党委来牵头\n\n　　2023年，晨光产业园综合党委正式成立，统筹园区企业党建。"
    assert names(text, "PartyOrganization") == {"晨光产业园综合党委"}


def test_a_branch_of_retired_teachers_is_a_branch_of_its_members():
    orgs = names("社区党委下设的退休教师党支部组织老党员辅导孩子。", "PartyOrganization")
    assert any(o.endswith("退休教师党支部") for o in orgs)


def test_an_institution_s_word_after_its_own_name_ends_the_name_of_its_committee():
    # 医院 is a kind of members' workplace (医院党委 alone); after the hospital's own name it ends that name
    orgs = names("桐城市康宁医院党委组织医生下乡义诊。", "PartyOrganization")
    assert orgs == {"桐城市康宁医院党委"}


def test_a_temporary_branch_is_named_for_its_task_after_the_place():
    # 改造 is a verb to jieba; a temporary branch's name holds its task between the place and 临时
    orgs = names("社区党委牵头成立枫林苑小区改造临时党支部，党员来自物业和业委会。", "PartyOrganization")
    assert "枫林苑小区改造临时党支部" in orgs
