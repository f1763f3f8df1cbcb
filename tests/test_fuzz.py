"""Hostile text through the per-article stages: nothing raises, nothing hangs, offsets stay true.

Strings are generated with a fixed seed from the pieces scraped pages are
made of and the ones that break text code: names built from common
characters and the suffixes the extractors look for, quotes, pinyin
annotations, traditional script, control characters, odd line separators,
astral and combining characters, long runs of one mark and of a character
and a separator. Every string goes through ``prepare_article`` and
``process_article`` under a time limit, and what comes back must hold
together: the offset map, the body spans, the tokens, the evidence.
"""
from __future__ import annotations

import hashlib
import random
import re

from kg.model import RawArticle
from kg.prepare.normalise import normalise
from kg.pipeline import prepare_article, process_article

SEED = 20241201
COUNT = 2000
LONGEST_RUN = 1000
# Per string, wall time: the work is a few hundredths of a second of CPU, and
# the machine may be shared.
TIME_LIMIT = 5.0

COMMON = "社区街道党委支部中心志愿服务队居民幸福花园东西南北大小新老村镇市县省湖山河开展活动书记主任共建项目工程公园学院"
TRADITIONAL = "區黨務員會議團隊舉辦開展們當時級鄉鎮縣長書記傳統發展環境關懷"
SUFFIXES = (
    "社区", "街道", "党委", "党支部", "党总支", "党工委", "中心", "志愿服务队", "小区", "村", "居民组", "项目", "工程",
    "公园", "学院", "书记", "主任", "服务站", "大会", "活动", "工作法", "协会", "有限公司", "日报", "社區", "黨委",
)
QUOTES = ("「", "」", "“", "”", "《", "》", "‘", "’", '"', "'", "【", "】", "『", "』")
PINYIN = ("(qū)", "(lǐng)", "(shè)", "（lǜ）", "(ā)", "(zhèn)", "(a)", "(", ")", "（", "）")
CONTROL = tuple(chr(c) for c in range(0x20)) + (
    "\x7f", "\u2028", "\u2029", "\u0085", "\ufeff", "\u200b", "\u00ad", "\u3000", "\r\n", "\u200f", "\u202e",
)
SURROGATES = ("\ud800", "\udfff", "\udc80", "\ud83d")
ODD = ("😀", "𠀀", "𪚥", "e\u0301", "\u0301", "\ufe0f", "㎡", "℃", "①", "ﷺ", "⺟", "⼈", "\U000e0001", "\ufffd")
MARKS = tuple(",.;:!?-_/\\|()[]<>#*+=~@%&" "，。、；：？！…—·丨»›＞＜〈〉•●◆■▪") + QUOTES
FRAGMENTS = (
    "2024年3月5日", "2024-03-05", "面积1700㎡", "可容纳240人", "共有12间", "记者张三", "来源:某某日报", "责任编辑:李四",
    "第3届", "13组", "和", "与", "携手", "开展", "位于", "版权所有", "当前位置:首页 > 新闻 > 正文", "更多>>",
    "http://example.org/a.html", "IMG_0001.JPG", "![图](a.png)", "# ", "<p>", "ICP备12345号", "社区党委书记王芳介绍",
    "\n", "\n\n", " ", "\t",
)


