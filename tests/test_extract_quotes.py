"""Quoted facility names: a quoted name before a word for a place that lodges, feeds, sells or works a
village's produce (“某某”民宿, “某某”加工厂), and a quoted corner of a room (“某某角”). Sentences written for
the test."""
from __future__ import annotations

import pytest

from test_extract import extract_text, names

def names_a_place(text: str, place: str) -> bool:
    """Whether a facility of the text is named ``place``, or written so (a quoted name with its head word)."""
    return any(place == m.name or place in m.aliases for m in extract_text(text).mentions if m.cls == "Facility")


QUOTED_FACILITY_CASES = [
    ("村里把老屋改成“竹林听雨”民宿，由合作社经营。", {"竹林听雨"}),
    ("村民在坡上开了“松风”茶舍，接待游客。", {"松风"}),
    ("社区在楼道口设置了“邻里说事角”，居民有事就来说。", {"邻里说事角"}),
]


@pytest.mark.parametrize("text, expected", QUOTED_FACILITY_CASES)
def test_a_quoted_name_before_or_ending_in_a_places_word_is_a_facility(text, expected):
    assert expected <= names(text, "Facility")


def test_a_way_of_working_that_joins_a_trade_with_a_plus_is_no_facility():
    assert not names("村党支部探索“党建+农家乐”的路子，带着村民增收。", "Facility")


MEETING_CASES = [
    # kinds of meeting held as a way of working, by their endings (碰头会, 茶话会)
    ("乡里每月召开一次“路长碰头会”，梳理问题清单。", {"路长碰头会"}),
    ("村里每周开一次“院落茶话会”，听村民说事。", {"院落茶话会"}),
    # a deliberation workshop, where residents decide together
    ("项目怎么选，钱怎么花，都在“河湾议事坊”里公开讨论。", {"河湾议事坊"}),
]


@pytest.mark.parametrize("text, expected", MEETING_CASES)
def test_a_quoted_meeting_is_a_program(text, expected):
    assert expected <= names(text, "Program")


SHOWCASE_CASES = [
    # a quoted way of working before the place chosen to show it (示范点, 试点)
    ("县委把大坪村列为全县“支部联建”示范点。", {"支部联建"}),
    ("街道把五个小区列为“红色管家”试点。", {"红色管家"}),
]


@pytest.mark.parametrize("text, expected", SHOWCASE_CASES)
def test_a_quoted_way_of_working_before_its_showcase_is_a_program(text, expected):
    assert expected <= names(text, "Program")


def test_a_quoted_night_school_set_up_and_running_is_a_program():
    assert "农民夜校" in names("村党总支在文化礼堂办起了“农民夜校”，请农技员讲课。", "Program")


@pytest.mark.parametrize("text, expected", [
    # a project a body leads or applies for, named right after it with 的
    ("其中，物业公司牵头的“单元门焕新”最受居民欢迎。", {"单元门焕新"}),
    ("两家社会组织申报的“银龄伴读”获得了资助。", {"银龄伴读"}),
])
def test_a_quoted_project_a_body_leads_or_applies_for_is_a_program(text, expected):
    assert expected <= names(text, "Program")


QUOTED_ALLIANCE_CASES = [
    # a quoted brand before a field and 联盟: the brand is the community's program, the alliance its alias
    ("丈八街道枫林社区“枫叶红”党建联盟昨日成立，辖区8家单位成为首批成员。", "枫叶红"),
    ("竹溪社区牵头组建“邻里同心”物业服务联盟，4家物业企业加入。", "邻里同心"),
    # 联盟 right after the quote
    ("在竹溪社区“同心筑梦”联盟的推动下，3个老旧小区完成了改造。", "同心筑梦"),
]


@pytest.mark.parametrize("text, brand", QUOTED_ALLIANCE_CASES)
def test_a_quoted_alliance_is_the_communitys_brand_not_a_body(text, brand):
    assert brand in names(text, "Program") and brand not in names(text, "Partner")


