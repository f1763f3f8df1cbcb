"""temporary: branches an organisation sets up (a temporary branch, a body's own branch it has the body set
up), named as the text writes them and under the organisation. Sentences written for these tests; the
places are real divisions, the bodies and people invented."""
from __future__ import annotations

from tests.test_extract import extract_text, names, relations


def test_a_temporary_branch_set_up_under_a_verb_of_leading_is_the_committees_and_its_secretary_leads_it():
    text = ("泸州市江阳区北城街道白塔社区开展老旧小区改造。白塔社区党委牵头成立龙透关片区改造临时党支部，"
            "由社区党委副书记石俊豪任临时党支部书记。")
    rels = relations(text)
    assert ("龙透关片区改造临时党支部", "subOrganizationOf", "白塔社区党委") in rels
    assert ("石俊豪", "leads", "龙透关片区改造临时党支部") in rels
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
