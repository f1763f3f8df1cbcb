"""hierarchy and actors: what a sentence says of who is under whom (隶属) and who only guides a deed
(在…指导下). Sentences written for these tests; the places are real divisions, the bodies and people invented."""
from __future__ import annotations

import pytest

from tests.test_extract import relations

BELONGING = [
    # the branch named right before the verb
    ("2023年，包头市青山区批准成立包头青松物业服务有限公司党支部，该支部隶属幸福路街道党工委，现有党员9名。",
     ["包头青松物业服务有限公司党支部"], "幸福路街道党工委"),
    # a count and a head word stand for the branches the clause before names
    ("今年，宁德市蕉城区蕉南街道的两家企业相继建起党组织：宁德瑞丰商贸有限公司党支部和宁德鹤鸣物流有限公司党支部，两个支部目前均隶属蕉南街道党工委。",
     ["宁德瑞丰商贸有限公司党支部", "宁德鹤鸣物流有限公司党支部"], "蕉南街道党工委"),
]


@pytest.mark.parametrize("text, branches, parent", BELONGING)
def test_a_clause_of_belonging_places_the_branches_under_the_organisation_it_names(text, branches, parent):
    rels = relations(text)
    for branch in branches:
        assert (branch, "subOrganizationOf", parent) in rels
        assert not any(s == branch and p == "subOrganizationOf" and o != parent for s, p, o in rels)


def test_the_body_that_guides_a_deed_does_not_run_the_program():
    text = "南平市延平区水南街道梅山社区党委在水南街道党工委的指导下推出“三色预警”工作法，给楼栋隐患分级。"
    rels = relations(text)
    assert ("梅山社区党委", "runsProgram", "三色预警") in rels
    assert ("水南街道党工委", "runsProgram", "三色预警") not in rels


def test_a_program_a_body_studies_is_not_the_one_it_runs():
    text = "南平市延平区水南街道党工委组织各社区党组织书记到梅山社区观摩学习“三色预警”工作法。"
    assert not any(p == "runsProgram" and o == "三色预警" and s.startswith("水南街道") for s, p, o in relations(text))


FACILITY_BUILDERS = [
    # the village's own branch builds a store named with the village: the branch holds it
    ("去年秋天，楚雄州武定县狮山镇平地村党支部牵头建成平地村菌菇烘干房，每天能烘干两吨鲜菇。",
     ("平地村党支部", "hasFacility", "平地村菌菇烘干房"), ("平地村", "hasFacility", "平地村菌菇烘干房")),
]


@pytest.mark.parametrize("text, held, not_held", FACILITY_BUILDERS)
def test_a_facility_named_with_its_unit_is_its_builder_s_when_the_unit_s_own_committee_builds_it(text, held, not_held):
    rels = relations(text)
    assert held in rels
    assert not_held not in rels


def test_a_facility_named_with_its_unit_stays_the_unit_s_when_another_body_builds_it():
    text = "楚雄州武定县狮山镇党委投资30万元，为平地村建成平地村菌菇烘干房。"
    assert ("狮山镇党委", "hasFacility", "平地村菌菇烘干房") not in relations(text)


def test_a_facility_every_unit_has_stays_the_unit_s_when_its_committee_builds_it():
    text = "楚雄州武定县狮山镇党委近年来建成狮山镇党群服务中心，服务群众办事。"
    rels = relations(text)
    assert ("狮山镇", "hasFacility", "狮山镇党群服务中心") in rels
    assert ("狮山镇党委", "hasFacility", "狮山镇党群服务中心") not in rels
