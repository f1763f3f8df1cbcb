"""Units named in a list with a suffixed one. Sentences written for the test."""
from __future__ import annotations

import pytest

from test_extract import names


@pytest.mark.parametrize("text, expected", [
    # jieba's dictionary holds 红星村 as one word (a name to it): coordinated with a village, it is one
    ("红星村和前进村联合成立了党委。", {"红星村", "前进村"}),
    ("去年，红星村与前进村合并为一个村。", {"红星村", "前进村"}),
])
def test_a_name_with_its_own_suffix_coordinated_with_a_unit_is_a_unit(text, expected):
    assert expected <= names(text, "AdministrativeUnit")


def test_titles_given_to_villages_coordinated_name_none():
    assert not names("文明村和小康村都要评。", "AdministrativeUnit")


def test_words_of_time_before_a_suffix_name_no_community():
    assert not names("当天下午社区召开了会议。", "AdministrativeUnit")
