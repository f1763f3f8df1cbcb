"""Villages whose names the stem walk cuts short, and that the national table lists under a township of
the article: a function character (和) or a verb (护驾, 落马) inside the name. Sentences written for the
test; the divisions are real ones the gazetteer must know."""
from __future__ import annotations

import pytest

from test_extract import names

TABLED_CASES = [
    # the second of two joined villages has 和 in its name; the first's township lists it
    ("汝州市蟒川镇的娘庙村和严和店村今年都种上了艾草。", {"娘庙村", "严和店村"}),
    # a verb begins the name, written after its township
    ("东阿县万第镇护驾崖村党支部组织党员修路。", {"护驾崖村"}),
    ("山界回族乡落马井村党支部书记带头种烤烟。", {"落马井村"}),
    ("平头镇下马岩村和兴隆塘村结对。", {"下马岩村", "兴隆塘村"}),
]


@pytest.mark.parametrize("text, expected", TABLED_CASES)
def test_a_village_the_table_lists_under_the_articles_township_keeps_its_whole_name(text, expected):
    assert expected <= names(text, "AdministrativeUnit")


def test_the_village_written_inside_its_branchs_name_is_the_branchs_unit():
    assert "落马井村党支部" in names("山界回族乡落马井村党支部书记带头种烤烟。", "PartyOrganization")
