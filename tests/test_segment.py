"""Segment stage: sentences and tokens from a private jieba dictionary, cut as jieba cuts."""
from __future__ import annotations

from math import log

import jieba
import pytest

from kg.extract import segment, wordcut
from kg.extract.segment import (StoredWeights, build_dictionary, build_word_tags, cut_weights, dictionary,
                                dictionary_key, split_sentences, split_weights, stored_weights, tokenize, user_words,
                                word_tags)
from kg.extract.wordcut import alone_weight, cut, cut_weighted, word_weights
from kg.tablecache import load_table

SENTENCE_CASES = [
    ("第一句。第二句!第三句?", ["第一句。", "第二句!", "第三句?"]),
    ("他说:“很好。”然后离开", ["他说:“很好。”", "然后离开"]),
    # an ASCII ? before letters is a lost character (mojibake), not a sentence end
    ("组建“暖心帮?bāng)}”联盟。", ["组建“暖心帮?bāng)}”联盟。"]),
    ("一行\n另一行", ["一行", "另一行"]),
    ("甲;乙", ["甲;", "乙"]),
]


@pytest.mark.parametrize("text, expected", SENTENCE_CASES)
def test_split_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == expected


# A sentence longer than LONGEST_SENTENCE (1000) is cut after its last clause mark before the bound.
LONG_SENTENCE_CASES = [
    ("字" * 2500, [1000, 1000, 500]),  # no mark: cut at the bound
    ("甲" * 990 + "，" + "乙" * 500, [991, 500]),  # the mark stays with the piece it ends
    ("甲" * 500 + "，" + "乙" * 400 + "、" + "丙" * 600 + "。", [902, 601]),  # the last mark before the bound
    ("甲" * 999 + " " + "乙" * 10, [999, 10]),  # a space cuts too, and is trimmed
    ("甲" * 1000 + "。", [1000, 1]),
]


@pytest.mark.parametrize("text, lengths", LONG_SENTENCE_CASES)
def test_a_long_sentence_is_cut_into_pieces(text, lengths):
    spans = split_sentences(text, 0, len(text))
    assert [e - s for s, e in spans] == lengths
    assert "".join(text[s:e] for s, e in spans) == text.replace(" ", "")


def jieba_tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer holding the process's dictionary: the reference wordcut is checked against."""
    freq, total, _ = dictionary()
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = freq, total, True
    return tok


def test_the_dictionary_is_a_private_one_not_jiebas_global_one():
    assert dictionary()[0] is not jieba.dt.FREQ
    assert dictionary() is dictionary()


def test_user_dictionary_keeps_gazetteer_names_and_kind_words_whole():
    assert "武侯区" in tokenize("成都市武侯区玉林街道")
    assert "党总支" in tokenize("某某党总支")


def test_tokens_concatenate_to_the_text():
    text = "芳草社区党委书记刘洪介绍了情况。"
    assert "".join(tokenize(text)) == text


def refuse():
    raise AssertionError("the table should have come from the cache")


def test_the_cached_dictionary_is_the_one_built(tmp_path):
    built = load_table("tokenizer", dictionary_key(), build_dictionary, tmp_path)
    assert load_table("tokenizer", dictionary_key(), refuse, tmp_path) == built
    assert word_tags() == build_word_tags()
    freq, total, _ = dictionary()
    assert cut_weights() == (word_weights(freq, total), alone_weight(total))


def test_word_weights_are_jiebas_log_probabilities_and_prefixes_are_marked():
    weights = word_weights({"甲": 3, "甲乙": 0, "乙": 1}, 4)
    assert weights == {"甲": log(3) - log(4), "甲乙": wordcut.PREFIX, "乙": log(1) - log(4)}
    assert all(w > wordcut.PREFIX for word, w in word_weights(*dictionary()[:2]).items() if dictionary()[0][word])


def test_the_process_tokenizer_cuts_as_a_freshly_built_one():
    fresh = jieba.Tokenizer()
    fresh.initialize()
    for word, freq in user_words():
        fresh.add_word(word, freq)
    for word in build_dictionary()[2]:
        fresh.del_word(word)
    text = "东湖街道某某村党总支书记走访了河西区人民医院和县妇联，村村通公路。社区主任表示满意"
    tok = jieba_tokenizer()
    assert tok.lcut(text, HMM=False) == fresh.lcut(text, HMM=False)
    assert tok.FREQ == fresh.FREQ and tok.total == fresh.total


