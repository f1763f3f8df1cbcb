"""abbreviated: a body introduced by its full name with a declared short name (（以下简称“甲乙科技”）) is the
body wherever the short name is written later: its posts lead it, its 党支部 is the firm's own branch (named as
written).
Sentences written for these tests; the place is a real division, the firms and people invented."""
from __future__ import annotations

import pytest

from tests.test_extract import extract_text, names, relations

PLACE = "鞍山市铁西区宁远街道民馨园社区"
FIRM = "鞍山鹤汀环保科技有限公司"


@pytest.mark.parametrize("declaration", ["（以下简称“鹤汀环保”）", "（简称“鹤汀环保”）", "(下称“鹤汀环保”)"])
def test_a_post_after_the_declared_short_name_leads_the_body_named_in_full(declaration):
    text = (f"{PLACE}引入{FIRM}{declaration}参与垃圾分类。"
            "鹤汀环保总经理邵景行介绍，公司每天派出两辆清运车。")
    assert ("邵景行", "leads", FIRM) in relations(text)
    assert "鹤汀环保" not in names(text, "Partner")  # one body, named in full
    [firm] = {m for m in extract_text(text).mentions if m.name == FIRM and m.surface == "鹤汀环保"}
    assert "鹤汀环保" in firm.aliases


def test_without_a_declaration_the_short_name_is_no_mention():
    text = f"{PLACE}引入{FIRM}参与垃圾分类。鹤汀环保总经理邵景行介绍，公司每天派出两辆清运车。"
    assert ("邵景行", "leads", FIRM) not in relations(text)


def test_the_short_name_before_a_kind_of_branch_is_the_firms_own_branch():
    text = (f"{PLACE}与{FIRM}（以下简称“鹤汀环保”）签订共建协议，"
            "鹤汀环保党支部书记卞若川带领党员职工进小区宣传。")
    rels = relations(text)
    assert ("卞若川", "leads", "鹤汀环保党支部") in rels
    assert ("民馨园社区", "partnersWith", FIRM) in rels
    # the firm's branch, named in its secretary's post, holds none of the article's partnerships
    assert not any(p == "partnersWith" and "鹤汀环保党支部" in (s, o) for s, p, o in rels)


def test_a_branch_the_party_rules_miss_is_found_after_the_declared_short_name():
    # 甲乙建设 ends in no workplace word the party rules know: the declaration alone makes 甲乙建设党支部 a branch
    text = (f"{PLACE}与鞍山鹤汀建设工程有限公司（简称“鹤汀建设”）签订共建协议，"
            "鹤汀建设党支部书记卞若川带领党员职工进小区。")
    assert "鹤汀建设党支部" in names(text, "PartyOrganization")
    assert ("卞若川", "leads", "鹤汀建设党支部") in relations(text)


def test_a_body_named_again_by_its_short_name_is_no_partner_of_itself():
    text = (f"{PLACE}引入{FIRM}（以下简称“鹤汀环保”）负责清运，鹤汀环保总经理邵景行说，车辆每天出动两次。")
    rels = relations(text)
    assert not any(p == "partnersWith" and s == o for s, p, o in rels)
    assert ("民馨园社区", "partnersWith", FIRM) in rels


def test_a_declaration_after_no_partner_or_facility_declares_nothing():
    # the bracket follows a program's quoted name: its short form is the program's own business
    text = f"{PLACE}推出“绿色积换行动”（以下简称“绿积换”）。绿积换总经理邵景行介绍了做法。"
    assert not any(p == "leads" and s == "邵景行" for s, p, _ in relations(text))


def test_a_declared_short_name_with_a_places_ending_is_the_body_not_a_place():
    # 超市 ends places' names too: the short name declared for the firm is the firm wherever it is written
    text = (f"{PLACE}引入鞍山鹤汀连锁超市有限公司（以下简称“鹤汀超市”）设立爱心货架，"
            "鹤汀超市每天送来临期果蔬，鹤汀超市党支部书记卞若川带着党员上门送菜。")
    assert not names(text, "Facility") & {"鹤汀超市", "鞍山鹤汀连锁超市有限公司"}
    assert "鹤汀超市党支部" in names(text, "PartyOrganization")
    rels = relations(text)
    assert ("卞若川", "leads", "鹤汀超市党支部") in rels
    assert not any(s == "鹤汀超市党支部" and p == "partnersWith" for s, p, o in rels)


def test_the_declared_short_name_says_where_the_trade_name_begins():
    # 翱翔 is a verb to jieba, so the name's own words stop at it; the short name writes it as the trade name
    text = f"{PLACE}联系鞍山翱翔体育用品有限公司（以下简称“翱翔体育”）捐赠篮球，翱翔体育总经理邵景行说。"
    assert "鞍山翱翔体育用品有限公司" in names(text, "Partner")
    assert "体育用品有限公司" not in names(text, "Partner")
    assert ("邵景行", "leads", "鞍山翱翔体育用品有限公司") in relations(text)
