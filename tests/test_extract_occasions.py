"""relations: who a body works with when its sentence goes on about an event (活动中, 当晚), when a verb of
engaging or of moving names it (委托, 推动…成立), and who runs the event a 活动由 clause speaks of.
Sentences written for these tests; the places are real divisions, the bodies and people invented."""
from __future__ import annotations

import pytest

from tests.test_extract import relations

# a title naming the community, so that the article is about the unit, not its committee
AT_THE_EVENT = [
    ("槐荫社区：银龄志愿服务暖人心\n"
     "9月12日，洛阳市西工区王城路街道槐荫社区党委开展“银龄同行”志愿服务活动。\n"
     "活动中，洛阳康泰口腔医院的医生为老人检查牙齿。洛阳鑫源家政服务有限公司还为独居老人打扫了房间。\n",
     ["洛阳康泰口腔医院", "洛阳鑫源家政服务有限公司"]),
    ("槐荫社区：邻里晚会唱响新生活\n"
     "洛阳市西工区王城路街道槐荫社区党委举办“槐香邻里节”文艺晚会。\n"
     "当晚，洛阳市西工区第七幼儿园送来一台童话剧，赢得阵阵掌声。\n",
     ["洛阳市西工区第七幼儿园"]),
]


@pytest.mark.parametrize("text, partners", AT_THE_EVENT)
def test_bodies_at_an_event_told_of_before_work_with_its_runner(text, partners):
    rels = relations(text)
    for partner in partners:
        assert ("槐荫社区党委", "partnersWith", partner) in rels
        assert ("槐荫社区", "partnersWith", partner) not in rels


def test_a_sentence_with_an_actor_of_its_own_ends_the_event():
    text = ("槐荫社区：银龄志愿服务暖人心\n"
            "洛阳市西工区王城路街道槐荫社区党委开展“银龄同行”志愿服务活动。\n"
            "活动中，洛阳康泰口腔医院的医生为老人检查牙齿。王城路街道与洛阳鑫源家政服务有限公司签订了协议。\n")
    rels = relations(text)
    assert ("王城路街道", "partnersWith", "洛阳鑫源家政服务有限公司") in rels
    assert ("槐荫社区党委", "partnersWith", "洛阳鑫源家政服务有限公司") not in rels


def test_an_activity_a_clause_of_running_names_is_the_event_named_before():
    text = ("槐荫社区：邻里节拉近居民心\n"
            "洛阳市西工区王城路街道槐荫社区第二届“槐香邻里节”上周六落下帷幕。活动由槐荫社区党委主办，持续了三天。\n")
    rels = relations(text)
    assert ("槐荫社区党委", "runsProgram", "槐香邻里节") in rels
    assert ("槐荫社区", "runsProgram", "槐香邻里节") not in rels


def test_the_body_engaged_works_with_who_engages_it_not_with_the_sentence_s_first_actor():
    text = ("柳州市城中区潭中街道桂花社区在车棚旧址建起“暖心小站”，为环卫工人提供热水，"
            "小站由社区党委委托柳州同心社会工作服务中心打理。")
    rels = relations(text)
    assert ("桂花社区党委", "partnersWith", "柳州同心社会工作服务中心") in rels
    assert ("桂花社区", "partnersWith", "柳州同心社会工作服务中心") not in rels


MOVED = [
    # a committee has a company set up its own branch
    ("近日，赣州市章贡区南外街道杏林社区党委推动赣州安邦物业管理有限公司成立项目党支部。",
     ("杏林社区党委", "partnersWith", "赣州安邦物业管理有限公司")),
    # a secretary coordinates a bureau on the committee's behalf (the secretary's post names the committee)
    ("赣州市信丰县大塘埠镇党委书记吴建国出面协调信丰县林业局，为三个村的果园请来修剪技术员。",
     ("大塘埠镇党委", "partnersWith", "信丰县林业局")),
]


@pytest.mark.parametrize("text, expected", MOVED)
def test_a_body_a_verb_of_moving_or_coordinating_names_works_with_the_actor(text, expected):
    assert expected in relations(text)


def test_the_publisher_a_page_s_byline_names_is_not_what_the_article_is_about():
    # the account's header names the street twice; the story is the community's
    text = ("原创 宣州区澄江街道 澄江街道\n锦溪社区｜老人们的“松龄课堂”开学了\n"
            "宣城市宣州区澄江街道锦溪社区的“松龄课堂”本周开学。\n宣州区民政局为课堂配齐了桌椅和教材。\n")
    rels = relations(text)
    assert ("锦溪社区", "partnersWith", "宣州区民政局") in rels
    assert ("澄江街道", "partnersWith", "宣州区民政局") not in rels


def test_a_body_whose_people_a_clause_of_doing_names_works_with_the_actor():
    # (the bureau opens the room in the community, which is where: the firm's lawyers serve the article's focus)
    text = "邵阳市大祥区城西街道翠竹社区开展普法宣传。大祥区司法局在社区开了一间法律服务室，平日由湖南明镜律师事务所律师接待来访居民。"
    assert ("翠竹社区", "partnersWith", "湖南明镜律师事务所") in relations(text)


def test_a_body_whose_people_make_up_a_team_is_not_the_actors_partner():
    text = "邵阳市大祥区城西街道开展志愿服务。由湘楚职业学院青年志愿者组成的“禾苗”志愿服务队走进翠竹社区。"
    assert not any(p == "partnersWith" and o == "湘楚职业学院" for s, p, o in relations(text))


def test_the_body_a_person_comes_from_is_not_a_partner():
    text = ("汉中市略阳县接官亭镇白石沟村推进产业发展。驻村第一书记周立新来自汉中市林业局，"
            "今年他牵线陕西秦岭山珍食品有限公司与白石沟村签订了核桃收购合同。")
    rels = relations(text)
    assert ("白石沟村", "partnersWith", "陕西秦岭山珍食品有限公司") in rels
    assert not any(p == "partnersWith" and o == "汉中市林业局" for s, p, o in rels)


def test_a_branch_below_the_unit_takes_part_in_the_program_the_unit_s_word_owns():
    # (the branch acts in the sentence, but 社区“某某” is the community's own meeting)
    text = ("荆门市东宝区龙泉街道石桥社区成立快递行业联合党支部。"
            "今年以来，联合党支部的党员快递员多次参加社区“月末议事会”，为楼道照明改造出主意。")
    rels = relations(text)
    assert ("石桥社区", "runsProgram", "月末议事会") in rels
