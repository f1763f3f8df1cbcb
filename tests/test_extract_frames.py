"""Who acts in a sentence whose frames name other bodies: a report after its speaker (某某介绍,…).
Sentences written for these tests; the places are real divisions, the people and programs invented."""
from __future__ import annotations

import pytest

from tests.test_extract import relations, subjects


LEAD = "沙湾社区:老楼加装电梯忙\n沙湾社区有老旧楼栋46栋,居民多为老人。\n"
REPORT_CASES = [
    # the speaker's body, named in the speaker's role, is not who runs what the report tells of
    (LEAD + "温江区委组织部组织科科长刘成斌介绍,今年以来已开展“电梯进楼”惠民行动12场。", "电梯进楼"),
    # a colon closes the verb of speech as a comma does, and 介绍说 is one verb of speech
    (LEAD + "温江区委组织部干部刘成斌在座谈会上介绍说:去年起推行“楼栋夜谈”议事制度。", "楼栋夜谈"),
]


@pytest.mark.parametrize("text,program", REPORT_CASES)
def test_a_report_after_its_speaker_is_not_the_deed_of_the_speakers_body(text, program):
    assert subjects(text, "runsProgram", program) == {"沙湾社区"}



HOLDER_CASES = [
    # the organisation builds it; the hall it meets in is the venue of a deed, the village's
    ("石门村:旧校舍里的新书声\n石门村党支部在“和美议事厅”召开党员大会,决定在村小学旧址上建起“耕读书屋”。",
     {"耕读书屋": {"石门村党支部"}, "和美议事厅": {"石门村"}}),
    # the organisation after 由 that sets the facility up holds it
    ("北塔社区:一碗热汤暖人心\n“邻聚食堂”由北塔社区党委牵头开办,每天为独居老人送餐。",
     {"邻聚食堂": {"北塔社区党委"}}),
    # a clause with a subject of its own (志愿者们) builds it: the organisation before does not hold it
    ("南湖社区:楼道变花廊\n南湖社区党委牵头推进旧楼改造。党员带头认领楼道,志愿者们随后搭建了“四季书屋”,南湖社区党委又开设了“银发食堂”。",
     {"四季书屋": {"南湖社区"}, "银发食堂": {"南湖社区党委"}}),
]


@pytest.mark.parametrize("text,holders", HOLDER_CASES)
def test_a_facility_the_sentences_party_organisation_sets_up_is_the_organisations(text, holders):
    for facility, expected in holders.items():
        assert subjects(text, "hasFacility", facility) == expected, facility


SUBJECT_PARTNER_CASES = [
    # a body opening its sentence does something for the unit the article is about
    ("金川社区:暖心服务进楼院\n金川社区位于城西,常住人口8000余人。\n仁和医院的医护人员每月上门为独居老人体检。",
     "仁和医院"),
    # ... or opening a clause after a short modifier with 的
    ("金川社区:暖心服务进楼院\n金川社区位于城西,常住人口8000余人。\n每逢节日,辖区内的恒达物业有限公司都为困难家庭减免物业费。",
     "恒达物业有限公司"),
]


@pytest.mark.parametrize("text,partner", SUBJECT_PARTNER_CASES)
def test_a_body_that_is_the_subject_of_its_clause_works_with_the_articles_focus(text, partner):
    assert subjects(text, "partnersWith", partner) == {"金川社区"}


FOCUS_CASES = [
    # a company's party committee the story is about holds the rooms no unit of the story is named with
    ("厦门海澜船舶有限公司党委:以党建带队伍\n公司党委书记陈立表示,党建工作要和生产一起抓。公司党委每年组织青年技能比武。"
     "嵩屿街道为企业提供政策咨询。\n厂区东门的“远航驿站”是职工们最爱去的地方。",
     "hasFacility", "远航驿站", "厦门海澜船舶有限公司党委"),
    # a page line before the title names nothing: the title is the first line that names a unit
    ("海沧先锋 阅读 3021\n海沧区嵩屿街道:老街巷焕新颜\n近年来,海沧区推进老旧小区改造。"
     "居民们纷纷点赞。海沧区将把经验推广到全区。\n今年还开展了“巷巷通”行动。",
     "runsProgram", "巷巷通", "嵩屿街道"),
]


@pytest.mark.parametrize("text,predicate,obj,focus", FOCUS_CASES)
def test_what_no_sentence_gives_an_actor_is_the_articles_focus(text, predicate, obj, focus):
    assert subjects(text, predicate, obj) == {focus}


STAFF_CASES = [
    # an actor leads people of a body in its deed: the body works with the actor
    ("城北街道:老楼线路换新\n城北街道党工委每月带领区供电局的技术人员入户检查老旧线路。", {"城北街道党工委"}),
    # people of a body named right after it, without 的
    ("城北街道:老楼线路换新\n城北街道党工委组织区供电局技术人员入户检查老旧线路。", {"城北街道党工委"}),
]