def test_a_quoted_alliance_named_by_its_members_is_a_body():
    text = "竹溪社区组织辖区餐馆成立“椿萱”餐饮商家联盟，为独居老人送餐。"
    assert "椿萱" in names(text, "Partner") and "椿萱" not in names(text, "Program")


@pytest.mark.parametrize("text", [
    "竹溪社区：“两新”党建联盟让楼宇企业和社区走得更近",  # a quoted kind of members before the alliance
    "竹溪社区成立党建联盟，为居民办实事。",  # a field of work alone before the body's word
])
def test_an_alliance_named_by_a_kind_of_members_or_a_field_alone_is_nothing(text):
    assert not names(text, "Partner") and not names(text, "Program")


QUOTED_RECORD_CASES = [
    # a checklist, a ledger, a day of service a place sets: named by their own ending
    ("三方共同制定了“枫林议事清单”，把居民反映的问题分为三类。", "枫林议事清单"),
    ("村干部每月更新“民意账”，逐条销号。", "民意账"),
    ("社区把每月10日定为“桂香服务日”，党员上门为老人理发。", "桂香服务日"),
    # a selection held under the quoted name, the rules a body sets
    ("村里把移风易俗纳入“孝老爱亲家庭”评选，每年评一次。", "孝老爱亲家庭"),
    ("红白理事会定下“六不准”标准，彩礼不超过两万元。", "六不准"),
]


@pytest.mark.parametrize("text, program", QUOTED_RECORD_CASES)
def test_a_quoted_checklist_ledger_day_or_selection_is_a_program(text, program):
    assert program in names(text, "Program")


def test_a_ledger_a_verb_names_is_what_is_done_not_a_program():
    assert "清算账" not in names("党员挨家挨户帮村民算“清算账”，讲清补偿怎么算。", "Program")



def test_a_quoted_council_of_four_characters_is_a_body():
    assert "白发参谋团" in names("青林村的“白发参谋团”参与村务协商，提出建议20多条。", "Partner")


@pytest.mark.parametrize("text", [
    "社区组织志愿者开展“中国青年志愿者服务日”主题活动。",
    "柳湾社区开展“全民健身日”系列活动，居民踊跃参加。",
])
def test_a_quoted_national_observance_is_no_program(text):
    assert not names(text, "Program") & {"中国青年志愿者服务日", "全民健身日"}


def test_a_quoted_alliance_for_a_field_of_work_is_a_platform_program_and_one_of_members_a_body():
    text = "街道党工委为“翠湖党建服务联盟”揭牌，辖区12家单位加入。“翠湖沿街商铺联盟”也同时成立。"
    assert "翠湖党建服务联盟" in names(text, "Program") and "翠湖党建服务联盟" not in names(text, "Partner")
    assert "翠湖沿街商铺联盟" in names(text, "Partner")


NOT_A_PROGRAM_CASES = [
    # a quoted list of the problems found: having or lacking something
    "过去楼里党员“有组织、没活动”，居民也很少参加。",
    "一些非公企业党员“无阵地、缺活动”。去年以来，街道帮助建起活动室。",
    # a quoted verb or word of state the clause says of something
    "会议还通报了村级集体经济“清零”等工作情况。",
    "各小区垃圾分类“达标”工作进展顺利。",
]


@pytest.mark.parametrize("text", NOT_A_PROGRAM_CASES)
def test_a_quoted_list_of_problems_or_a_quoted_verb_is_no_program(text):
    assert not names(text, "Program")


POST_SCHEME_CASES = [
    # a scheme of posts for members, quoted after a count, quoted alone, or unquoted after a word for people
    ("社区党委为新设立的4个“党员责任岗”授牌，责任岗分别设在便民服务窗口和小区门岗。", {"党员责任岗"}),
    ("报到的在职党员每人认领一个“微岗位”，参加网格服务。", {"微岗位"}),
    ("村党支部在蔬菜大棚设立党员示范岗，6名党员分片指导种植。", {"党员示范岗"}),
]


