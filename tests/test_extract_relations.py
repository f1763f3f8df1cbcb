"""relations: partners engaged by a verb (请来, 委托) work with the sentence's actor. Sentences written for
these tests; the places are real divisions, the bodies and people invented."""
from __future__ import annotations

import pytest

from tests.test_extract import relations

ENGAGED = [
    ("绵阳市涪城区城郊街道青义社区党委请来涪城区中医医院的医生为老人义诊。", ("青义社区党委", "partnersWith", "涪城区中医医院")),
    ("去年，绵阳市涪城区城郊街道青义社区党委委托绵阳安居物业服务有限公司管理老旧小区。",
     ("青义社区党委", "partnersWith", "绵阳安居物业服务有限公司")),
]


@pytest.mark.parametrize("text, expected", ENGAGED)
def test_a_body_a_verb_of_engaging_names_is_the_actors_partner(text, expected):
    assert expected in relations(text)


def test_the_body_that_engages_someone_is_not_the_partner_of_the_one_it_engages():
    rels = relations("绵阳市涪城区城郊街道青义社区开展议事活动。绵阳日报请来社区党委书记刘芳做客直播间。")
    assert not any(p == "partnersWith" and "绵阳日报" in (s, o) for s, p, o in rels)
