"""Metadata stage: title, date, outlet, URL and authors, only where the page states them."""
import json
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from kg.prepare.boilerplate import split_body
from kg.prepare.metadata import parse_date, read_metadata
from kg.model import RawArticle
from kg.prepare.normalise import normalise
from kg.pipeline import prepare_article
from kg.prepare.read import read_file

ROOT = Path(__file__).parents[1]
SEED_GOLD = json.loads((ROOT / "tests" / "data" / "seed_noise.json").read_text("utf-8"))


def metadata_of(text: str, **raw_fields):
    normalised = normalise(text).text
    body, _ = split_body(normalised)
    return read_metadata(RawArticle(source="t.txt", text=text, **raw_fields), normalised, body)


LEAD = "今年以来,某某社区坚持党建引领,整合辖区资源,开展志愿服务活动50余场,服务居民2000余人次。"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-10-22 18:06", "2024-10-22"),
        ("2023年1月1日", "2023-01-01"),
        ("2022/8/9", "2022-08-09"),
        ("2021.12.03", "2021-12-03"),
        ("2024-13-45", None),
        ("2022年以来", None),
        ("1.35平方公里", None),
    ],
)
def test_parse_date(value, iso):
    assert parse_date(value) == iso


def test_labelled_metadata_in_traditional_text():
    text = "社區治理新路徑\n\n文章來源: 某某網(wǎng)  時間: 2024-03-05 10:20\n\n" + LEAD
    meta = metadata_of(text)
    assert meta.title == "社区治理新路径"
    assert meta.published == "2024-03-05"
    assert meta.source_name == "某某网"


def test_a_date_labelled_without_a_colon():
    text = "\n".join(["某某社区:红色物业暖民心", LEAD, "来源:某某日报 发布时间  2024-03-05 10:20"])
    assert metadata_of(text).published == "2024-03-05"


def test_breadcrumb_is_not_the_title():
    meta = metadata_of("当前位置:首页 > 要闻\n\n某某社区:红色物业暖民心\n" + LEAD)
    assert meta.title == "某某社区:红色物业暖民心"


def test_footer_credits():
    text = "\n".join(["某某社区:红色物业暖民心", LEAD, "来源:某某日报", "作者:张三 李四", "编辑:王五",
                      "原文链接:https://news.example.org/2024/0305/1.html"])
    meta = metadata_of(text)
    assert meta.source_name == "某某日报"
    assert meta.authors == ("张三", "李四")
    assert meta.url == "https://news.example.org/2024/0305/1.html"
    assert meta.published is None  # no date stated


def test_dateline_gives_outlet_and_reporter():
    text = "某某社区举行邻里节\n某某晚报讯(记者赵小明)昨日," + LEAD
    meta = metadata_of(text)
    assert meta.source_name == "某某晚报"
    assert meta.authors == ("赵小明",)


def test_local_news_dateline_names_no_outlet():
    meta = metadata_of("某某社区举行邻里节\n本报讯(记者赵小明)昨日," + LEAD)
    assert meta.source_name is None
    assert meta.authors == ("赵小明",)


def test_a_reporter_mentioned_in_the_body_is_not_an_author():
    meta = metadata_of("某某社区举行邻里节\n" + LEAD + "\n记者在现场看到,居民正在排练节目。\n社区记者站站长王芳介绍,活动很成功。")
    assert meta.authors == ()


def test_headline_list_dates_are_not_the_article_date():
    text = "\n".join(["某某社区举行邻里节", LEAD, "最新文章", "- 某县召开安全会议2023-05-06", "- 某市举办运动会2023-05-07"])
    assert metadata_of(text).published is None


def test_the_article_itself_in_a_latest_list_gives_its_date():
    text = "\n".join(["某某社区举行邻里节活动", LEAD, "最新文章", "- 某县召开安全会议2023-05-06",
                      "- 某某社区举行邻里节活动2023-05-07"])
    assert metadata_of(text).published == "2023-05-07"