# Texts of every kind jieba's cut treats apart: CJK runs, Latin letters and digits (joined when jieba
# cuts them one by one), + # & . _ % - inside blocks, punctuation, spaces, \r\n, tabs, characters
# outside every block (emoji, U+FFFD), a character no dictionary word starts with, the empty text.
CUT_CASES = [
    "",
    "社区",
    "某某街道办事处组织志愿者开展环境整治活动。",
    "2024年3月，A栋1单元和B区的WiFi覆盖率达到99.5%。",
    "C++与C#课程；e-mail: x_y@z.cn",
    "第一行\r\n第二行\t第三行  第四行",
    "笑脸😀和替换符\ufffd之间",
    "龘靐齉爩",
    "“邻里小站”在（二楼）开放！？",
    "abc123def",
    "a b 1 2 ab12 中文abc中文",
    "１２３ＡＢＣ全角",
    "上一行\n下一行 末尾\r回车\t制表、顿号",  # gaps of one character: a line break, a space, \r, a tab, a mark
]


@pytest.mark.parametrize("text", CUT_CASES)
def test_wordcut_gives_jiebas_tokens(text):
    tok = jieba_tokenizer()
    assert list(tokenize(text)) == tok.lcut(text, HMM=False)  # (with the process's word weights)


def test_remembered_blocks_cut_as_afresh():
    # every kind of text, then each again from the blocks remembered, in another order and joined with
    # others (a block recurs inside other texts); a block of one word, and one longer than 255 characters
    weights, alone = cut_weights()
    texts = CUT_CASES + ["a" * 300 + "社区", "社区", "长沙市望城区高塘岭街道，社区。"]
    cuts: dict = {}
    for text in texts + texts[::-1] + ["。".join(texts)]:
        assert cut_weighted(text, weights, alone, cuts) == cut_weighted(text, weights, alone)
    assert "社区" in cuts and isinstance(cuts["a" * 300 + "社区"], tuple)


def test_a_remembered_text_is_cut_as_afresh(monkeypatch):
    # each text cut again from the texts remembered gives what a cut without any memory gives, and the
    # second time no cut is made at all; past the bound the oldest text is forgotten
    weights, alone = cut_weights()
    texts = CUT_CASES + ["长沙市望城区高塘岭街道，社区。", "a" * 300 + "社区"]
    first = [tokenize(text) for text in texts]
    monkeypatch.setattr(segment, "cut_weighted", lambda *args: pytest.fail("a remembered text was cut again"))
    for text, tokens in zip(texts, first):
        assert tokenize(text) is tokens
        assert tokens == tuple(wordcut.cut_weighted(text, weights, alone))
    monkeypatch.undo()
    monkeypatch.setattr(segment, "REMEMBERED_TEXTS", 2)
    remembered = stored_weights().texts
    remembered.clear()
    for text in ("甲社区", "乙社区", "丙社区"):
        tokenize(text)
    assert list(remembered) == ["乙社区", "丙社区"]


def test_wordcut_uses_jiebas_block_patterns():
    assert wordcut._BLOCK.pattern == jieba.re_han_default.pattern
    assert wordcut._SKIP.pattern == jieba.re_skip_default.pattern


def test_wordcut_takes_the_longer_word_when_two_routes_score_the_same():
    # 甲乙 + 丙 and 甲 + 乙丙 score alike when every word has the same frequency; jieba's max over
    # (score, end) picks the route whose first word ends later.
    freq = {"甲": 10, "乙": 10, "丙": 10, "甲乙": 10, "乙丙": 10}
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = dict(freq), 50, True
    assert cut("甲乙丙", freq, 50) == tok.lcut("甲乙丙", HMM=False)


def test_segmenting_with_the_cached_dictionary_does_not_import_jieba(tmp_path):
    import os
    import subprocess
    import sys

    script = "import sys; from kg.extract.segment import tokenize; tokenize('社区'); print('jieba' in sys.modules)"
    env = dict(os.environ, KG_CACHE_DIR=str(tmp_path))
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert runs == ["True\n", "False\n"]  # the first run builds the dictionary with jieba, the second reads it


