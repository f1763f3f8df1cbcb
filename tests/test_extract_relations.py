"""relations: partners engaged by a verb (请来, 委托) work with the sentence's actor. Sentences written for
these tests; the places are real divisions, the bodies and people invented."""
from __future__ import annotations

import pytest

from tests.test_extract import extract_text, relations

ENGAGED = [
    ("绵阳市涪城区城郊街道青义社区党委请来涪城区中医医院的医生为老人义诊。", ("青义社区党委", "partnersWith", "涪城区中医医院")),
    # (a body the actor contacts to get something done: 联系某公司,两个小时就修好了)
    ("绵阳市涪城区城郊街道青义社区接到求助后，社区联系绵阳宏达供热服务有限公司，当天就修好了暖气。",
     ("青义社区", "partnersWith", "绵阳宏达供热服务有限公司")),
    ("去年，绵阳市涪城区城郊街道青义社区党委委托绵阳安居物业服务有限公司管理老旧小区。",
     ("青义社区党委", "partnersWith", "绵阳安居物业服务有限公司")),
    # (a body something is handed over to, to run or keep: 建成后交给某公司维护, 交由某中心运营)
    ("绵阳市涪城区城郊街道青义社区今年新建了两处充电棚，建成后交给绵阳嘉沐物业服务有限公司日常维护。",
     ("青义社区", "partnersWith", "绵阳嘉沐物业服务有限公司")),
    ("绵阳市涪城区城郊街道青义社区党委把闲置的活动室交由涪城区善邻社会工作服务中心运营。",
     ("青义社区党委", "partnersWith", "涪城区善邻社会工作服务中心")),
]


@pytest.mark.parametrize("text, expected", ENGAGED)
def test_a_body_a_verb_of_engaging_names_is_the_actors_partner(text, expected):
    assert expected in relations(text)


def test_the_body_that_engages_someone_is_not_the_partner_of_the_one_it_engages():
    rels = relations("绵阳市涪城区城郊街道青义社区开展议事活动。绵阳日报请来社区党委书记刘芳做客直播间。")
    assert not any(p == "partnersWith" and "绵阳日报" in (s, o) for s, p, o in rels)


def test_a_unit_right_after_a_verb_of_engaging_is_the_engaged_bodys_place_not_the_actor():
    # the unit begins the name of the body engaged (a name the rules need not find whole)
    text = "广元市利州区东坝街道白鹤村党支部请来利州区农技推广站的技术员，每月在村里办一次“田坎课堂”。"
    rels = relations(text)
    assert ("白鹤村党支部", "runsProgram", "田坎课堂") in rels
    assert ("利州区", "runsProgram", "田坎课堂") not in rels


def test_a_committees_department_is_its_sub_organisation_where_the_article_names_the_committee():
    rels = relations("遂宁市船山区召开党建工作推进会。船山区委书记何志平出席，船山区委组织部负责人通报了考核结果。")
    assert ("船山区委组织部", "subOrganizationOf", "船山区委") in rels


def test_a_program_whose_clause_names_a_doer_that_is_no_actor_is_not_the_focus_s():
    text = ("德阳市旌阳区旌东街道岷江社区与旌阳区实验小学签订共建协议。暑假期间，由学校的老师在社区开设“周末书桌”。")
    assert not any(p == "runsProgram" and o == "周末书桌" for _, p, o in relations(text))


DEPARTMENT_CASES = [
    # a committee's department belongs to the committee, not to the unit as its party organisation
    ("岳池县委组织部选派干部走进九龙镇花园村宣讲。", "岳池县委组织部", "岳池县"),
    ("广安市广安区委组织部联合浓洄街道开展“头雁领航”培训。", "广安区委组织部", "广安区"),
]


@pytest.mark.parametrize("text, org, unit", DEPARTMENT_CASES)
def test_a_committees_department_is_not_a_units_party_organisation(text, org, unit):
    assert org in {m.name for m in extract_text(text).mentions if m.cls == "PartyOrganization"}
    assert (org, "partyOrgOf", unit) not in relations(text)


