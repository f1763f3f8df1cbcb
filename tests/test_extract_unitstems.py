"""Stems that name no village or community: one word that points (a pronoun, a conjunction, a preposition)
or that names a kind of area (…区). Sentences written for the test."""
from __future__ import annotations

import pytest

from test_extract import names

DESCRIPTOR_CASES = [
    ("台江县施洞镇组织干部帮助山区村发展蜂蜜产业。", {"山区村"}),
    ("除试点以外，其余社区下个月推开。", {"其余社区"}),
    ("镇里牧区村的草场去年全部完成确权。", {"牧区村"}),
]


@pytest.mark.parametrize("text, absent", DESCRIPTOR_CASES)
def test_a_pointing_word_or_a_kind_of_area_is_no_units_name(text, absent):
    assert not absent & names(text, "AdministrativeUnit")


def test_a_numbered_name_the_dictionary_tags_as_a_word_of_kind_stays_a_village():
    assert "三营村" in names("三营村党支部书记带着党员清理河道。", "AdministrativeUnit")