def test_container_metadata_comes_first():
    text = "某某社区举行邻里节\n来源:某某日报\n" + LEAD
    meta = metadata_of(text, title="邻里节", published="2024-02-03T08:00:00", source_name="某某网",
                       url="https://x.example/1", authors=("甲乙",))
    assert (meta.title, meta.published, meta.source_name, meta.url, meta.authors) == (
        "邻里节", "2024-02-03", "某某网", "https://x.example/1", ("甲乙",))


def test_markdown_heading_title():
    assert metadata_of("# 某某社区举行邻里节\n\n" + LEAD).title == "某某社区举行邻里节"


def test_absent_when_not_stated():
    meta = metadata_of(LEAD)
    assert (meta.published, meta.source_name, meta.url, meta.authors) == (None, None, None, ())


@pytest.mark.parametrize("name", sorted(SEED_GOLD))
def test_seed_title_and_date_match_the_gold(name):
    (raw,) = read_file(ROOT / "seeds" / name)
    meta = prepare_article(raw).metadata
    assert meta.title == SEED_GOLD[name]["title"]
    assert meta.published == SEED_GOLD[name]["published"]


def test_seed_sources_and_authors():
    def meta(name):
        return prepare_article(read_file(ROOT / "seeds" / name)[0]).metadata

    assert meta("003_4ac0dcfb27e80ef8.txt").source_name == "红星网"
    assert meta("004_ee9b35ad83b3c3db.txt").source_name == "长江日报"
    assert meta("004_ee9b35ad83b3c3db.txt").authors == ("尹勤兵",)
    seed_001 = meta("001_236091dd0f7ac199.txt")
    assert seed_001.source_name == "红网时刻"  # as stated; the gold names the parent outlet 红网
    assert seed_001.authors == ("何媛", "谷丽")
    assert seed_001.url == "https://cz.rednet.cn/content/646756/98/13331490.html"
    assert meta("000_e7c18125247a2a8b.txt").source_name is None


# --------------------------------------------------------------- bounded work
PATTERNS = tomllib.loads(resources.files("kg.prepare").joinpath("metadata.toml").read_text("utf-8"))
LONG = 10_000  # metadata patterns read body lines too, which have no length bound


def _metadata_patterns():
    date = PATTERNS["date"]
    yield "date", date["date"]
    yield "labelled date", date["labelled"] + date["date"]
    for section in ("source", "url"):
        for pattern in PATTERNS[section]["patterns"]:
            yield section, pattern
    for name in ("labelled", "byline", "not_name"):
        yield f"authors {name}", PATTERNS["authors"][name]
    for name in ("label", "markdown"):
        yield f"title {name}", PATTERNS["title"][name]


@pytest.mark.parametrize(("rule", "pattern"), list(_metadata_patterns()))
def test_every_pattern_gives_up_quickly_on_hostile_lines(rule, pattern, adversarial_lines, time_limit):
    compiled = re.compile(pattern)
    for line in adversarial_lines(LONG, pattern):
        with time_limit(1.0, f"{rule} pattern {pattern!r} on {line[:12]!r}... ({len(line)} chars)"):
            list(compiled.finditer(line))


LABELS = ("来源:", "时间", "记者", "作者:", "原文链接:")


def test_hostile_lines_after_a_label_are_read_quickly(adversarial_lines, time_limit):
    for i, line in enumerate(adversarial_lines(LONG)):
        label = LABELS[i % len(LABELS)]
        # a lead paragraph and a footer line: both are read for metadata
        text = "\n".join(["某某社区举行邻里节", label + line, "版权所有 " + label + line])
        with time_limit(1.0, f"read_metadata on {label + line[:12]!r}... ({len(line)} chars)"):
            read_metadata(RawArticle(source="t.txt", text=text), text, split_body(text)[0])


# ------------------------------------------------ header patterns of real pages
def test_the_headline_is_the_line_a_date_line_follows():
    # a site-name line opens the body; the headline is the line with the date under it
    text = "\n".join(["要闻 某某新闻网", "某某社区:红色物业暖民心", "2019-07-02 10:15", LEAD])
    meta = metadata_of(text)
    assert meta.title == "某某社区:红色物业暖民心"
    assert meta.published == "2019-07-02"