# ------------------------------------------------------------ the weights read part by part
CUT_TEXTS = [
    "东湖街道某某村党总支书记走访了河西区人民医院和县妇联，村村通公路。社区主任表示满意",
    "成都市武侯区玉林街道芳草社区党委书记刘洪介绍，“邻里守望”志愿服务队已有120名队员。",
    "ABC公司2023年与某某大学签订共建协议 第3期 x+y=z",
]


def stored_copy() -> StoredWeights:
    """A process's weights as they are before any text is cut."""
    freq, total, _ = dictionary()
    return StoredWeights(*split_weights(word_weights(freq, total)), alone_weight(total))


def test_weights_read_for_a_text_cut_it_as_the_whole_table_does():
    whole, alone = cut_weights()
    for text in CUT_TEXTS:
        stored = stored_copy()
        stored.cover(text)
        assert stored.alone == alone
        assert cut_weighted(text, stored.weights, stored.alone) == cut_weighted(text, whole, alone)
        # only what the text's pairs of characters need was read
        assert len(stored.weights) < len(whole) / 10 and not stored.complete


def test_a_part_left_unread_would_change_the_cut():
    """The test above could fail: the words of a pair the text has are in its part, not in the one-character
    entries (without reading them, 武侯区 is no longer one token)."""
    stored = stored_copy()
    assert "武侯区" not in stored.weights
    assert "武侯区" not in cut_weighted("成都市武侯区", stored.weights, stored.alone)
    stored.cover("成都市武侯区")
    assert "武侯区" in cut_weighted("成都市武侯区", stored.weights, stored.alone)


def test_after_enough_text_the_whole_table_is_read():
    stored = stored_copy()
    stored.cover("社区" * (segment.LAZY_CHARACTERS // 2 + 1))
    assert stored.complete and stored.weights == cut_weights()[0]
    stored.cover("再来")  # nothing left to read, nothing looked at


def test_tokenize_reads_the_weights_from_the_table_cache_in_parts():
    assert isinstance(stored_weights(), StoredWeights)
    assert tokenize("芳草社区党委书记刘洪介绍了情况。") == tuple(cut_weighted("芳草社区党委书记刘洪介绍了情况。",
                                                                      *cut_weights()))


def test_compound_words_come_from_the_table_cache_as_they_are_found(tmp_path, monkeypatch):
    from kg.extract import chains
    from kg.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    found = chains.find_compound_words(gaz)
    assert found  # jieba's dictionary has some (云南省 + 某某自治州 as one word)
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    chains.compound_words.cache_clear()
    try:
        assert chains.compound_words(gaz) == found  # built, and stored
        assert list(tmp_path.glob("compoundwords-*.marshal"))
        chains.compound_words.cache_clear()
        monkeypatch.setattr(chains, "find_compound_words", lambda gaz: refuse())
        assert chains.compound_words(gaz) == found  # read back
    finally:
        chains.compound_words.cache_clear()


def test_the_kept_weights_and_compound_words_follow_the_code_that_makes_them(tmp_path, monkeypatch):
    """A changed wordcut.py (which works the weights out) or chains.py (which finds the compound words) gives
    their tables a new key: they are made again, not read from the old files."""
    from pathlib import Path

    from kg.extract import chains
    from kg.gazetteer import load_gazetteer

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    read_bytes = Path.read_bytes
    changed = set()
    monkeypatch.setattr(Path, "read_bytes",
                        lambda self: read_bytes(self) + (b"\n# changed" if self.name in changed else b""))
    found = []
    find = chains.find_compound_words
    monkeypatch.setattr(chains, "find_compound_words", lambda gaz: found.append(1) or find(gaz))
    try:
        for change in (None, None, "chains.py"):
            changed.add(change)
            stored_weights.cache_clear()
            chains.compound_words.cache_clear()
            stored_weights()
            chains.compound_words(load_gazetteer())
        assert found == [1, 1] and len(list(tmp_path.glob("cutweightparts-*"))) == 1
        changed.add("wordcut.py")
        stored_weights.cache_clear()
        stored_weights()
        assert len(list(tmp_path.glob("cutweightparts-*"))) == 2
    finally:
        stored_weights.cache_clear()
        chains.compound_words.cache_clear()
