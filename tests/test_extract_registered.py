"""Registered names of firms and law offices, from the place they are registered in to their legal form,
when jieba cuts the trade name into characters or tags the trade's words as verbs (配送) or quantities
(零部件). Sentences written for the test."""
from __future__ import annotations

import pytest

from test_extract import names

REGISTERED_CASES = [
    ("街道联合长沙快达同城配送有限公司等4家配送站点建起驿站。", {"长沙快达同城配送有限公司"}),
    ("牵头企业株洲华锐汽车零部件有限公司负责人介绍了用工需求。", {"株洲华锐汽车零部件有限公司"}),
    ("社区还请来广西正衡律师事务所，为居民提供法律咨询。", {"广西正衡律师事务所"}),
]


@pytest.mark.parametrize("text, expected", REGISTERED_CASES)
def test_a_registered_name_begins_with_its_place(text, expected):
    assert expected <= names(text, "Partner")


def test_a_clause_before_the_legal_form_is_no_name():
    assert not {n for n in names("去年在长沙成立了一家有限公司。", "Partner") if n.startswith("长沙")}


def test_a_place_before_the_verb_whose_object_the_firm_is_begins_no_name():
    assert names("光明社区引入宏达物业服务有限公司。", "Partner") == {"宏达物业服务有限公司"}
