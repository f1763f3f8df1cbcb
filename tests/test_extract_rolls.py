"""Kinds of misses of the forty-fifth and forty-sixth blind batches: a roll of honour that lists each person
as a name, a space and the post; units coordinated after 在, which are all where a deed happens; a
development zone the national table names whole, which jieba cuts in three; a post with its holder's name
inside what a body's ending would otherwise take for the body's name; a 和 inside a firm's trade name; a verb
in quotes that a room's head follows; places of a kind in the town at large; a county of one character whose
committee is written with the level word again (某县县委); a zone written with its kind's short form (某某经开区);
a 和 inside a hospital's name before its committee. Every sentence is written for the test, with other places and
people."""
from __future__ import annotations

import pytest

from tests.test_extract import extract_text, names, relations

ROLL = ("2026年度优秀共产党员名单\n"
        "贾云峰　城西街道柳林社区党委书记、居委会主任\n"
        "欧阳蕾　城西街道柳林社区网格员\n"
        "庞志刚　河口镇石渠村党支部书记\n")


def test_a_roll_line_names_the_person_and_the_post_that_ends_it():
    assert {"贾云峰", "欧阳蕾", "庞志刚"} <= names(ROLL, "Person")
    rels = relations(ROLL)
    # a secretary who also heads the residents' committee leads both; a grid worker leads nothing
    assert {("贾云峰", "leads", "柳林社区党委"), ("贾云峰", "leads", "柳林社区"), ("庞志刚", "leads", "石渠村党支部")} <= rels
    assert not {r for r in rels if r[0] == "欧阳蕾" and r[1] == "leads"}


def test_a_roll_line_of_a_reporter_or_of_several_cells_names_no_post_holder():
    text = "本报讯\n王晓川　本报记者\n赵一鸣　钱二丰　孙三立　李四海\n"
    assert not {"王晓川", "赵一鸣"} & names(text, "Person")


def test_units_coordinated_after_a_word_of_place_are_where_the_deed_happens_not_who_does_it():
    text = "宁陵县委组织部在城关镇、柳河镇选取6个村先行试点，推行“一户一档”工作法。"
    rels = relations(text)
    assert ("宁陵县委组织部", "runsProgram", "一户一档") in rels
    assert not {r for r in rels if r[1] == "runsProgram" and r[0] in ("城关镇", "柳河镇")}


def test_a_development_zone_the_table_names_whole_is_found_whole_not_as_its_bare_kind():
    text = "近日，宝坻经济开发区党工委组织辖区企业开展消防演练。"
    units = names(text, "AdministrativeUnit")
    assert "宝坻经济开发区" in units and not {"开发区", "经济开发区"} & units
    assert ("宝坻经济开发区", "partOf", "宝坻区") in relations(text)
    assert "宝坻经济开发区党工委" in names(text, "PartyOrganization")


def test_a_post_and_its_holders_name_are_no_part_of_a_bodys_name():
    text = "县女企业家商会会长、恒美服饰总经理潘晓燕常带商会会员到村里对接。"
    assert not {p for p in names(text, "Partner") if "潘晓燕" in p}
    assert "潘晓燕" in names(text, "Person")


def test_a_one_character_adverb_and_a_verb_after_a_name_end_it():
    assert "韦春林" in names("站长韦春林常带志愿者巡河。", "Person")


def test_a_conjunction_between_two_single_characters_is_part_of_a_firms_trade_name():
    assert "株洲鑫和源物业服务有限公司" in names("社区引入株洲鑫和源物业服务有限公司进驻小区。", "Partner")


def test_a_verb_in_quotes_that_a_rooms_head_follows_names_the_room():
    assert "解忧" in names("村委会在村部设立“解忧”调解室。", "Facility")  # (named as quoted; the head is in its alias)
    # a verb in quotes with no head after it is what the clause says of something, no name
    assert not names("村集体经济“清零”，村里没有一分收入。", "Program")


def test_places_of_a_kind_in_the_town_at_large_are_no_named_facility():
    assert not names("乡里的茶叶直销县城超市。", "Facility")


def test_a_county_committees_department_written_with_the_level_word_again_is_found_whole():
    assert "唐县县委组织部" in names("唐县县委组织部到北罗镇调研。", "PartyOrganization")


def test_a_zone_written_with_its_kinds_short_form_is_the_tables_zone_and_names_the_branch_after_it():
    text = "大兴经开区两新组织联合党支部成立。"
    assert "大兴经济开发区" in names(text, "AdministrativeUnit")
    assert "大兴经开区两新组织联合党支部" in names(text, "PartyOrganization")


