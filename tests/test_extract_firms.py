"""A workplace's branch named by its firm's own words (甲乙物业党支部 in a story of 某地甲乙物业服务有限公司), and a
party organisation named in short by some of its stem's words. Sentences written for the test."""
from __future__ import annotations

from test_extract import names

WRITTEN_BRANCH = ("凌河区某社区党委引入锦州泰和安居物业服务有限公司进驻小区，推动成立泰和安居物业党支部，"
                  "由项目经理、党员柏文涛任书记。物业党支部每月组织党员员工开展一次志愿服务。")


def test_a_workplace_branch_written_with_the_firms_own_words_keeps_that_name():
    orgs = names(WRITTEN_BRANCH, "PartyOrganization")
    assert "泰和安居物业党支部" in orgs
    assert "锦州泰和安居物业服务有限公司党支部" not in orgs and "物业党支部" not in orgs


SHORT_FORM = ("某社区党委推动成立了恒丰物业锦绣苑项目党支部。社区党委、业主委员会和物业项目党支部每月召开一次联席会，"
              "物业项目党支部还组建了党员服务队。")


def test_a_party_body_named_by_some_of_its_stems_words_is_the_one_whose_stem_holds_them():
    orgs = names(SHORT_FORM, "PartyOrganization")
    assert "恒丰物业锦绣苑项目党支部" in orgs and "物业项目党支部" not in orgs