@pytest.mark.parametrize("text,expected", STAFF_CASES)
def test_a_body_whose_people_an_actor_leads_in_its_deed_works_with_the_actor(text, expected):
    assert subjects(text, "partnersWith", "区供电局") == expected


COMMITTEE_CASES = [
    # the title names the unit, the body its committee: one deed, the committee's
    ("枫林社区推出“书香进万家”活动\n近日,枫林社区党委推出“书香进万家”活动,每月为行动不便的老人送书上门。",
     "runsProgram", "书香进万家"),
    # a partner that one sentence gives the unit and another its committee works with the committee
    ("枫林社区:共建文明家园\n枫林社区党委与县第二中学结对共建。枫林社区还与县第二中学签订了共建协议。",
     "partnersWith", "县第二中学"),
]


@pytest.mark.parametrize("text,predicate,obj", COMMITTEE_CASES)
def test_a_deed_an_article_gives_both_a_unit_and_its_committee_is_the_committees(text, predicate, obj):
    assert subjects(text, predicate, obj) == {"枫林社区党委"}



def test_a_sentence_about_a_facility_by_its_head_word_is_about_its_holder():
    # 服务站 opens the sentence: the station set up before, so what it does its holder does
    text = ("清溪村:闲置校舍变书香站\n去年,清溪村党支部把闲置的村小学改造成“书香”服务站。"
            "服务站每月推出“亲子共读”活动,吸引不少家长参加。")
    assert subjects(text, "runsProgram", "亲子共读") == {"清溪村党支部"}


def test_a_body_joined_by_yu_to_the_actor_before_it_works_with_it_whatever_the_verb():
    text = "桂园社区:安心守护进小区\n桂园社区有居民楼38栋。\n今年,桂园社区还与县第三中学签订了校社共育协议。"
    assert subjects(text, "partnersWith", "县第三中学") == {"桂园社区"}


def test_the_word_for_here_of_a_level_opening_a_clause_is_the_unit_of_that_level_its_passage_names():
    # 村里 after the speaker's frame: the village the sentence names, not the township the article is about
    text = ("白沙镇:产业兴旺百姓富\n白沙镇地处丘陵,白沙镇今年粮食丰收。\n"
            "龙潭村党支部书记李春华介绍,村里去年引进了“稻鱼共生”种养模式。")
    assert subjects(text, "runsProgram", "稻鱼共生") == {"龙潭村"}


def test_a_facility_a_unit_builds_in_one_of_its_compounds_is_the_units():
    # the bare 社区 is who builds; the compound after 在 is where
    text = "青松社区:小区里的便民站\n青松社区有小区12个。\n今年,社区在翠湖小区南门建起了“邻里”服务站,为居民代收快递。"
    assert subjects(text, "hasFacility", "邻里") == {"青松社区"}


RUN_BY_CASES = [
    # a body 由 makes the doer of a verb of running works with whom the thing is for: the sentence's actor…
    ("宜宾市翠屏区南岸街道金沙社区党委开展“邻里同心”活动。社区还设有长者食堂，由宜宾安康餐饮管理有限公司负责运营。",
     ("金沙社区", "partnersWith", "宜宾安康餐饮管理有限公司")),
    # …or the article's focus, where its sentence names no actor
    ("宜宾市翠屏区南岸街道金沙社区新建了一处长者食堂。食堂由宜宾安康餐饮管理有限公司运营，老人用餐可打八折。",
     ("金沙社区", "partnersWith", "宜宾安康餐饮管理有限公司")),
    # a task taken on (施工由…承担), and the trade in what the actor makes (由…统一收购和销售)
    ("锦州市凌河区石桥子街道福安社区推进老旧小区改造，外墙保温施工由锦州恒基建筑工程有限公司承担。",
     ("福安社区", "partnersWith", "锦州恒基建筑工程有限公司")),
    ("德阳市旌阳区孝泉镇江林村党支部发展柑橘产业，由德阳果然鲜农产品有限公司统一收购和销售。",
     ("江林村党支部", "partnersWith", "德阳果然鲜农产品有限公司")),
]


@pytest.mark.parametrize("text, expected", RUN_BY_CASES)
def test_a_body_that_runs_something_for_an_actor_works_with_it(text, expected):
    assert expected in relations(text)


LOCAL_AFTER_TIME_CASES = [
    # the word for "here" of a level after a time word or a date that opens its clause
    ("清水镇召开产业推进会。会上，柏树村党支部书记王家明作了发言。今年镇里将推行“山货进城”计划，由各村党支部领办合作社。",
     "清水镇"),
    ("清水镇召开产业推进会。会上，柏树村党支部书记王家明作了发言。2025年镇里将推行“山货进城”计划。", "清水镇"),
]


@pytest.mark.parametrize("text, unit", LOCAL_AFTER_TIME_CASES)
def test_the_word_for_here_of_a_level_after_a_time_word_is_the_unit_of_that_level(text, unit):
    assert subjects(text, "runsProgram", "山货进城") == {unit}