def test_a_conjunction_inside_a_hospitals_name_is_part_of_its_committees_name():
    text = "玉溪佑和医院党委与红塔区玉兴街道大营街社区党委签订结对共建协议。"
    assert "玉溪佑和医院党委" in names(text, "PartyOrganization")
    assert "医院党委" not in names(text, "PartyOrganization")
    assert "玉溪佑和医院" in names(text, "Partner")


ELECTED = "柏溪村新一届“两委”班子产生：覃志强任村党支部书记，莫小燕任村党支部委员，黄永年任村务监督委员会主任。"


def test_a_name_and_任_before_a_post_of_the_bare_unit_is_a_person_not_a_village():
    assert {"覃志强", "莫小燕", "黄永年"} <= names(ELECTED, "Person")
    assert names(ELECTED, "AdministrativeUnit") == {"柏溪村"}  # (no village named 覃志强任村)
    assert not {o for o in names(ELECTED, "PartyOrganization") if "任" in o}
    assert ("覃志强", "leads", "柏溪村党支部") in relations(ELECTED)
    # the village's own board of supervisors is no partner of the village
    assert "村务监督委员会" not in names(ELECTED, "Partner")


def test_a_caption_that_ends_with_a_name_the_dictionary_holds_names_that_person():
    text = "【同期声】\n城南物业服务有限公司项目经理　陈建平\n车位的事都拿到议事会上说。\n"
    assert "陈建平" in names(text, "Person")


def test_a_transliterated_name_of_four_characters_ends_before_the_verb_of_taking_a_post():
    assert "吉木拉格" in names("村里成立乡贤理事会，在县城经商的乡贤吉木拉格任会长。", "Person")


NOTICE = ("曲麻村2026年第一季度村务公开\n"
          "项目名称｜实施主体｜负责人\n"
          "1.村道维修｜曲麻村村民委员会｜格桑达瓦（村党支部书记、村委会主任）\n"
          "2.饮水工程｜曲麻村党支部｜次仁卓玛（村党支部副书记）\n"
          "本季度召开支部委员会3次。\n"
          "中共曲麻村支部委员会\n")


def test_a_tables_cell_that_holds_a_name_before_a_bracketed_post_names_the_person():
    # Tibetan names have no surname to be found by: the cell says where the name is
    assert {"格桑达瓦", "次仁卓玛"} <= names(NOTICE, "Person")
    assert ("格桑达瓦", "leads", "曲麻村党支部") in relations(NOTICE)


def test_a_branchs_formal_name_is_the_branch_and_its_committees_meeting_no_program():
    assert names(NOTICE, "PartyOrganization") == {"曲麻村党支部"}
    assert not names(NOTICE, "Program")


def test_a_committees_new_term_is_the_body_the_passage_is_about():
    text = "达日村党支部召开党员大会，选举产生新一届支部委员会。"
    assert names(text, "PartyOrganization") == {"达日村党支部"}


def test_the_tail_of_the_previous_article_before_an_editors_credit_is_no_part_of_the_page():
    text = ("刘家沟村的花椒由县里的合作社统一收购，每斤比市场价高出一元，带动全村三百余户增收。\n"
            "责任编辑：某某\n"
            "某某日报　2026年5月6日　第03版\n"
            "老兵之家暖人心\n"
            "　　本报讯　5月5日，城东社区退役军人服务站迎来一批老兵，社区党委为他们送上慰问品，大家围坐一起拉家常。\n"
            "　　社区党委书记介绍，服务站每月开展一次政策宣讲，已为辖区退役军人办理优待证六十余张。\n")
    assert "刘家沟村" not in names(text, "AdministrativeUnit")
    assert "城东社区" in names(text, "AdministrativeUnit")


def test_a_conjunction_between_two_single_characters_is_part_of_a_compounds_name():
    text = "城北社区党委推动锦和苑小区业主委员会依法换届。"
    assert "锦和苑小区" in names(text, "AdministrativeUnit")
    # two names a conjunction joins stay two: 乡 is a level word, no name's character
    assert "县和乡党委" not in names("县和乡党委共同部署秋收工作。", "PartyOrganization")


def test_a_post_before_由_names_its_holder_and_the_body_the_post_leads():
    text = "去年，莲塘街道外卖骑手党支部成立，支部书记由快递员韩立伟担任。"
    # (外卖 is a trade's noun, as 快递 is: a word of the branch's name, not a verb that stops it)
    assert "莲塘街道外卖骑手党支部" in names(text, "PartyOrganization")
    assert ("韩立伟", "leads", "莲塘街道外卖骑手党支部") in relations(text)