def test_a_labelled_date_in_a_line_of_reading_widgets():
    text = "\n".join(["某某社区:红色物业暖民心", "【发布时间:2021-03-04 08:00:00     来源:     作者:admin      字体:大 中 小】", LEAD])
    assert metadata_of(text).published == "2021-03-04"


def test_a_header_line_that_is_a_date_alone():
    text = "\n".join(["• 某某街道办事处", "• 2019-05-06", "某某社区:红色物业暖民心", LEAD])
    assert metadata_of(text).published == "2019-05-06"


def test_the_headline_an_e_paper_repeats_in_its_index_wins_over_the_kicker():
    index = ["某某县举办农民丰收节", "某某社区 党群服务中心启用", "某某镇开展“清河行动”"]
    text = "\n".join(["第A03版:县区", *index, "返回主页 | 某某晚报 | 标题导航 | 某某日报", "服务群众零距离", "某某社区 党群服务中心启用",
                      LEAD, "3306123 2021-06-07 00:00:00 一 某某社区 党群服务中心启用"])
    meta = metadata_of(text)
    assert meta.title == "某某社区 党群服务中心启用"
    assert meta.published == "2021-06-07"


def test_a_photo_caption_is_no_headline():
    assert metadata_of("\n".join(["某某所在的某某村。某某摄", LEAD])).title is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("某某网讯 为弘扬志愿服务精神,社区开展活动。", "某某网"),
        ("中新网某某新闻5月3日电 某某社区开展活动。", "中新网"),
        ("欢迎来到某某镇先锋网!    今天是:", "某某镇先锋网"),
    ],
)
def test_outlets_named_in_datelines_and_greetings(line, outlet):
    assert metadata_of("\n".join([line, LEAD])).source_name == outlet


def test_a_paragraph_that_opens_with_a_date_is_not_the_date_line_of_the_headline():
    opening = "2023年4月18日,她第一次沿着盘山路走进这个山村,那时她到村里担任驻村工作队员刚满一个月,每天挨家挨户登门,把村民最操心的几件事一件件记在本子上。"
    text = "\n".join(["驻村手记:山路上的家访", opening, LEAD])
    assert metadata_of(text).published is None


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.name)
def test_metadata_read_with_the_boilerplate_stages_classification_is_the_metadata_read_alone(path):
    from kg.prepare import prepare_article

    (raw,) = read_file(path)
    article = prepare_article(raw)
    assert article.metadata == read_metadata(raw, article.text, article.body)


@pytest.mark.parametrize(("header", "outlet", "day"), [
    ("某某日报  2019年07月02日 星期二  第B05版:综合", "某某日报", "2019-07-02"),
    ("某某新闻网 | 2019/07/02 10:20 | 编辑:王二", "某某新闻网", "2019-07-02"),
    ("某某网  2019-07-02 10:20:30  来源:某某晚报", "某某晚报", "2019-07-02"),  # the labelled source wins
    ("某某晚报\n2019年07月02日  第03版:社区周刊", "某某晚报", "2019-07-02"),   # a masthead, then the issue line
])
def test_a_header_line_before_the_headline_gives_outlet_and_date_not_the_title(header, outlet, day):
    meta = metadata_of("\n".join([header, "某某社区举行邻里节", LEAD]))
    assert (meta.title, meta.source_name, meta.published) == ("某某社区举行邻里节", outlet, day)


HEADLINE = "某某村:党建引领绘出乡村新图景"