def fuzz_strings(seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)

    def name() -> str:
        return "".join(rnd.choice(COMMON) for _ in range(rnd.randint(1, 6))) + rnd.choice(SUFFIXES)

    pieces = (
        (30, name),
        (10, lambda: "".join(rnd.choice(TRADITIONAL) for _ in range(rnd.randint(1, 6)))),
        (10, lambda: rnd.choice(QUOTES) + name() + rnd.choice(QUOTES)),
        (7, lambda: rnd.choice(COMMON + TRADITIONAL) + rnd.choice(PINYIN)),
        (7, lambda: rnd.choice(CONTROL)),
        (4, lambda: rnd.choice(ODD)),
        (2, lambda: rnd.choice(SURROGATES)),
        (5, lambda: rnd.choice(MARKS) * rnd.randint(2, LONGEST_RUN)),  # a long run of one mark
        (3, lambda: (rnd.choice(COMMON) + rnd.choice(MARKS)) * rnd.randint(2, LONGEST_RUN // 2)),  # char, separator
        (10, lambda: rnd.choice(MARKS)),
        (14, lambda: rnd.choice(FRAGMENTS)),
    )
    makers = [make for weight, make in pieces for _ in range(weight)]
    return ["".join(rnd.choice(makers)() for _ in range(rnd.randint(1, 30))) for _ in range(count)]


SURROGATE = re.compile("[\ud800-\udfff]")


def check_article(text: str) -> None:
    """Run one string through the per-article stages and check that what comes back holds together."""
    # Normalise must survive a lone surrogate on its own; the read stage replaces
    # them before an article is made (prepare_article hashes the raw text as UTF-8).
    assert not SURROGATE.search(normalise(text).text)
    text = SURROGATE.sub("\ufffd", text)
    article = prepare_article(RawArticle(source="fuzz", text=text))
    normalised = article.normalised
    # the offset map: one entry per character and one for the end, in order, inside the original
    assert len(normalised.to_original) == len(normalised.text) + 1
    assert normalised.to_original[-1] == len(text)
    assert all(a <= b for a, b in zip(normalised.to_original, normalised.to_original[1:]))
    # body spans: in order, apart, inside the text, trimmed
    ends = 0
    for start, end in article.body:
        assert ends <= start < end <= len(article.text)
        assert article.text[start:end] == article.text[start:end].strip()
        ends = end

    extraction = process_article(article)
    for mention in extraction.mentions:
        evidence = mention.evidence
        assert mention.name
        # a name lies inside its sentence (the extract indexes rely on it)
        assert 0 <= evidence.sentence_start <= evidence.start <= evidence.end <= evidence.sentence_end <= len(text)
    for relation in extraction.relations:
        evidence = relation.evidence
        assert relation.subject.name and relation.object.name
        assert 0 <= evidence.sentence_start <= evidence.start <= evidence.end <= evidence.sentence_end <= len(text)


def test_the_strings_cover_what_they_are_made_for():
    strings = fuzz_strings(SEED, COUNT)
    long_run = re.compile(r"(.)\1{499}", re.S)
    covered = {
        "a run of 500 of one mark": sum(bool(long_run.search(s)) for s in strings),
        "a lone surrogate": sum(bool(SURROGATE.search(s)) for s in strings),
        "a control character": sum(any(c in s for c in CONTROL) for s in strings),
        "traditional script": sum(any(c in s for c in TRADITIONAL) for s in strings),
        "a pinyin annotation": sum("(qū)" in s or "(lǐng)" in s for s in strings),
    }
    assert {what: n >= COUNT // 20 for what, n in covered.items()} == dict.fromkeys(covered, True), covered


def test_hostile_strings_pass_the_per_article_stages(time_limit):
    check_article("芳草社区党委书记刘洪介绍了情况。")  # loads jieba and OpenCC once, outside the clock
    for i, text in enumerate(fuzz_strings(SEED, COUNT)):
        with time_limit(TIME_LIMIT, f"fuzz string {i} ({len(text)} chars, {text[:20]!r}...)"):
            try:
                check_article(text)
            except Exception as exc:  # noqa: BLE001 - re-raised with the string that caused it
                raise AssertionError(f"fuzz string {i} {text[:200]!r}: {type(exc).__name__}: {exc}") from exc


def test_a_raw_article_built_in_python_may_carry_lone_surrogates():
    article = prepare_article(RawArticle(source="py", text="绿柳社区\ud800党委召开会议。\udfff"))
    assert article.original == "绿柳社区\ufffd党委召开会议。\ufffd"
    assert article.content_hash == hashlib.sha256(article.original.encode("utf-8")).hexdigest()