def test_a_name_framed_by_a_role_word_and_the_verb_of_the_post_is_read_whole():
    assert names("队长由护理专业学生旦增次仁担任。", "Person") == {"旦增次仁"}


def test_a_trades_noun_and_a_further_trade_word_before_the_legal_form_make_one_registered_name():
    text = "村集体出资成立兰州鑫源汇物业租赁有限公司，统一出租村里的厂房。"
    assert "兰州鑫源汇物业租赁有限公司" in names(text, "Partner")
    assert "兰州鑫源汇物业" not in names(text, "Partner")


def test_the_class_word_itself_in_quotes_is_a_figure_not_a_place():
    text = "这个文化“小站”成了老人们的“大客厅”。村里还建起“晨曦小站”，为老人供应热水。"
    assert names(text, "Facility") == {"晨曦小站"}


def test_counted_places_and_teams_of_a_kind_are_no_names():
    assert not names("村里有一栋写字楼和两栋青年公寓。", "Facility")
    assert not names("一站聚四队，服务居民不停歇。", "Partner")


def test_a_label_of_technology_with_generic_words_is_no_community():
    assert not names("城东社区党委建设的5G智慧社区平台上线。", "AdministrativeUnit") - {"城东社区"}


def test_a_team_a_body_stations_in_a_village_is_named_with_both_and_led_by_its_captain():
    text = "玉林市水利局驻坡头村帮扶工作队队长、第一书记韦建国带领队员走访农户。"
    assert "玉林市水利局驻坡头村帮扶工作队" in names(text, "Partner")
    assert "玉林市水利局" not in names(text, "Partner")
    assert ("韦建国", "leads", "玉林市水利局驻坡头村帮扶工作队") in relations(text)


def test_places_of_kinds_named_with_their_community_or_village():
    text = ("物业保安员通知柳溪社区微型消防站，队员两分钟到场。柳溪社区健康小屋每天开放。"
            "白塔村在村委会旁建起白塔村垃圾分类收集站。党群服务中心二楼的回龙湾社区法官工作室里坐满了人。")
    assert {"柳溪社区微型消防站", "柳溪社区健康小屋", "白塔村垃圾分类收集站", "回龙湾社区法官工作室"} <= names(text, "Facility")
    assert "回龙湾社区法官工作室" not in names(text, "Partner")
    # the kind counted across a district is none of them
    assert not names("全区今年已建成社区微型消防站58个。", "Facility")


def test_a_courts_local_tribunal_is_a_body_led_by_its_chief_judge():
    text = "两户居民争执不下，城关人民法庭庭长欧阳明来到社区调解。"
    assert "城关人民法庭" in names(text, "Partner")
    assert ("欧阳明", "leads", "城关人民法庭") in relations(text)


def test_a_firms_numbered_fleet_written_after_it_is_one_partner():
    text = "区税务局和蚌埠市公共交通集团第五车队相继加入联盟。"
    assert "蚌埠市公共交通集团第五车队" in names(text, "Partner")
    assert not {"蚌埠市公共交通集团", "第五车队"} & names(text, "Partner")


def test_a_word_for_a_kind_of_people_before_a_places_head_after_a_quote_is_part_of_the_places_name():
    text = "社区一楼的“红枫小家”党员活动室里坐满了人。"
    assert names(text, "Facility") == {"红枫小家"}  # (named as quoted; 红枫小家党员活动室 its alias)
    assert "党员活动室" not in names(text, "Facility")


def test_a_stations_officer_of_a_community_names_the_station_not_a_community():
    text = "下午，城西路派出所社区民警买买提江来到柳溪社区走访。"
    assert "城西路派出所" in names(text, "Partner")
    assert names(text, "AdministrativeUnit") >= {"柳溪社区"} and not {u for u in names(text, "AdministrativeUnit") if "派出所" in u}
    # a compound may bear a body's name
    assert "机械厂家属院" in names("柳溪社区机械厂家属院的居民", "AdministrativeUnit")


def test_a_communitys_own_board_of_supervisors_is_no_partner():
    assert not names("柳溪社区居务监督委员会全程监督。", "Partner")


def test_a_building_with_a_name_of_its_own_after_a_street_is_named_without_the_street():
    text = "上午，城关街道鸿运金融大厦18楼的楼宇服务站里坐满了人。"
    assert "鸿运金融大厦" in names(text, "Facility")
    assert "城关街道鸿运金融大厦" not in names(text, "Facility")
    # a street's own institution keeps its street
    assert "城关街道人大代表之家" in names("城关街道人大代表之家每月接待一次选民。", "Facility")


