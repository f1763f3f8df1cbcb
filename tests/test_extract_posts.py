"""posts: the body a person's post leads when no body is written with the role before the name. The
sentences were written for these tests; each names its body in another sentence or clause than the post."""
from __future__ import annotations

import pytest

from tests.test_extract import extract_text, relations

CASES = [
    # a post taken after the name (当选) says what the person leads, not the occupation before it
    ("2023年5月，临沂市兰山区柳青街道和平社区党委推动成立阳光小区党支部，退休医生刘建华当选支部书记。",
     ("刘建华", "leads", "阳光小区党支部")),
    # a post that opens the clause, held by the name after 由
    ("杭州市拱墅区米市巷街道成立快递行业联合党支部，联合党支部书记由街道办事处副主任孙丽华兼任。",
     ("孙丽华", "leads", "快递行业联合党支部")),
    # a level's head (区长) in a sentence that names no district leads the district named before
    ("兰州市七里河区召开基层治理推进会。区委副书记、区长赵明德主持会议。", ("赵明德", "leads", "七里河区")),
    # a bureau's head (局长) leads the one bureau named before
    ("安康市石泉县林业局与城关镇签订护林协议。局长万国平介绍了今年的造林任务。", ("万国平", "leads", "安康市石泉县林业局")),
    # a village's first secretary leads the village's party organisation: a post given after 被 and a
    # verb of sending, and one coordinated before the person's own role
    ("黔东南州雷山县丹江镇羊排村党支部有党员31名。2022年，州农业农村局干部潘文斌被派驻羊排村担任第一书记。",
     ("潘文斌", "leads", "羊排村党支部")),
    ("黔东南州雷山县丹江镇羊排村党支部有党员31名。驻村第一书记、州农业农村局干部潘文斌介绍，村里种了200亩茶。",
     ("潘文斌", "leads", "羊排村党支部")),
    # two posts one person holds, joined by 兼: each leads its own body
    ("黔西南州安龙县洒雨镇冷洞村党支部书记兼村委会主任罗光明介绍了村里的产业。", ("罗光明", "leads", "冷洞村党支部")),
    ("黔西南州安龙县洒雨镇冷洞村党支部书记兼村委会主任罗光明介绍了村里的产业。", ("罗光明", "leads", "冷洞村")),
    # a post that opens the clause, its holder's own titles listed with 、 between 由 and the name
    ("阿坝州红原县邛溪镇成立“雪莲骑行宣讲队”，队长由镇党委委员、组织委员泽仁多吉担任。", ("泽仁多吉", "leads", "雪莲骑行宣讲队")),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_a_post_leads_the_body_its_words_name(text, expected):
    assert expected in relations(text)


def test_a_district_head_does_not_lead_a_community_whose_name_ends_in_the_same_character():
    text = "兰州市七里河区敦煌路街道建兰社区开展议事活动。区长赵明德参加。"
    assert ("赵明德", "leads", "建兰社区") not in relations(text)
    assert ("赵明德", "leads", "七里河区") in relations(text)


def test_an_occupation_before_the_name_leads_nothing_when_no_post_is_taken():
    text = "临沂市兰山区柳青街道和平社区党委成立阳光小区党支部，退休医生刘建华参加了成立大会。"
    assert not {r for r in relations(text) if r[1] == "leads"}


def test_a_deputy_who_holds_a_post_by_a_clause_leads_as_the_post():
    # the mention's role is the post the person leads by, not the deputy's title before the name
    mention = next(m for m in extract_text("杭州市拱墅区米市巷街道成立快递行业联合党支部，联合党支部书记由街道办事处副主任孙丽华兼任。").mentions
                   if m.name == "孙丽华")
    assert mention.role == "联合党支部书记"


def test_a_second_post_coordinated_before_the_one_that_names_a_body_leads_its_own_body():
    text = "黑河市北安市二井镇二井村党支部书记、北安市二井大豆种植专业合作社理事长孟宪军站在地头算账。"
    rels = relations(text)
    assert ("孟宪军", "leads", "二井村党支部") in rels
    assert ("孟宪军", "leads", "北安市二井大豆种植专业合作社") in rels


FIRM_HEADS = [
    # a firm's general manager heads it, as its chairman does (…长); a deputy general manager does not
    ("在外打拼多年的赣州鸿运家具有限公司总经理李德顺回乡投资办厂。", ("李德顺", "leads", "赣州鸿运家具有限公司"), True),
    ("遵义市红花岗区老城街道召开座谈会，贵州黔丰物流有限公司副总经理钱晓东参会。", ("钱晓东", "leads", "贵州黔丰物流有限公司"), False),
]


@pytest.mark.parametrize("text, expected, leads", FIRM_HEADS)
def test_a_firms_general_manager_leads_it_and_a_deputy_does_not(text, expected, leads):
    assert (expected in relations(text)) is leads


TAKEN_SECOND_POSTS = [
    # a committee's secretary who takes a second post by a verb after the name (兼任, 任) leads both bodies;
    # the cooperative is named in full before it, and by its short form with the post
    ("遵义市播州区鸭溪镇金钟村2021年成立播州区金钟生猪养殖专业合作社，村党总支书记冉启航兼任合作社理事长。",
     {("冉启航", "leads", "播州区金钟生猪养殖专业合作社"), ("冉启航", "leads", "金钟村党总支")}),
    ("遵义市播州区鸭溪镇金钟村2021年成立生猪养殖专业合作社，村党支部书记冉启航任合作社理事长。",
     {("冉启航", "leads", "生猪养殖专业合作社"), ("冉启航", "leads", "金钟村党支部")}),
]


@pytest.mark.parametrize("text, expected", TAKEN_SECOND_POSTS)
def test_a_post_taken_after_the_name_of_a_committees_secretary_leads_its_own_body(text, expected):
    assert expected <= relations(text)


def test_a_post_taken_after_the_name_not_one_listed_before_the_persons_occupation_says_what_the_person_leads():
    text = ("淮安市清江浦区浦楼街道丽华新村社区党委成立丽华新村社区快递行业联合党支部，"
            "由淮安迅达快递有限公司站长、党员秦浩然担任支部书记。")
    rels = relations(text)
    assert ("秦浩然", "leads", "丽华新村社区快递行业联合党支部") in rels
    assert ("秦浩然", "leads", "淮安迅达快递有限公司") not in rels
    # (the firm is named as the person's employer, no partner of the committee)
    assert not any(p == "partnersWith" and "淮安迅达快递有限公司" in (s, o) for s, p, o in rels)


POSTS_AS_WRITTEN = [
    # the role word is 主任; the clause writes the body's short form (业委会) before it
    ("淮安市清江浦区城南街道翠竹园社区召开业主大会，翠竹园小区业主委员会9名委员参加。在翠竹园小区，业委会主任华建平带领业主清理楼道杂物。",
     ("华建平", "leads", "翠竹园小区业主委员会")),
    # 队长 names no body of the article; the post coordinated before it, after a quotation, does (a village's
    # first secretary leads its party organisation); the role as written begins with its body's word (工作队)
    ("六安市裕安区独山镇石婆店村党支部有党员40名。“今年要把通村路修好。”驻村第一书记、工作队队长闵志远说。",
     ("闵志远", "leads", "石婆店村党支部")),
]


@pytest.mark.parametrize("text, expected", POSTS_AS_WRITTEN)
def test_the_first_post_written_around_the_name_whose_body_the_article_names_is_the_one_led(text, expected):
    assert expected in relations(text)


# A person may hold more posts than the two a name's own words attach: each leading post, listed before
# the name, taken after it by a verb or given by a 由 clause, leads its own body; a post without a body
# word taken in the sentence that sets a body up leads that body.
MORE_POSTS = [
    # a third post, taken after the name, besides the two listed before it
    ("张掖市甘州区长安镇上四闸村党支部领办成立了甘州区上四闸蔬菜种植专业合作社，村党支部书记、村委会主任邝德昌兼任合作社理事长。",
     ("邝德昌", "leads", "甘州区上四闸蔬菜种植专业合作社")),
    # the post listed before the name, when a verb gives the person another one after it
    ("丹东市振兴区站前街道在临港园区设立数字产业联合党支部，由丹东江岸科技有限公司党支部书记、副总经理闫秀芬兼任联合党支部书记。",
     ("闫秀芬", "leads", "丹东江岸科技有限公司党支部")),
    # a bare post (书记) taken in the sentence that set the body up
    ("丹东市振兴区站前街道东晨社区党委指导成立了东晨花园业主委员会党支部，由物业项目经理、党员郜文斌任书记。",
     ("郜文斌", "leads", "东晨花园业主委员会党支部")),
    # a post that opens the clause (队长由…担任) when the holder's own role already names another body
    ("丹东市振兴区站前街道东晨社区组建了“银桦”志愿服务队，队长由社区第一党支部书记邝雪梅担任。",
     ("邝雪梅", "leads", "银桦")),
]


@pytest.mark.parametrize("text, expected", MORE_POSTS)
def test_each_post_a_person_holds_leads_its_body(text, expected):
    assert expected in relations(text)


def test_a_bare_post_leads_no_body_the_sentence_did_not_set_up():
    text = "丹东市振兴区站前街道党工委表彰了东晨社区党委，党员郜文斌任书记以来，社区新建了两处健身点。"
    assert not {r for r in relations(text) if r[0] == "郜文斌" and r[1] == "leads" and r[2] != "东晨社区党委"}


def test_a_name_ends_before_the_verb_of_its_post_and_a_group_s_head_leads_the_group():
    # 担|任组长: the name's reading stops before the verb's first character; 组长 leads the body ending in 组
    text = "丹东市振兴区站前街道东晨社区在驿站里成立了快递行业党小组，联系辖区物流站点的党员站长闫凯担任组长。"
    assert "闫凯" in {m.name for m in extract_text(text).mentions if m.cls == "Person"}
    assert ("闫凯", "leads", "快递行业党小组") in relations(text)


def test_the_director_of_a_street_s_office_leads_the_street():
    # 办事处 is the street's office: its director, a second post after the committee's, leads the street
    text = "太原市杏花岭区巨轮街道召开安全生产会议。街道党工委副书记、办事处主任韩立群对节前检查作出安排。"
    assert ("韩立群", "leads", "巨轮街道") in relations(text)


def test_a_team_s_last_character_begins_its_head_s_title():
    # 服务队|队长: jieba writes 队 twice, once for the team and once for its head; the person leads the team
    text = "社区党委委员李红英兼任银杏助老服务队队长，服务队现有队员30人。"
    assert ("李红英", "leads", "银杏助老服务队") in relations(text)


def test_a_captain_leads_the_team_his_own_sentence_names_not_a_brigade_named_before():
    text = ("柳湾村党支部把全村划成6个网格。县消防救援大队每季度派人进村培训。"
            "村里组建“守门人”消防志愿队，队长由退伍军人、党员芮长青担任，每晚巡查一遍。")
    rels = relations(text)
    assert ("芮长青", "leads", "守门人消防志愿队") in rels or ("芮长青", "leads", "守门人") in rels
    assert not any(s == "芮长青" and "大队" in o for s, p, o in rels if p == "leads")


def test_a_team_whose_clause_ends_before_its_captain_is_named_is_still_a_partner():
    # (not a body named in a person's title: a comma ends the team's clause)
    text = "柳湾社区的“时间银行”项目由“柳湾守望”志愿服务队承担，芮长青任队长，现有队员80名。"
    assert any(p == "partnersWith" and "柳湾守望" in o for s, p, o in relations(text))
