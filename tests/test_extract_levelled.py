"""levelled: a body written with a bare level word (区民政局, 县人民医院) is the district's or county's the article
wrote before it. Sentences written for these tests; the places are real divisions, the bodies invented."""
from __future__ import annotations

import pytest

from tests.test_extract import names

CASES = [
    # the district the sentence names first
    ("乐山市沙湾区铜河街道樟园社区联合区民政局开展敬老活动。", {"沙湾区民政局"}),
    # a county's hospital, written with 县
    ("宜宾市屏山县书楼镇联合县人民医院开展义诊。", {"屏山县人民医院"}),
    # the article's only district, named in the paragraph before
    ("乐山市沙湾区铜河街道樟园社区开展敬老活动。\n活动得到了区民政局的支持。", {"沙湾区民政局"}),
    # 市场 is a word of its own: 市场监管局 is no city's 市 + 场监管局
    ("乐山市沙湾区铜河街道樟园社区邀请市场监管局工作人员讲解食品安全。", {"市场监管局"}),
    # a county is no 区: its 区民政局 is not the county's
    ("宜宾市屏山县书楼镇联合区民政局开展慰问。", {"区民政局"}),
    # the district is named only after the body: nothing to refer back to
    ("区民政局工作人员来到樟园社区。樟园社区位于乐山市沙湾区铜河街道。", {"区民政局"}),
    # two districts before it, neither in its sentence or paragraph: which one is not said
    ("乐山市沙湾区与宜宾市翠屏区签订协作协议。\n会后，区民政局介绍了经验。", {"区民政局"}),
    # the article writes no county, but the gazetteer places its town and village in one: that county's
    ("城关镇石桥村地处山区。县民政局给予支持。", {"舒城县民政局"}),
    # a county-level city writes its own bureaus with 市 too (under an autonomous prefecture, no other 市 above)
    ("延吉市进学街道开展活动。市民政局给予支持。", {"延吉市民政局"}),
    # a town and village the gazetteer finds in several counties imply none
    ("桃源镇杨溪村地处山区。县民政局给予支持。", {"县民政局"}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_a_body_named_by_a_bare_level_word_is_the_unit_s_written_before_it(text, expected):
    assert names(text, "Partner") == expected


def test_a_party_body_named_after_a_bare_level_word_s_bureau_is_the_district_s():
    text = "乐山市沙湾区铜河街道樟园社区与区市场监督管理局机关党支部结对共建。"
    assert names(text, "PartyOrganization") == {"沙湾区市场监督管理局机关党支部"}