def test_kinds_of_places_in_quotes_or_by_suffix_and_places_pointed_at():
    text = "青杠村红色记忆馆由旧仓库改建而成。食堂后厨还开了一间“晨光厨房”。这家食堂每天供应午餐。"
    assert {"青杠村红色记忆馆", "晨光厨房"} <= names(text, "Facility")
    assert "这家食堂" not in names(text, "Facility")


def test_an_office_towers_committee_is_named_by_the_tower_and_written_again_as_楼宇党委():
    text = ("2025年，城关街道两新工委推动成立华茂商务大厦楼宇党委，把楼内分散的党员组织起来。"
            "楼宇党委书记韩志远介绍，楼宇党委推行“楼事共商”工作法，每月召集企业代表开一次协商会。")
    assert "华茂商务大厦楼宇党委" in names(text, "PartyOrganization")
    assert "城关街道华茂商务大厦楼宇党委" not in names(text, "PartyOrganization")
    rels = relations(text)
    assert ("华茂商务大厦楼宇党委", "runsProgram", "楼事共商") in rels
    assert ("韩志远", "leads", "华茂商务大厦楼宇党委") in rels


def test_a_bare_working_committee_is_the_streets_and_a_streets_大工委_is_one_but_no_people_s_congress_s():
    text = "在城关区柳林街道，党工委吸收4名驻区单位负责人担任兼职委员。柳溪社区党委推出“柳溪夜话”。"
    assert "柳林街道党工委" in names(text, "PartyOrganization")
    assert "柳溪社区党工委" not in names(text, "PartyOrganization")
    text = "市委组织部推进街道“大工委”建设。在城关区柳林街道，大工委吸收4名驻区单位负责人担任兼职委员，街道人大工委列席会议。"
    assert "柳林街道大工委" in names(text, "PartyOrganization")
    assert not {o for o in names(text, "PartyOrganization") if "人大" in o}
    assert "大工委" not in names(text, "Program")  # (a party body's kind in quotes names no program)


def test_a_villages_hall_and_day_care_station_and_no_place_from_a_clause_after_a_quote():
    text = "一楼设有青杠村便民服务大厅，二楼设有青杠村老年日间照料站。村“两委”要管好用好阵地。"
    facilities = names(text, "Facility")
    assert {"青杠村便民服务大厅", "青杠村老年日间照料站"} <= facilities
    assert not {f for f in facilities if "两委" in f}
    # (a modal after a quote opens the clause; a word it begins, 就业 or 应急, is the head's modifier)
    assert "晨曦" in names("社区开设“晨曦”就业驿站。", "Facility")


def test_an_event_held_together_is_no_partner():
    assert not names("今年将每季度开展一次联合主题党日。", "Partner")


def test_a_standard_facility_the_units_level_word_owns_with_的_is_the_units():
    text = "青杠村党支部书记说，村里的新时代文明实践站把群众需求列成清单。社区还在小区里建了一间“邻里分享屋”。"
    assert {"青杠村新时代文明实践站", "邻里分享屋"} <= names(text, "Facility")
    assert not names("居民每天傍晚在小区中心广场跳舞。", "Facility")


def test_则_after_a_name_ends_it():
    assert "韦丽娜" in names("柳溪社区网格员韦丽娜则分享了入户走访的经验。", "Person")


def test_a_committees_department_for_social_work_is_named_whole():
    text = "培训由宁陵县委社会工作部和县网格化管理中心的老师授课。"
    assert "宁陵县委社会工作部" in names(text, "PartyOrganization")
    assert "宁陵县委" not in names(text, "PartyOrganization")


def test_a_department_of_two_fields_joined_by_和_after_a_level_word_is_named_whole():
    text = "宁陵县财政局机关党支部、县住房和城乡建设局机关党支部的在职党员来到柳林街道报到。"
    orgs = names(text, "PartyOrganization")
    assert any(o.endswith("住房和城乡建设局机关党支部") for o in orgs)
    assert "城乡建设局机关党支部" not in orgs and "城乡建设局" not in names(text, "Partner")


def test_a_verb_and_a_bare_level_word_after_an_adverb_is_no_division():
    # 联合街道 is a division's name in the table; after 将, 联合 is the verb and 街道 the street the passage is about
    text = "下一步，柳溪社区将联合街道社区卫生服务中心开设健康课。今年社区还要联合街道，把这个做法推广开。"
    assert "联合街道" not in names(text, "AdministrativeUnit")
    assert "街道" not in names(text, "Partner")  # (the passage's street, a unit, no partner)


