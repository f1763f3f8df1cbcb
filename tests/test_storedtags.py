"""The word tags read part by part answer as the whole table does (kg.extract.storedtags)."""
from __future__ import annotations

import pickle

import pytest

from kg.extract import segment, storedtags
from kg.extract.segment import build_word_tags, word_tags
from kg.extract.storedtags import ReadTags, StoredTags, split_tags, tag_part

WORDS = ["社区", "党委", "书记", "", "的", "x", "武侯区", "不是一个词语啊", "ab", "志愿服务队", "介绍", "12", "居委会"]


@pytest.fixture(scope="module")
def whole() -> dict[str, str]:
    return build_word_tags()


def stored_copy(tags: dict[str, str]) -> StoredTags:
    return StoredTags(*split_tags(tags))


def test_every_question_is_answered_as_the_whole_table_answers_it(whole):
    stored = stored_copy(whole)
    sample = WORDS + list(whole)[::997] + [w + "某" for w in list(whole)[::1999]]
    for word in sample:
        assert stored.get(word) == whole.get(word)
        assert stored.get(word, "nr") == whole.get(word, "nr")
        assert (word in stored) == (word in whole)
        if word in whole:
            assert stored[word] == whole[word]
        else:
            with pytest.raises(KeyError):
                stored[word]
    assert stored.__class__ is StoredTags  # still reading part by part
    assert dict.__len__(stored) < len(whole) / 4  # only the parts asked about were read


def test_a_part_left_unread_would_give_another_answer(whole):
    """The test above could fail: a word of two characters or more is not there until its part is read."""
    stored = stored_copy(whole)
    assert dict.get(stored, "社区") is None and dict.__contains__(stored, "的")  # one character: read at once
    assert stored.get("社区") == whole["社区"] and dict.get(stored, "社区") == whole["社区"]


def test_iterating_counting_or_comparing_reads_everything(whole):
    for look in (list, len, lambda s: s == whole, lambda s: dict(s.items()), lambda s: pickle.loads(pickle.dumps(s))):
        stored = stored_copy(whole)
        look(stored)
        assert stored.__class__ is ReadTags and dict.__eq__(stored, whole)
    assert stored_copy(whole) == whole and whole == stored_copy(whole)


def test_after_enough_look_ups_the_table_is_a_plain_dict(whole, monkeypatch):
    monkeypatch.setattr(storedtags, "LAZY_LOOKUPS", 10)
    stored = stored_copy(whole)
    for word in WORDS:
        assert stored.get(word) == whole.get(word)
    assert stored.__class__ is ReadTags and dict.__eq__(stored, whole)
    assert "社区" in stored and stored["社区"] == whole["社区"]


def test_parts_are_the_weights_parts():
    for word in ("社区", "ab", "𠀀字"):
        assert tag_part(word) == segment.weight_part(word[0], word[1])


def test_the_process_tags_come_from_the_table_cache_in_parts(whole):
    tags = word_tags()
    assert isinstance(tags, ReadTags)  # a StoredTags until read whole (the tests may have read it already)
    for word in WORDS:
        assert tags.get(word) == whole.get(word)