FOUNDING = "2024年，泸州市江阳区茜草街道党工委推动成立长江物流港综合党委，由泸州港务集团有限公司牵头，把园区内9家企业党支部纳入统一管理。"


def test_a_committee_a_street_committee_has_set_up_is_its_sub_organisation():
    # (a word before the verb of setting up: 推动成立, 指导成立)
    assert ("长江物流港综合党委", "subOrganizationOf", "茜草街道党工委") in relations(FOUNDING)


def test_the_partner_of_a_founding_works_with_the_founder_not_with_the_body_set_up():
    rels = {(s, o) for s, p, o in relations(FOUNDING) if p == "partnersWith"}
    assert rels == {("茜草街道党工委", "泸州港务集团有限公司")}


def test_a_body_named_only_as_the_post_of_someone_who_attends_is_no_partner():
    text = "兰州市七里河区敦煌路街道召开基层治理推进会。兰州市第五人民医院院长孙立新、七里河区建兰路小学校长马晓东参加会议。"
    rels = relations(text)
    assert ("孙立新", "leads", "兰州市第五人民医院") in rels
    assert not any(p == "partnersWith" for _, p, _ in rels)


def test_a_body_named_as_a_post_in_a_clause_that_partners_it_is_a_partner():
    text = "兰州市七里河区敦煌路街道召开基层治理推进会。会上，敦煌路街道联合兰州市第五人民医院院长孙立新团队开展义诊。"
    assert ("敦煌路街道", "partnersWith", "兰州市第五人民医院") in relations(text)


def test_an_actor_after_the_partner_is_the_units_committee_written_bare_not_the_unit_it_begins_with():
    text = "宜宾市翠屏区南岸街道金沙社区开展议事活动。宜宾安康餐饮管理有限公司常年为老人送餐，社区党委为其协调场地。"
    assert {s for s, p, o in relations(text) if p == "partnersWith"} == {"金沙社区党委"}


ADDRESSED_CASES = [
    # bodies a directive tells what to do (its frame may open the sentence its semicolons divide)
    ("遂宁市船山区召开基层治理推进会。会议要求，各街道要逐项建立工作台账；区民政局、区卫生健康局等区直部门要加强协同，"
     "在社区服务体系建设方面给予支持。", set()),
    # a body that signs with the district, not told what to do, is its partner
    ("遂宁市船山区召开基层治理推进会。会上，船山区与遂宁市第一人民医院签订合作协议，医院要派医生定期下社区。",
     {("船山区", "遂宁市第一人民医院")}),
]


@pytest.mark.parametrize("text, expected", ADDRESSED_CASES)
def test_a_body_a_directive_addresses_is_no_partner(text, expected):
    assert {(s, o) for s, p, o in relations(text) if p == "partnersWith"} == expected


def test_a_committee_listed_first_among_the_signing_bodies_is_one_of_them_not_their_partner():
    # 签约单位有甲公司党委、乙小学、丙医院和丁公司: the list's bodies work with the signer, not with its first item
    text = ("5月20日，宜昌市西陵区云集街道桃花岭社区党委与辖区5家单位签订共建协议。"
            "签约单位有宜昌长江纸业有限公司党委、西陵区桃园小学、宜昌市第五人民医院和宜昌顺达物业服务有限公司。")
    rels = relations(text)
    for body in ("西陵区桃园小学", "宜昌市第五人民医院", "宜昌顺达物业服务有限公司"):
        assert ("桃花岭社区党委", "partnersWith", body) in rels
        assert ("宜昌长江纸业有限公司党委", "partnersWith", body) not in rels


def test_an_actor_joined_to_a_list_by_a_coordinator_works_with_the_bodies_listed():
    rels = relations("宜昌市西陵区云集街道桃花岭社区党委与西陵区桃园小学、宜昌市第五人民医院签订共建协议。")
    assert ("桃花岭社区党委", "partnersWith", "西陵区桃园小学") in rels
    assert ("桃花岭社区党委", "partnersWith", "宜昌市第五人民医院") in rels