def test_a_bare_community_committee_is_the_one_of_the_community_its_own_clause_names():
    text = ("三个机关党支部到社区报到。在柳溪社区，区财政局机关党支部书记韦建平和社区党委书记蒙丽一起走访了老旧小区。"
            "“有事找支部，办得快多了。”青杠社区党委书记黄丽芳说。")
    rels = relations(text)
    assert ("蒙丽", "leads", "柳溪社区党委") in rels
    assert ("黄丽芳", "leads", "青杠社区党委") in rels


def test_a_towns_hall_by_its_level_word_and_a_project_of_a_policy_field():
    text = "3月26日，柏溪镇乡村振兴项目集中签约仪式在镇便民服务中心举行。"
    assert "柏溪镇便民服务中心" in names(text, "Facility")
    assert "乡村振兴项目" not in names(text, "Program")


def test_a_quoted_name_held_a_counted_number_of_times_is_an_event_and_a_quoted_fund_a_program():
    text = "托育园还每月办一次“祖孙同乐会”。区慈善总会设立了“银龄护苗”关爱基金。"
    programs = names(text, "Program")
    assert {"祖孙同乐会", "银龄护苗"} <= programs
    # a word after the quote names the meeting of the quote's subject, no event of that name
    assert "红枫物业" not in names("社区每月开一次“红枫物业”联席会。", "Program")


def test_a_communitys_standard_centre_after_的_is_named_with_it_and_a_day_nursery_is_a_place():
    text = "早上八点，柳溪社区的长者日间照料中心里坐满了老人。二楼的柳溪社区普惠托育园开设全日托。"
    facilities = names(text, "Facility")
    assert {"柳溪社区长者日间照料中心", "柳溪社区普惠托育园"} <= facilities
    assert "长者日间照料中心" not in facilities
    # a place with a name of its own after 的 keeps it
    assert "晨光口袋公园" in names("柳溪社区的晨光口袋公园今天开园。", "Facility")


def test_a_communitys_police_room_by_its_level_word_is_the_passages_communitys():
    assert "柳溪社区警务室" in names("柳溪社区党委在社区警务室旁设了一个议事角。", "Facility")


def test_a_firm_named_by_its_trade_after_its_registered_name_is_that_firm():
    text = "柳溪社区党委与玉林鑫禾热电有限公司签订共建协议。今年供暖季前，热电公司提前检修了管网。"
    partners = names(text, "Partner")
    assert "玉林鑫禾热电有限公司" in partners and "热电公司" not in partners


def test_a_team_named_by_its_kind_after_the_quoted_team_of_that_kind_is_that_team():
    text = "社区“青杠”志愿消防队的14名队员分守楼道口。志愿消防队队长韦建国是退休消防员。"
    partners = names(text, "Partner")
    assert "志愿消防队" not in partners
    assert any(r[0] == "韦建国" and r[1] == "leads" for r in relations(text))


def test_a_bare_owners_committee_is_the_one_compound_the_article_names():
    text = ("柳溪社区议事会讨论锦和苑小区停车难题，社区党委、小区业主委员会、柳州嘉岚物业服务有限公司和城东派出所参加。"
            "业委会主任欧阳明表示支持。")
    partners = names(text, "Partner")
    assert "锦和苑小区业主委员会" in partners and "小区业主委员会" not in partners
    assert ("欧阳明", "leads", "锦和苑小区业主委员会") in relations(text)


def test_a_bodys_new_term_names_no_body():
    assert not names("新一届业委会公开选聘了物业服务企业。", "Partner")


def test_a_one_character_verb_and_its_direction_begin_no_name_and_bus_stops_are_no_place():
    assert not names("居民写下心愿，贴上服务中心的心愿墙。", "Facility")
    assert not names("党员清理了背街小巷和公交站点的积雪。", "Facility")


def test_a_demonstrative_pronoun_and_a_verb_of_likeness_begin_no_name():
    # (这种 is one word to jieba, a pronoun; 像 a one-character verb before an example)
    assert not names("街道把这种业委会、物业和律师坐到一起商量的办法推广到各社区。", "Partner")
    units = names("像金桂花园小区，去年就因为停车问题吵得很凶。", "AdministrativeUnit")
    assert "金桂花园小区" in units and "像金桂花园小区" not in units


def test_a_bodys_word_inside_a_title_that_goes_on_names_a_document_not_a_body():
    text = "调解员对照《江西省物业管理条例》逐条讲解，居民读的是《赣南日报》。"
    partners = names(text, "Partner")
    assert not {p for p in partners if p.endswith("物业")}