def test_a_quoted_speakers_body_runs_what_the_quotation_names_also_where_the_article_has_a_facility():
    # (the speakers were looked up among the facilities' holders wherever a facility was held)
    text = "宜宾市翠屏区南岸街道金沙社区建成“红叶驿站”。“我们在驿站旁开设了‘周末课堂’，孩子们都爱来。”金沙社区党委书记李红梅说。"
    assert subjects(text, "runsProgram", "周末课堂") == {"金沙社区党委"}


def test_the_word_for_here_of_a_level_joined_to_a_partner_by_yu_is_the_unit_of_that_level():
    text = ("南岸街道召开产业推进会\n宜宾市翠屏区南岸街道召开产业推进会。会上，石龙湾村党支部第一书记王芳发言。"
            "驻村两年来，她牵线宜宾安康茶业有限公司与村里的合作社签订了收购协议。")
    assert subjects(text, "partnersWith", "宜宾安康茶业有限公司") == {"石龙湾村"}


def test_a_facility_named_with_its_unit_is_held_by_whom_a_sentence_naming_its_tail_has_build_it():
    text = ("贵阳市南明区花果园街道湖润社区助老服务站开门迎客\n"
            "去年，湖润社区党委腾出两间闲置用房，改建成助老服务站，每天为老人提供理发、测血压等服务。")
    assert subjects(text, "hasFacility", "湖润社区助老服务站") == {"湖润社区党委"}


def test_a_tail_two_facilities_end_in_says_nothing_of_either():
    text = ("贵阳市南明区花果园街道党群服务中心和湖润社区党群服务中心同日启用\n"
            "去年，湖润社区党委腾出两间闲置用房，改建成党群服务中心。")
    assert "湖润社区" in subjects(text, "hasFacility", "湖润社区党群服务中心")


def test_a_unit_after_ba_is_what_the_deed_disposes_of_not_who_does_it():
    text = "盐亭县黄甸镇党委把龙台村作为推行“桑园套种”模式的第一个试点村，并拿出20万元扶持资金。"
    assert subjects(text, "runsProgram", "桑园套种") == {"黄甸镇党委"}


def test_a_program_of_a_passage_whose_actor_is_the_focus_units_committee_is_the_committees():
    text = ("金沙社区：老楼亮起来\n宜宾市翠屏区南岸街道金沙社区有居民1.2万人，老楼多。\n"
            "社区党委牵头成立议事会，每月听取居民意见。在“楼道亮灯”行动中，志愿者为32栋老楼换上了声控灯。")
    assert subjects(text, "runsProgram", "楼道亮灯") == {"金沙社区党委"}


def test_what_a_bodys_leader_directs_in_the_rest_of_the_paragraph_is_the_bodys():
    # the secretary named with the role first, then alone as he directs (强调): the district committee's program
    text = ("船山区召开基层治理推进会\n遂宁市船山区召开基层治理推进会。区委书记何志平出席会议并讲话。\n"
            "何志平强调，过去一年全区治理工作取得新进展。今年全区上下要以“三治融合”示范创建为抓手，推动基层党组织全面过硬。")
    assert subjects(text, "runsProgram", "三治融合") == {"船山区委"}


BARE_LEVEL_CASES = [
    # a bare level word opening a speaker's report (介绍了村里…, 介绍了社区推行…) is the speaker's unit, the
    # subject of the deed reported
    ("张掖市甘州区长安镇上四闸村党支部书记邝德昌介绍了村里与甘州丰农果蔬有限公司共建冷库的情况。",
     ("上四闸村", "partnersWith", "甘州丰农果蔬有限公司")),
    ("丹东市振兴区站前街道东晨社区党支部书记邝雪梅介绍了社区推行“邻里搭把手”互助机制的做法。",
     ("东晨社区", "runsProgram", "邻里搭把手")),
    # a bare level word right before a quoted name owns it (承接街道“某某”项目): the unit of that level
    ("丹东市振兴区站前街道召开两新组织党建工作会。丹东安和社会工作服务中心承接街道“楼院微更新”项目，协助东晨社区开展培训。",
     ("站前街道", "runsProgram", "楼院微更新")),
]


@pytest.mark.parametrize("text,expected", BARE_LEVEL_CASES)
def test_a_bare_level_word_a_report_or_a_quoted_name_begins_with_is_the_unit_of_the_passage(text, expected):
    assert expected in relations(text)


def test_a_committee_acting_in_the_sentence_owns_the_quoted_name_after_its_bare_level_word():
    text = "丹东市振兴区站前街道东晨社区党委推动物业公司成立党支部，把物业项目经理吸纳进社区“楼道红帮手”联盟。"
    assert "东晨社区" not in subjects(text, "runsProgram", "楼道红帮手")


def test_a_unit_before_a_quoted_name_leaves_it_to_its_own_committee_acting_before_it():
    # the committee is the clause's doer; the town's name before the quote only says whose it is
    text = "张掖市甘州区长安镇召开党建工作会。会议要求镇党委年底前完成轮训，并与甘州区委党校联合开办长安镇“地头课堂”。"
    assert subjects(text, "runsProgram", "地头课堂") == {"长安镇党委"}