@pytest.mark.parametrize(
    ("label", "header", "source"),
    [
        # a portal's name alone on the first line; its 信息来源 is the office that sent the story in
        ("portal", "某某县人民政府门户网站\n发布日期:2024年05月06日 信息来源:某某镇 浏览次数:35", "某某县人民政府门户网站"),
        ("information source alone", "发布日期:2024年05月06日 信息来源:某某镇 浏览次数:35", "某某镇"),
        ("bracketed label", "【来源:某某融媒】【发布时间:2024-05-06】【点击:120】", "某某融媒"),
        ("label in brackets, then the value", "【来源】某某区融媒体中心\n【时间】2024-05-06 10:05", "某某区融媒体中心"),
        ("breadcrumb root", "某某在线 > 某某频道 > 正文", "某某在线"),
        ("e-paper citation", "《某某日报》(2024年05月06日 03版)", "某某日报"),
        ("public account", "原创 某某发布 2024-05-06 08:00 某省", "某某发布"),
        ("outlet before its reporter", "某某新闻网记者 张小军", "某某新闻网"),
        ("outlet, bar, reporter", "某某日报客户端 | 记者 张小军", "某某日报客户端"),
        ("two outlets, correspondent", "某某晚报·某某号 通讯员 张小军", "某某晚报·某某号"),
        ("dateline with the names first", "某某报客户端讯(张小军 某某网记者 李小红)", "某某报客户端"),
        ("the site's own story", "2024-05-06 来源:本站原创", None),
        ("a labelled source beats the masthead", "某某新闻网\n2024-05-06 来源:某某晚报", "某某晚报"),
    ],
)
def test_the_outlet_from_the_header_patterns_of_news_pages(label, header, source):
    meta = metadata_of(header + "\n\n" + HEADLINE + "\n" + LEAD)
    assert meta.source_name == source, label
    assert meta.title == HEADLINE, label


@pytest.mark.parametrize(
    ("label", "header"),
    [
        ("masthead", "某某融媒体中心\n作者:张小军 来源:某某融媒体中心 发布时间:2024-05-06"),
        ("public account header", "原创 某某发布 2024-05-06 08:00 某省"),
        ("share controls in brackets", "某某新闻网 2024-05-06 08:00 编辑:李小红\n【分享到】微信 微博 QQ空间"),
        ("font-size controls without a label", "发布日期:2024年05月06日 信息来源:某某镇\n【大】【中】【小】"),
    ],
)
def test_header_furniture_is_not_the_title(label, header):
    assert metadata_of(header + "\n\n" + HEADLINE + "\n" + LEAD).title == HEADLINE, label


def test_the_next_label_is_not_an_author():
    meta = metadata_of(HEADLINE + "\n" + LEAD + "\n作者:张小军 来源:某某新闻网 发布时间:2024-05-06 阅读:35")
    assert meta.authors == ("张小军",)


def test_a_reporter_labelled_with_a_colon():
    assert metadata_of("2024-05-06 来源:某某晚报 记者:张小军\n\n" + HEADLINE + "\n" + LEAD).authors == ("张小军",)


@pytest.mark.parametrize("sentence", ["记者了解到,全村已有80户装上了太阳能。", "记者从某某县民政局获悉,该县新建了12个睦邻点。",
                                      "记者走访发现,小区的停车难题已经缓解。"])
def test_a_reporter_who_finds_something_out_is_no_byline(sentence):
    assert metadata_of(HEADLINE + "\n" + LEAD + "\n" + sentence).authors == ()


def test_the_time_under_a_byline_is_the_story_date():
    meta = metadata_of("某某日报客户端 | 记者 张小军\n2024-05-06 21:14\n\n" + HEADLINE + "\n" + LEAD)
    assert meta.published == "2024-05-06"
    assert meta.authors == ("张小军",)


# The site's masthead (the outlet alone on its line, named again as the source in the credit line) is
# furniture, not the headline; a label after the author's name ends the author list.
MASTHEAD_PAGE = (
    "梅江区融媒体中心\n首页 » 乡村振兴\n\n长沙坪村的茶园“活”了\n\n"
    "作者：欧阳霁　来源：梅江区融媒体中心　发布时间：2026-04-12\n\n" + LEAD + "\n"
)


def test_a_masthead_named_again_as_the_source_is_no_title():
    meta = metadata_of(MASTHEAD_PAGE)
    assert meta.title == "长沙坪村的茶园“活”了"
    assert meta.source_name == "梅江区融媒体中心"


def test_a_masthead_named_again_as_the_source_is_no_body():
    normalised = normalise(MASTHEAD_PAGE).text
    body, _ = split_body(normalised)
    assert "梅江区融媒体中心" not in [normalised[s:e] for s, e in body]


def test_the_label_after_an_authors_name_is_no_author():
    assert metadata_of(MASTHEAD_PAGE).authors == ("欧阳霁",)
