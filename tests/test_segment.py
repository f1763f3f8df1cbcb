"""Segment stage: sentences and tokens from a private jieba tokenizer."""
from __future__ import annotations

import jieba
import pytest

from kg.extract.segment import split_sentences, tokenize, tokenizer

SENTENCE_CASES = [
    ("第一句。第二句!第三句?", ["第一句。", "第二句!", "第三句?"]),
    ("他说:“很好。”然后离开", ["他说:“很好。”", "然后离开"]),
    # an ASCII ? before letters is a lost character (mojibake), not a sentence end
    ("成立“智慧益?zhèn)}”联盟。", ["成立“智慧益?zhèn)}”联盟。"]),
    ("一行\n另一行", ["一行", "另一行"]),
    ("甲;乙", ["甲;", "乙"]),
]


@pytest.mark.parametrize("text, expected", SENTENCE_CASES)
def test_split_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == expected


def test_tokenizer_is_a_private_instance_not_jiebas_global_one():
    assert tokenizer() is not jieba.dt
    assert tokenizer() is tokenizer()


def test_user_dictionary_keeps_gazetteer_names_and_kind_words_whole():
    assert "武侯区" in tokenize("成都市武侯区玉林街道")
    assert "党总支" in tokenize("某某党总支")


def test_tokens_concatenate_to_the_text():
    text = "芳草社区党委书记刘洪介绍了情况。"
    assert "".join(tokenize(text)) == text
