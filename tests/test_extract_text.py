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


@pytest.mark.parametrize("text", ["", "社区", "芳草社区党委书记刘洪介绍了情况。", "A栋1单元和B区的WiFi，覆盖率99.5%。"])
def test_token_spans_are_the_spans_made_one_by_one(text):
    # token_spans hands Tokens its starts and ends; the spans made from the tokens alone give the same
    from kg.extract.segment import tokenize
    from kg.extract.text import TokenSpan, Tokens, token_spans
    from kg.model import Sentence

    sentence = Sentence(40, 40 + len(text), text, tokenize(text))
    made, at = [], sentence.start
    for token in sentence.tokens:
        made.append(TokenSpan(at, at + len(token), token))
        at += len(token)
    fast, slow = token_spans(sentence), Tokens(made)
    assert list(fast) == made and type(fast[0] if fast else None) is type(made[0] if made else None)
    assert fast.starts == slow.starts and fast.ends == slow.ends
    assert fast.ends == frozenset(t.end for t in made)