@pytest.mark.parametrize("text, expected", POST_SCHEME_CASES)
def test_a_scheme_of_posts_for_members_is_a_program(text, expected):
    assert expected <= names(text, "Program")


# A quoted list whose items the words after it count (“甲、乙、丙”四步工作法) lists the parts of a method,
# and a list of clauses that each say what must not happen is a slogan: neither names a program; a
# quoted way of working named for bodies acting together (…联动) or a formula (…诀) does.
COUNTED_OR_SLOGAN_CASES = [
    ("村里把“听、访、议、办”四步工作法写进了村规。", {"听、访、议、办", "四步工作法"}),
    ("社区推行“提、议、办”三步议事法。", {"提、议、办", "三步议事法"}),
    ("全村上下践行“矛盾不上交、服务不掉线”。", {"矛盾不上交、服务不掉线"}),
]


@pytest.mark.parametrize("text, absent", COUNTED_OR_SLOGAN_CASES)
def test_a_counted_list_or_a_slogan_in_quotes_names_no_program(text, absent):
    assert not absent & names(text, "Program")


@pytest.mark.parametrize("text, expected", [
    ("这个社区靠“四社联动”解决了停车难。", "四社联动"),
    ("老支书总结了一套“六字诀”，村民一听就懂。", "六字诀"),
])
def test_a_quoted_joint_action_or_formula_is_a_program(text, expected):
    assert expected in names(text, "Program")


@pytest.mark.parametrize("text, expected", [
    ("“知法”咨询点设在村委会一楼，每周二开放。", "知法"),
    ("社区在广场设立“暖心”服务点，为环卫工人提供热水。", "暖心"),
])
def test_a_quoted_name_before_a_point_residents_visit_is_a_facility(text, expected):
    assert expected in names(text, "Facility")


def forms(text: str, cls: str) -> set[str]:
    """Every form the text's mentions of a class carry: their names and aliases."""
    from test_extract import extract_text
    return {form for m in extract_text(text).mentions if m.cls == cls for form in (m.name, *m.aliases)}


@pytest.mark.parametrize("text, full", [
    # a quoted team name that is a body by its own ending (…团) keeps the team's head after it too
    ("社区组建了“银杏守望团”志愿服务队，由退休教师担任队长。", "银杏守望团志愿服务队"),
    # a word for the members (党员) before the team's head is part of the head, not a kind of members
    ("村党支部挑选12人组成“枣花香”党员服务队，每周走访留守老人。", "枣花香党员服务队"),
])
def test_a_quoted_team_s_full_name_runs_to_the_team_s_head(text, full):
    assert full in forms(text, "Partner")


def test_members_named_by_a_quote_are_no_team():
    assert not forms("街道吸纳“两新”党员参加志愿活动。", "Partner")


def test_a_quoted_name_opened_at_a_spot_of_a_building_is_a_place():
    text = "社区在文化广场北侧开设“邻里修补铺”，志愿者免费为居民修鞋补衣。"
    assert "邻里修补铺" in names(text, "Facility")


def test_a_quoted_name_of_what_is_held_there_stays_a_program():
    # opened at a spot too, but a talk or a meeting is held there: what runs in the place
    text = "村里在文化礼堂二楼开设“月末夜话”，每月请村民来聊聊心里话。"
    assert "月末夜话" in names(text, "Program")
    assert "月末夜话" not in names(text, "Facility")


def test_a_quoted_name_before_a_room_for_activities_is_a_place():
    # 活动室 begins with 活动, a program's head: the longer head, a room, names the quote
    text = "社区在活动中心二楼开设“夕照”老年活动室，老人们常来下棋。"
    assert any(n.startswith("夕照") for n in names(text, "Facility"))
    assert not any(n.startswith("夕照") for n in names(text, "Program"))