PARTNERS_OWN_FACILITIES = [
    # a facility whose clause a partner opens is the partner's, opened to the residents: no place holds it
    ("六安市金安区三里桥街道晨光社区与安徽康泰医院签订共建协议。签约当天，安徽康泰医院在社区开设义诊服务站，每周派医生坐诊。",
     "义诊服务站"),
    # (the partner written by its short form: trade name and trade)
    ("六安市金安区三里桥街道晨光社区党委与六安乐活精工机械有限公司签订共建协议。乐活精工机械将开放职工餐厅，为社区老人提供助餐服务。",
     "职工餐厅"),
]


@pytest.mark.parametrize("text, facility", PARTNERS_OWN_FACILITIES)
def test_a_facility_a_partner_opens_its_clause_with_is_no_places(text, facility):
    assert not any(p == "hasFacility" and o == facility for s, p, o in relations(text))


def test_a_facility_the_community_opens_its_clause_with_is_the_communitys():
    text = "六安市金安区三里桥街道晨光社区在小区里开设义诊服务站，每周请医生坐诊。"
    assert ("晨光社区", "hasFacility", "义诊服务站") in relations(text)


def test_a_residential_compound_is_where_a_partnership_is_made_and_its_community_makes_it():
    # (the gold of every set never has a compound run a program or work with a partner)
    rels = relations("淮安市清江浦区城南街道翠竹园社区桂花苑小区完成改造。改造后，小区将引入淮安安家物业服务有限公司提供准物业服务。")
    assert ("翠竹园社区", "partnersWith", "淮安安家物业服务有限公司") in rels
    assert ("桂花苑小区", "partnersWith", "淮安安家物业服务有限公司") not in rels


SIGNED = [
    # a body that signs an agreement (签订…协议) works with the sentence's actor, here the article's village:
    # brought in by a person, or joined by 与 to a clause whose subject is left out
    ("六安市裕安区独山镇石婆店村发展茶叶产业。驻村第一书记闵志远跑遍县里的企业，引来安徽绿芽茶业有限公司签订保底收购协议。",
     ("石婆店村", "partnersWith", "安徽绿芽茶业有限公司")),
    ("六安市裕安区独山镇石婆店村成立茶叶合作社，统一管护茶园；与六安皖西粮油有限公司签订收购协议，打消了村民的销售顾虑。",
     ("石婆店村", "partnersWith", "六安皖西粮油有限公司")),
]


@pytest.mark.parametrize("text, expected", SIGNED)
def test_a_body_that_signs_an_agreement_is_a_partner(text, expected):
    assert expected in relations(text)


def test_the_committee_a_sentence_opens_with_sets_up_the_body_a_later_clause_names():
    # the street's committee (written after its places) is the subject; the clause after the comma sets the branch up
    text = "丹东市振兴区站前街道党工委按照应建尽建的要求，在临港产业园设立临港产业园联合党支部，覆盖园区内12家企业的30名党员。"
    assert ("临港产业园联合党支部", "subOrganizationOf", "站前街道党工委") in relations(text)


def test_a_team_named_by_its_quote_is_the_units_own_wherever_it_is_named():
    # (its name is the quote, its whole form an alias: the team's ending is the alias's)
    text = "临川区青云街道凤岭社区推出多项便民举措。社区还组织了一支“银杏”志愿服务队，夜间在小巷巡逻。"
    assert ("凤岭社区", "partnersWith", "银杏") in relations(text)


def test_the_unit_that_sets_up_a_team_holds_it_and_not_its_committee_in_its_stead():
    text = ("临川区青云街道凤岭社区党委书记周立群介绍了今年的做法。"
            "社区还组建了“银杏”志愿服务队，队长由退休教师邱德望担任。")
    rels = relations(text)
    assert ("凤岭社区", "partnersWith", "银杏") in rels
    assert ("凤岭社区党委", "partnersWith", "银杏") not in rels