def test_a_place_named_by_its_kind_after_the_quoted_place_of_that_kind_is_that_place():
    text = ("清晨，环卫工人在城南社区“晨光”暖心驿站里喝上了热豆浆。"
            "去年，社区党委腾出两间门面房，建起这座暖心驿站。")
    facilities = names(text, "Facility")
    assert len(facilities) == 1 and "暖心驿站" not in facilities  # (one place, named by its quote)


def test_places_named_after_the_whole_unit_are_its_places_of_that_kind_not_one_place():
    assert not names("市总工会把这处驿站纳入全市环卫工人服务站点。", "Facility")
    assert not names("今年全县各新时代文明实践站都开展了宣讲。", "Facility")


def test_a_firms_station_or_counter_is_named_with_the_firm_and_alone_names_no_partner():
    text = "社区党委与甘肃云骑即时配送有限公司七里河配送站共同运营骑手驿站。"
    assert names(text, "Partner") == {"甘肃云骑即时配送有限公司七里河配送站"}
    assert not names("小区门口新开了一家快递配送站。", "Partner")


def test_a_communitys_school_for_its_residents_is_its_place_and_a_districts_is_a_body():
    text = "退休教师在桃源社区老年大学教书法，区老年大学的老师也来授课。"
    assert "桃源社区老年大学" in names(text, "Facility")
    assert "桃源社区老年大学" not in names(text, "Partner")
    assert "湖滨区老年大学" in names("退休教师在湖滨区老年大学任教。", "Partner")
    assert not names("各村依托家长学校开展讲座。", "Partner")


def test_a_pronoun_before_he_is_no_character_of_a_name_joined_by_he():
    # (和 between two single characters may be a name's own, 春和苑; not after a pronoun)
    text = "驻村第一书记到任后，他和瓦吉村党支部一起制定了夜校课表。"
    assert "瓦吉村党支部" in names(text, "PartyOrganization")
    assert not {u for u in names(text, "AdministrativeUnit") if u.startswith("他")}


def test_a_yi_name_after_a_post_is_a_person_and_no_unit_is_read_into_it():
    # (苏木, a township's word in Inner Mongolia, inside a Yi name)
    text = "工作队队长沙苏木呷任驻村第一书记，他每周进村入户。"
    assert "沙苏木呷" in names(text, "Person")
    assert not names(text, "AdministrativeUnit")


def test_a_bureaus_office_in_a_town_or_market_is_named_with_the_bureau_and_its_head_leads_it():
    text = "社区联合雁峰区市场监管局白沙市场监管所开展食品安全检查。白沙市场监管所所长秦立峰说，检查将常态化。"
    assert names(text, "Partner") == {"雁峰区市场监管局白沙市场监管所"}
    assert ("秦立峰", "leads", "雁峰区市场监管局白沙市场监管所") in relations(text)


def test_a_kind_of_place_said_of_a_unit_or_set_as_a_goal_is_no_unit():
    # (a predicate after a copula and 的, and a stem that ends in an adjective, say what kind of place)
    text = "桐溪村是丘陵地带的传统林业村，集体收入一直不高。"
    assert names(text, "AdministrativeUnit") == {"桐溪村"}
    text = "社区党委以创建老人友好社区为抓手，把社区党群服务中心的一楼改成了助餐点。"
    assert not names(text, "AdministrativeUnit")
    assert not {f for f in names(text, "Facility") if "友好" in f}


def test_a_courts_tribunal_is_named_with_the_court_and_a_rights_station_is_a_place():
    text = ("当天，东关社区联合秦州区人民法院少年法庭开展普法宣传。秦州区人民法院少年法庭庭长邵文娟到场讲解。"
            "去年，社区挂牌成立东关社区妇女儿童维权站。")
    assert names(text, "Partner") == {"秦州区人民法院少年法庭"}
    assert ("邵文娟", "leads", "秦州区人民法院少年法庭") in relations(text)
    assert "东关社区妇女儿童维权站" in names(text, "Facility")


def test_a_mongolian_name_with_a_one_character_first_part_and_a_long_last_part_is_one_person():
    text = "嘎查党支部书记苏·乌力吉图门兼任嘎查达，他说，今年绒价更高。合作社理事长敖·孟克吉雅介绍，社员户均增收。"
    people = names(text, "Person")
    assert {"苏·乌力吉图门", "敖·孟克吉雅"} <= people
    assert not {p for p in people if p in ("苏·乌力", "苏·乌力吉")}


