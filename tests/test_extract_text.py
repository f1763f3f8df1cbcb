"""Stems that end with a verb of setting a body up or running it (建, 组建, 领办): a clause before the
body's word, no body's name. Sentences written for the test."""
from __future__ import annotations

import pytest

from test_extract import extract_text

FOUNDING_CLAUSE_CASES = [
    ("推动同一园区的企业抱团建支部，共享活动阵地。", "PartyOrganization", "抱团建支部"),
    ("与会人员来到大坪村，观摩村党支部领办合作社的做法。", "Partner", "领办合作社"),
    ("沿街商户抱团新建党小组，轮流组织学习。", "PartyOrganization", "新建党小组"),
]


@pytest.mark.parametrize("text, cls, fragment", FOUNDING_CLAUSE_CASES)
def test_a_verb_of_founding_before_a_bodys_word_names_no_body(text, cls, fragment):
    assert not [m.name for m in extract_text(text).mentions if m.cls == cls and fragment in m.name]