COUNTED_SESSION_CASES = [
    # a count of sessions before a quoted name with no head word: something held again and again
    ("社区党委今年组织了8场“楼道茶叙”，居民反响很好。", "楼道茶叙"),
    ("村团支部先后办了十多期“田埂上的问答”，请农技员讲种植。", "田埂上的问答"),
    ("街道联合驻区单位举办30余场“邻里话事”，收集意见200多条。", "邻里话事"),
]


@pytest.mark.parametrize("text, program", COUNTED_SESSION_CASES)
def test_a_quoted_name_after_a_count_of_sessions_is_a_program(text, program):
    assert program in names(text, "Program")


def test_a_count_of_sessions_before_a_quoted_place_names_no_program():
    # (the count is of visits to a place the article names: the place stays a place)
    assert "暖心驿站" not in names("志愿者们每月组织2场义诊，已在3场“暖心驿站”开放日上服务。", "Program")


@pytest.mark.parametrize("text, place", [
    ("南湖社区的“萤火虫乐园”昨天开园，孩子们排队玩滑梯。", "萤火虫乐园"),
    ("村里的“稻香小馆”正式开业，由合作社经营。", "稻香小馆"),
])
def test_a_quoted_name_before_a_verb_of_a_places_opening_is_a_facility(text, place):
    assert place in names(text, "Facility")


def test_a_quoted_brand_unveiled_or_launched_is_no_facility():
    assert "邻里同心" not in names("社区“邻里同心”服务品牌昨天启动。", "Facility")


@pytest.mark.parametrize("text, place", [
    ("居委会在小区门口设了“暖心角”，供居民歇脚。", "暖心角"),  # 设了: a verb of opening a place, in one character
    ("物业在车棚旁设起“晴雨棚”，下雨天放电动车。", "晴雨棚"),
    ("社区在菜场门口设立“足两秤”便民服务台，居民可以复秤。", "足两秤便民服务台"),
    ("村里把旧仓库改成“百宝箱”共享储物间，村民登记后存放农具。", "百宝箱共享储物间"),
])
def test_a_quoted_place_set_up_with_a_one_character_verb_or_named_by_a_desk_or_a_store_room(text, place):
    assert names_a_place(text, place)


@pytest.mark.parametrize("text, place", [
    ("村里的“灶火香”实训厨房今天开课，学员跟着师傅学做菜。", "灶火香实训厨房"),
    ("社区在二楼开设“小月亮”绘本屋，孩子们放学后来看书。", "小月亮绘本屋"),
    ("居民议事都在院里的“听风”议事廊召开。", "听风议事廊"),
])
def test_a_quoted_name_before_a_kitchen_a_hut_or_a_covered_walk_is_a_place(text, place):
    assert names_a_place(text, place)


@pytest.mark.parametrize("text, place", [
    ("东坡社区的“枫林健身步道”上，居民们沿着塑胶道快走。", "枫林健身步道"),
    ("村里的“晒谷坪”灯光球场上，村民围着场地喝彩。", "晒谷坪灯光球场"),
    ("居委会在小区门岗设立“护心”AED急救点，24小时可取用。", "护心AED急救点"),
])
def test_a_fitness_trail_a_lit_court_and_a_first_aid_point_are_places(text, place):
    assert names_a_place(text, place)


def test_a_trail_along_a_river_named_by_no_name_is_no_place():
    assert not names("志愿者每天沿着江堤步道巡查一遍。", "Facility")


def test_a_quoted_school_for_a_class_is_a_program_even_where_it_is_held():
    # 学堂 names a class, as 课堂 does: opened at a spot of a building, it is still what is taught there
    text = "社区党委每周四在党群服务中心二楼开办“指尖学堂”，教老人用手机。"
    assert "指尖学堂" in names(text, "Program")
    assert "指尖学堂" not in names(text, "Facility")