def test_a_facility_named_after_the_bare_village_word_is_the_passages_villages():
    text = "桐溪村地处山区。去年，工作队把闲置校舍改成村菜籽油坊，今年又建起村茶叶初制所。"
    facilities = names(text, "Facility")
    assert {"桐溪村菜籽油坊", "桐溪村茶叶初制所"} <= facilities
    assert ("桐溪村", "hasFacility", "桐溪村菜籽油坊") in relations(text)


def test_a_former_place_turned_into_another_is_no_place_now():
    text = "村里把闲置的旧磨坊改造成“乡愁记忆馆”，老人常来坐坐。"
    assert "旧磨坊" not in names(text, "Facility") and "磨坊" not in names(text, "Facility")


def test_a_firms_project_post_and_a_temporary_office_name_no_program_and_no_body():
    text = ("“我们在小区设了临时项目部，有意见随时来找。”宏图建筑项目经理袁立山说，工期也征求了意见。"
            "公司项目主管蔡思远介绍，分出率提高了。")
    assert not names(text, "Program") and not names(text, "Partner")
    assert {"袁立山", "蔡思远"} <= names(text, "Person")


QUOTED_PROGRAMS = [
    # a meeting held under the quoted name, a way, a fund, a passbook of points, an honour given by a selection
    ("这是柳坪镇推行“榕下说事”屋场会以来开的第12场。", "榕下说事"),
    ("他按“一带五”的办法带出了一批徒弟。", "一带五"),
    ("助浴的费用由社区“暖阳送浴”公益金承担。", "暖阳送浴"),
    ("村党支部给每户发了一本“文明存折”，积分可以换日用品。", "文明存折"),
    ("市场党支部每季度评选“诚信摊位”，评上的挂牌。", "诚信摊位"),
]


@pytest.mark.parametrize("text, program", QUOTED_PROGRAMS)
def test_a_quoted_name_before_a_meeting_a_way_a_fund_or_after_a_selection_is_a_program(text, program):
    assert program in names(text, "Program")


def test_a_short_quoted_word_for_the_units_committees_names_no_program_of_their_meeting():
    assert not names("经石坎村“两委”联席会议研究，村里决定修路。", "Program")


def test_a_streets_cultural_station_and_a_countys_home_for_veterans_families_are_places():
    text = "东城街道综合文化站把舞蹈室借给合唱班。志愿者每月到青川县光荣院看望老人。"
    assert {"东城街道综合文化站", "青川县光荣院"} <= names(text, "Facility")


def test_a_bare_post_taken_after_the_sentence_that_set_the_body_up_leads_that_body():
    text = "2023年起，村党总支牵头组建桐溪村股份经济合作社。村党总支书记、村委会主任钱有德兼任理事长。"
    assert ("钱有德", "leads", "桐溪村股份经济合作社") in relations(text)


def test_a_branch_managers_title_after_the_branchs_kind_leads_the_one_branch_named():
    text = "青川农商银行城关支行给合作社发放信用贷款80万元。支行行长罗丽萍说，合作社账目公开。"
    assert ("罗丽萍", "leads", "青川农商银行城关支行") in relations(text)


FAMILY_ROLL = ("拟命名以下家庭为2026年度“文明家庭”，现予公示。\n"
               "序号　家庭　所在镇（街道）、社区（村）　主要事迹\n"
               "1　欧阳春生家庭　东坝镇石桥岭村　石桥岭村党支部书记，家风清正\n"
               "2　孔秀兰家庭　城南街道文峰社区　照料瘫痪公公12年\n")


def test_a_row_of_a_list_of_families_names_its_head_and_the_post_its_last_cell_opens_with():
    people = names(FAMILY_ROLL, "Person")
    assert {"欧阳春生", "孔秀兰"} <= people
    assert ("欧阳春生", "leads", "石桥岭村党支部") in relations(FAMILY_ROLL)
    assert not {r for r in relations(FAMILY_ROLL) if r[0] == "孔秀兰" and r[1] == "leads"}


def test_a_quoted_kind_word_right_after_its_unit_names_the_units_organisation():
    text = ("东湖街道“大党委”召开季度联席会议。会上，枫桥社区党委书记江若岚、汇丰社区党委书记杜文彬介绍了需求。"
            "市第二医院院长、“大党委”兼职委员孙启明作表态发言。")
    assert "东湖街道大党委" in names(text, "PartyOrganization")
    assert ("东湖街道大党委", "partyOrgOf", "东湖街道") in relations(text)


def test_a_verb_of_running_to_a_place_begins_no_units_name():
    assert not names("“以前有事要跑村部、跑镇上，现在干部上门来了。”", "AdministrativeUnit")


