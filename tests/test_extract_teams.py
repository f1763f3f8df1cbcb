"""teams: the body that sets up a team of residents works with it, and does what the team does. Sentences
written for these tests; the places are real divisions, the team, school and programs invented."""
from __future__ import annotations

from tests.test_extract import relations

STORY = ("阿坝州红原县邛溪镇“雪莲骑行宣讲队”走进夏季牧场\n"
         "邛溪镇地广人稀，牧民逐水草而居。\n"
         "去年，邛溪镇党委从镇村干部和退休教师中挑选懂藏语的党员，组建起这支10人的宣讲队。\n"
         "队员们推出了“草原流动课堂”，每周讲一次政策。宣讲队还和红原县第一小学结成对子，暑假为孩子们辅导功课。\n")


def test_the_body_that_sets_up_a_team_named_before_works_with_it():
    rels = relations(STORY)
    assert ("邛溪镇党委", "partnersWith", "雪莲骑行宣讲队") in rels
    assert ("邛溪镇", "partnersWith", "雪莲骑行宣讲队") not in rels


def test_what_a_team_or_its_members_do_its_founder_does():
    rels = relations(STORY)
    assert ("邛溪镇党委", "runsProgram", "草原流动课堂") in rels
    assert ("邛溪镇党委", "partnersWith", "红原县第一小学") in rels


def test_a_team_named_by_its_quoted_words_and_formed_of_members_works_with_the_body_that_formed_it():
    # 组成: the team is formed of the members the body gathers; it is named by its quoted words, its kind after
    text = ("张掖市甘州区长安镇上四闸村党支部组织党员和返乡青年组成“麦香”服务小分队，帮助独居老人收割小麦。"
            "队员们还和甘州区第三中学结成对子。")
    rels = relations(text)
    assert ("上四闸村党支部", "partnersWith", "麦香") in rels
    assert ("上四闸村党支部", "partnersWith", "甘州区第三中学") in rels