def test_a_quarter_of_the_year_before_a_trades_word_names_no_firm():
    assert not names("这是社区党委组织的2026年第二季度物业服务满意度测评。", "Partner")


def test_a_room_of_the_communitys_centre_written_after_it_leaves_the_centre_named():
    text = "溪口社区位于城东。社区、业委会和物业每月到社区党群服务中心议事厅碰一次头。"
    assert names(text, "Facility") == {"溪口社区党群服务中心"}


def test_the_whole_unit_after_a_word_of_time_is_no_units_name():
    assert not names("年内全街道共富工坊将增加到9家。", "AdministrativeUnit")
    assert "全州县" in names("全州县才湾镇开展活动。", "AdministrativeUnit")  # (a county the table names so)


def test_a_full_time_cadres_post_before_a_name_and_a_chairs_verb_after_it():
    people = names("社区网格专干蒋丽清和学校老师杜明远组织学生开展活动。主任谭月华主持会议。", "Person")
    assert {"蒋丽清", "杜明远", "谭月华"} <= people


def test_a_trades_branch_is_the_firm_whose_own_words_are_written_before_it_among_several():
    text = ("街道物业行业党委公布测评结果：杭州青禾物业管理有限公司、杭州澄江物业服务有限公司、杭州远帆物业有限公司分列前三。"
            "澄江物业党支部书记陆安平说，公司党员员工都认领了楼栋。")
    orgs = names(text, "PartyOrganization")
    assert "澄江物业党支部" in orgs and "物业党支部" not in orgs
    assert ("陆安平", "leads", "澄江物业党支部") in relations(text)


def test_a_bank_of_volunteers_hours_is_a_program_not_a_bank():
    text = "青枫社区党委推出“邻里互助”时间银行。某某银行城东支行是时间银行的支持单位，员工也在时间银行开了户。"
    assert "邻里互助" in names(text, "Program")
    assert not {p for p in names(text, "Partner") if p.endswith("时间银行")}


def test_a_standard_centre_after_shanghais_word_for_a_community_is_that_communitys():
    text = "青浦区盈浦街道复兴居民区推出助老服务。全科医生每周四下午在居民区党群服务站坐诊。"
    assert "复兴居民区党群服务站" in names(text, "Facility")


def test_the_outlets_own_quoted_column_is_furniture_and_a_units_is_a_program():
    assert not names("即日起，本报推出“乡村新事”栏目，讲述驻村干部和村民的故事。", "Program")
    assert "邻里说" in names("社区开设“邻里说”专栏，居民轮流讲故事。", "Program")


def test_a_verb_of_staying_in_or_returning_to_ones_home_place_begins_no_units_name():
    assert not names("部长与32名春节后留乡创业的青年面对面交流。", "AdministrativeUnit")


def test_a_facility_after_the_bare_community_word_is_the_communitys_or_the_named_one_it_refers_to():
    text = "禾丰社区位于城北。每周二，律师在社区法律服务站值班。"
    assert "禾丰社区法律服务站" in names(text, "Facility")
    text = "禾丰社区以桂园小区为试点，成立了“桂园小区红色驿站”。社区红色驿站已具备党群阵地和志愿服务功能。"
    assert not {f for f in names(text, "Facility") if f.startswith("禾丰社区")}


def test_a_place_named_by_a_word_of_its_kind_after_a_village_and_de_is_the_villages():
    text = "每到傍晚，隆林县新州镇岩茶村的文化广场就热闹起来，社区的小广场也有人跳舞。"
    facilities = names(text, "Facility")
    assert "岩茶村文化广场" in facilities
    assert not {f for f in facilities if f.endswith("小广场")}


def test_a_dash_after_a_quote_opens_an_aside_not_the_quotes_head():
    text = "居民一早就等着他的“亲人”——甘肃陇信燃气集团有限公司工程师梁建平一家上门。"
    assert names(text, "Partner") == {"甘肃陇信燃气集团有限公司"}


def test_a_one_character_verb_and_its_direction_split_by_jieba_begin_no_bodys_name():
    assert not names("桐荫社区晒出物业“成绩单” 满意度升到90分", "Partner")


def test_a_uyghur_dotted_name_ends_where_its_transliteration_does_before_a_word_of_time():
    people = names("居民努尔逊·买买提一早就和面、切肉。村民玉素甫·艾买提说，亲戚每月都来。", "Person")
    assert {"努尔逊·买买提", "玉素甫·艾买提"} <= people
    assert "努尔逊·买买提一" not in people
