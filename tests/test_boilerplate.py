"""Boilerplate stage: page furniture out of the body, genuine body kept."""
import json
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

import kg.pipeline as pipeline
from kg.prepare.boilerplate import _anchored, line_reason, split_body
from kg.prepare.normalise import normalise
from kg.pipeline import prepare_article
from kg.prepare.read import read_file

ROOT = Path(__file__).parents[1]
SEED_NOISE = json.loads((ROOT / "tests" / "data" / "seed_noise.json").read_text("utf-8"))

# Lines as other sites print them (not taken from the seeds), and the reason each is dropped.
FURNITURE = [
    # a site's name and its breadcrumb on one line; a field's label in brackets
    ("江城融媒体中心 首页 > 江城新闻 > 镇街动态", "breadcrumb"),
    ("【来源】江城融媒体中心", "credit line"),
    # an app's banner naming the app
    ("下载江城新闻客户端 看更多本地新闻", "advertising"),
    ("会员登录", "navigation"),
    ("没有帐号?立即注册", "navigation"),
    ("忘记密码?", "navigation"),
    ("返回新闻首页", "navigation"),
    ("上一篇:我区召开安全生产会", "navigation"),
    ("下一篇", "navigation"),
    ("相关阅读", "navigation"),
    ("推荐新闻", "navigation"),
    ("新闻推荐", "navigation"),
    ("资讯排行", "navigation"),
    ("猜你喜欢", "navigation"),
    ("分享到:微信 微博 QQ空间", "navigation"),
    ("【打印本页】 【关闭窗口】", "navigation"),
    ("点击查看更多>>", "navigation"),
    ("【字体:大 中 小】", "navigation"),
    ("阅读字体 大 】 中 小", "navigation"),
    ("点击进入 »»", "navigation"),
    ("手机版", "navigation"),
    ("本期导读:某某区开展消防演练｜某某镇举办农民运动会", "navigation"),
    ("本版要目:某某街道推进垃圾分类", "navigation"),
    ("新闻图片", "image file name"),
    ("【配图】", "image file name"),
    ("视频2", "image file name"),
    ("Powered by 某某CMS", "footer"),
    ("地址:某某市某某路88号 邮编:410000", "footer"),
    ("发布日期:2024-01-02 来源:某某区人民政府 浏览次数:1234", "credit line"),
    ("您的位置:首页 > 要闻 > 正文", "breadcrumb"),
    ("首页 > 基层党建 > 正文", "breadcrumb"),
    ("3306123 2021-06-07 00:00:00 一 某某社区 党群服务中心启用KeywordPh服务群众零距离“最后一米”", "breadcrumb"),
    ("当前位置:首页>>新闻中心", "breadcrumb"),
    ("新闻中心>>社区动态>>正文", "breadcrumb"),
    ("新闻中心 >>社区动态 >>正文", "breadcrumb"),
    ("»新闻中心»社区动态»正文", "breadcrumb"),
    ("新闻中心 › 社区动态 › 正文>", "breadcrumb"),
    ("＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞＞", "breadcrumb"),
    ("Copyright © 2008-2024 某某日报社 All Rights Reserved", "footer"),
    ("版权所有:某某市融媒体中心", "footer"),
    ("粤ICP备12345678号-2", "footer"),
    ("京公网安备 11010502000001号", "footer"),
    ("免责声明:本站部分内容来自网络。", "footer"),
    ("原文地址:http://example.org/a/1.html", "footer"),
    ("未经授权,禁止转载", "footer"),
    ("报:岚山市委组织部", "footer"),
    ("抄送:岚山市民政局、岚山市财政局", "footer"),
    ("主管单位:某某县委宣传部", "footer"),
    ("欢迎你访问本站", "footer"),
    ("您是本站第 1024 位访客", "footer"),
    ("您是第位来访者", "footer"),
    ("违法和不良信息举报电话:12377", "footer"),
    ("新闻热线:0731-12345678", "advertising"),
    ("投稿邮箱:news@example.com", "advertising"),
    ("来源:某某日报", "credit line"),
    ("责任编辑:张三", "credit line"),
    ("作者:李四 王五", "credit line"),
    ("发布时间:2024-03-05 09:30", "credit line"),
    # an outlet's name, then the date under its label and the source: a header
    ("某某区新闻网 时间:2024-05-06 10:20 来源:某某街道", "credit line"),
    ("某某融媒 发布时间:2024年3月5日 10:20", "credit line"),
    ("[责任编辑:赵六]", "credit line"),
    ("[编辑 : 赵六]", "credit line"),
    ("通讯员 钱七 孙八 报道", "credit line"),
    ("本报记者 周九 摄", "credit line"),
    # header lines that start with the date, or with the outlet before it
    ("2019-07-02 10:20:30 来源:某某新闻网 编辑:吴十", "credit line"),
    ("2019年7月2日 星期二  来源:某某晚报  记者:郑一", "credit line"),
    ("2019年07月02日  第03版:社区周刊", "credit line"),
    ("某某日报  2019年07月02日 星期二  第B05版:综合", "credit line"),
    ("某某新闻网 | 2019/07/02 10:20 | 编辑:王二", "credit line"),
    ("某某市融媒体中心  2019-07-02 10:20", "credit line"),
    ("某某晚报融媒记者 张三 通讯员 李四", "credit line"),
    ("某某晚报", "credit line"),
    # an outlet whose name ends in neither 报 nor 网, then the date with a clock time or a label
    ("某某在线 2024-05-06 08:30:12 来源:某某晚报 作者:张三 李四", "credit line"),
    ("某某融媒 2024年3月2日 星期六", "credit line"),
    ("IMG_20240305_101112.JPG", "image file name"),
    ("微信图片_2024.png", "image file name"),
    ("![](photo/2.jpg)", "image file name"),
    ("2", "page number"),
    ("共3页", "page number"),
    ("· 全省社区工作者培训班开班 2024-03-05", "headline list"),
    ("某某街道召开党建联席会议[2024-01-12]", "headline list"),
    ("老旧小区改造工作推进会召开 (03-05)", "headline list"),
    ("某县举办农民丰收节2023年9月23日", "headline list"),
    ("首页 | 新闻 | 政务 | 视频 | 关于我们", "navigation"),
    ("东城区丨西城区丨朝阳区丨海淀区丨丰台区", "place-name spam"),
    ("宁乡市| 浏阳市| 长沙县| 望城区| 岳麓区|", "place-name spam"),
    # a site's name and the one column the article is filed under
    ("某某新闻网 > 乡镇动态", "breadcrumb"),
    ("某某网>>基层党建", "breadcrumb"),
    # a ticker of the site's top stories above the title: one headline, or several joined by "|"
    ("热点：某县某镇“油菜花节”开幕", "navigation"),
    ("【头条】：某市某区举办职工运动会 | 某县某乡“采茶季”启动 | 某镇新建口袋公园", "navigation"),
    ("最新动态：某镇举办“某某节” | 某乡开展“某某季”", "navigation"),
    ("推荐：某市某街道举办纳凉晚会｜某县某镇渔港整治提速", "navigation"),
    # a body credited with the story or its pictures, alone on its line
    ("（某某区委社会工作部供稿）", "credit line"),
    ("某某社区供图", "credit line"),
    # a site's name and the body that runs it, its first line
    ("某某新闻网　某某区融媒体中心主办", "footer"),
]

# Body lines that must survive, including ones that mention the same words.
BODY = [
    # a word and a date, but a sentence goes on after the date
    "某某社区 2024年3月2日召开居民大会",
    "社区居民 2024-03-02 10:00 在广场集合,开展义诊活动。",
    "社区党委书记李红介绍,今年以来社区共开展志愿服务80余场次,服务居民3000余人次。",
    "记者走进小区时,居民们正在广场上排练节目。",
    "某某晚报讯(记者王某)昨日,某某社区举行邻里节。",
    "村口那棵老樟树。",
    "(相关资料图)",
    "■ 议事长廊成了居民的会客厅",
    "【睦邻课堂】",
    "小切口,以服务聚人心",
    "截至2024-03-05,社区已完成改造楼栋12栋。",
    "活动中,志愿者为居民提供理发、量血压等服务,居民纷纷点赞。",
    "党建引领乡村振兴丨某某县:以“小积分”撬动“大治理”",
    "该小区共有居民1200户,其中党员86名。",
    # two items, however many separators join them, are no breadcrumb
    "社区动态 > 正文",
    "社区动态>>>正文",
    # a date, an outlet or a credit word at the start of a sentence is no header
    "2019年7月2日,某某社区举行邻里节,居民们在广场上排练节目。",
    "2019年7月2日 上午,某某社区的居民们来到广场。",
    "某某日报 2019年7月2日报道了社区的变化,居民们纷纷点赞。",
    "记者 走进小区时,居民们正在广场上排练节目。",
    "某某日报社区工作站",
    "图片展", "视频会议室",
    "导读员带领游客参观了村史馆。",
    # a label word that opens a sentence, with its comma or stop
    "热点问题：居民反映最多的是停车难，社区逐一回应。",
    "焦点：社区如何破解停车难？",  # a word that begins with 导读 is no index  # a word that begins with 图片 or 视频 is no placeholder
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_furniture_line_is_dropped_with_its_reason(line, reason):
    assert line_reason(normalise(line).text) == reason


@pytest.mark.parametrize("line", BODY)
def test_body_line_is_kept(line):
    assert line_reason(line) is None


def test_a_repeated_line_is_judged_once_with_the_same_reason():
    # Pages repeat their furniture: a line's reason is remembered, and is the one the rules give it.
    line_reason.cache_clear()
    lines = [*(line for line, _ in FURNITURE), *BODY]
    first = [line_reason(line) for line in lines]
    assert [line_reason(line) for line in lines] == first == [line_reason.__wrapped__(line) for line in lines]
    assert line_reason.cache_info().hits == len(lines)


def test_a_build_forgets_the_remembered_lines_before_the_corpus_wide_stages():
    line_reason("版权所有 © 2020 某某网")
    pipeline.release_article_tables()
    assert line_reason.cache_info().currsize == 0


def _page(*lines: str) -> str:
    return "\n".join(lines)


def _body_text(text: str) -> str:
    body, _ = split_body(text)
    return "\n".join(text[s:e] for s, e in body)


def test_spans_index_the_text_and_dropped_lines_carry_offsets():
    text = _page("当前位置:首页", "", "  某某社区举行邻里节  ", "来源:某某网")
    body, dropped = split_body(text)
    assert [text[s:e] for s, e in body] == ["某某社区举行邻里节"]
    assert [(d.text, d.reason, text[d.start : d.end]) for d in dropped] == [
        ("当前位置:首页", "breadcrumb", "当前位置:首页"),
        ("来源:某某网", "credit line", "来源:某某网"),
    ]


def test_a_run_of_short_lines_is_a_menu():
    text = _page("某某社区举行邻里节", "社区居民在广场上欢聚一堂,共度佳节,现场气氛热烈。", "要闻", "经济", "社会", "文旅")
    _, dropped = split_body(text)
    assert [(d.text, d.reason) for d in dropped] == [(w, "navigation") for w in ("要闻", "经济", "社会", "文旅")]


def test_two_short_lines_are_not_a_menu():
    text = _page("某某社区举行邻里节", "居民欢聚", "共度佳节", "社区居民在广场上欢聚一堂,共度佳节,现场气氛热烈。")
    assert split_body(text)[1] == ()


PARAGRAPH = "今年以来,某某街道坚持党建引领,整合辖区资源,打造“红色管家”服务品牌,居民满意度明显提升。"


def test_after_a_footer_marker_late_in_the_page_only_prose_stays():
    text = _page(
        "某某街道打造红色管家",
        *[PARAGRAPH] * 4,
        "相关新闻",
        "某某县召开会议",
        "关于某某的通知",
        "这是一段很长的正文补充说明,社区还将继续推进老旧小区改造,让居民住得更舒心、更安心、更放心。",
    )
    body = _body_text(text)
    assert "某某县召开会议" not in body and "关于某某的通知" not in body
    assert "让居民住得更舒心" in body
    dropped = {d.text: d.reason for d in split_body(text)[1]}
    assert dropped["某某县召开会议"] == "after footer"


def test_a_page_cut_mid_sentence_keeps_its_last_paragraph_after_a_headline_list_set_in_its_text():
    # A stored page stops where its bytes ran out; the list heading between two paragraphs is a footer
    # marker, and the paragraphs after it stay body, the cut last one too.
    cut = "社区党委书记孔令涵说,下一步社区将联合辖区的三家商户,每周两次为独居老人开设“午后课堂”,"
    text = _page("某某社区:老人午后有课上", PARAGRAPH, "热门推荐", "· 某某镇召开春耕动员会", "· 某某县举办招聘会",
                 PARAGRAPH, cut)
    body = _body_text(text)
    assert "某某镇召开春耕动员会" not in body
    assert "午后课堂" in body


def test_a_cut_line_after_a_footer_marker_with_no_prose_after_it_is_no_paragraph():
    # (the marker ends the article: a long line after it, cut after a clause, is another page's text)
    text = _page("某某街道打造红色管家", *[PARAGRAPH] * 4, "相关新闻", "某某县召开会议",
                 "某某市某某区某某街道召开季度工作推进会,会议要求各社区加快推进民生实事项目建设,")
    assert "季度工作推进会" not in _body_text(text)


def test_a_first_paragraph_ending_with_its_reporters_credit_before_the_pages_title_is_the_previous_story():
    # An e-paper page stored from mid-issue: the masthead, the page's links, then the last sentence of the story
    # before (its reporter credited at its end), then this page's own title and text.
    text = _page("某某日报 2026年06月02日 星期二", "第4版:县域 上一版 下一版",
                 "截至目前,某某县某某镇脐橙种植面积已达3200亩。(记者 黄小川)",
                 "老街巷里的议事角", *[PARAGRAPH] * 6)
    body = _body_text(text)
    assert "脐橙种植面积" not in body
    assert "老街巷里的议事角" in body and "红色管家" in body
    dropped = {d.text: d.reason for d in split_body(text)[1]}
    assert dropped["截至目前,某某县某某镇脐橙种植面积已达3200亩。(记者 黄小川)"] == "previous article"


def test_a_first_item_credited_to_its_reporter_after_its_own_title_stays():
    # (several short items on one page: the first has its title before it, so it is this page's own)
    text = _page("某某镇举行消防演练", "近日,某某镇组织辖区商户开展消防演练,200余人参加。(记者 黄小川)",
                 "某某村开展义诊", *[PARAGRAPH] * 6)
    assert "消防演练,200余人参加" in _body_text(text)


def test_a_list_of_other_articles_after_a_new_style_marker_is_dropped():
    text = _page("某某街道打造红色管家", *[PARAGRAPH] * 3, "新闻推荐", "某某县18个项目开工", "据悉,某某市将加快推进...")
    body = _body_text(text)
    assert "某某县18个项目开工" not in body and "某某市将加快推进" not in body


@pytest.mark.parametrize("heading", ["相关信息", "相关报道:", "热门稿件"])
def test_a_portal_s_list_of_other_articles_under_its_heading_is_dropped(heading):
    # a government portal's list after the article: bulleted headlines of other places' news
    others = ("· 某甲镇启动“洁净家园”整治", "· 某乙县某丙乡党委:“三评三议”推动议事落地", "· 某丁社区举办“百家宴”")
    text = _page("某某街道打造红色管家", *[PARAGRAPH] * 4, "【打印本页】【关闭窗口】", heading, *others)
    body = _body_text(text)
    assert all(other[2:] not in body for other in others)
    assert PARAGRAPH in body


@pytest.mark.parametrize("heading", ["【相关视频】", "[相关图片]", "相关图集:", "更多视频"])
def test_a_list_of_other_videos_or_pictures_under_its_heading_is_dropped(heading):
    # a TV station's page ends with its other clips, a picture desk's with its other albums
    others = ("黄泥塘镇连夜转移低洼地带群众", "柳湾乡蜜橘采摘节开幕")
    text = _page("某某街道打造红色管家", *[PARAGRAPH] * 4, heading, *others)
    body = _body_text(text)
    assert all(other not in body for other in others)
    assert PARAGRAPH in body


@pytest.mark.parametrize("heading", ["【相关阅读】", "[推荐新闻]", "【延伸阅读】"])
def test_a_list_of_other_articles_under_a_bracketed_heading_is_dropped(heading):
    # a box of other articles after the body: other towns' news, named as their headlines
    others = ("黄泥塘镇开展“全民健身日”系列活动", "柳湾街道召开防汛工作会议")
    text = _page("某某街道打造红色管家", *[PARAGRAPH] * 4, heading, *others)
    body = _body_text(text)
    assert all(other not in body for other in others)
    assert PARAGRAPH in body


@pytest.mark.parametrize("heading", ["往期推荐:", "【往期回顾】", "往期精彩"])
def test_a_wechat_account_s_list_of_earlier_posts_is_dropped(heading):
    # the account's earlier posts after the body: other towns' news, named as their headlines
    others = ("黄泥塘镇开展秸秆禁烧巡查", "柳湾街道举办纳凉音乐会")
    text = _page("某某街道打造红色管家", *[PARAGRAPH] * 4, "阅读 326 分享 在看", heading, *others)
    body = _body_text(text)
    assert all(other not in body for other in others)
    assert PARAGRAPH in body


@pytest.mark.parametrize("footer", [("本版责任编辑:林素云", "本版其他稿件"), ("(本版编辑:林素云)", "同版其他文章"),
                                    ("本版责任编辑:林素云",), ("本版其他稿件",)])
def test_an_e_paper_page_s_other_stories_under_its_footer_are_dropped(footer):
    # an e-paper page ends with its editor and the headlines of the other stories on the same page; the
    # story's own last line is a short sentence, too short to read as prose on its own
    others = ("黄泥塘镇:晚稻收购“一站式”服务", "柳湾乡举办“稻香书声”读书会")
    closing = "街道负责人表示,将在全街道推广。"
    text = _page("某某街道打造红色管家", *[PARAGRAPH] * 4, closing, *footer, *others)
    body = _body_text(text)
    assert all(other not in body for other in others)
    assert PARAGRAPH in body and closing in body


def test_the_albums_named_on_the_heading_s_own_line_are_dropped():
    text = _page("某某街道打造红色管家", *[PARAGRAPH] * 4, "相关图集:黄泥塘镇龙舟赛|柳湾乡蜜橘采摘节")
    body = _body_text(text)
    assert "黄泥塘镇" not in body and "柳湾乡" not in body


def test_a_sentence_that_opens_with_a_heading_s_words_does_not_end_the_article():
    text = _page("某某街道打造红色管家", *[PARAGRAPH] * 3,
                 "相关信息显示,今年社区共调解矛盾纠纷40余件。", "二、建强楼栋长队伍", "三、办好居民议事会")
    body = _body_text(text)
    assert "建强楼栋长队伍" in body and "办好居民议事会" in body


def test_an_index_of_headlines_with_their_subjects_before_a_colon_is_dropped():
    # headlines in the usual 地方: 标题 form, between a page label and the paper's navigation
    headlines = ("某甲县:秋收时节粮满仓", "某乙镇党委:“院坝会”开到群众家门口", "某丙社区:老旧小区换新颜")
    text = _page("第B02版:要闻", *headlines, "返回主页 | 某某晚报 | 标题导航 | 某某日报", PARAGRAPH)
    dropped = {d.text: d.reason for d in split_body(text)[1]}
    assert all(dropped.get(h) == "headline list" for h in headlines)


def test_a_colon_after_a_long_opening_is_not_a_headline_s_subject():
    # a line whose colon comes late is a sentence with a quote or a list, not 地方: 标题
    lines = ("居民代表们在这次议事会上说得最多的一句话是:感谢社区", "社区志愿者们在每一次活动结束后总结道:服务无止境",
             "某丙社区:老旧小区换新颜")
    text = _page("第B02版:要闻", *lines, "返回主页 | 某某晚报 | 标题导航 | 某某日报", PARAGRAPH)
    body = _body_text(text)
    assert lines[0] in body and lines[1] in body


def test_an_index_of_headlines_between_page_furniture_is_dropped():
    # an e-paper page: its page label, the headlines of the page, the paper's navigation, then the article
    headlines = ("某某县举办农民丰收节", "某某街道 打造红色物业", "某某镇开展“清河行动”", "某某社区 党群服务中心启用")
    text = _page("第A03版:县区", *headlines, "返回主页 | 某某晚报 | 标题导航 | 某某日报", "某某社区 党群服务中心启用", PARAGRAPH)
    body = _body_text(text)
    assert all(h not in body for h in headlines[:3])
    assert "某某社区 党群服务中心启用" in body and PARAGRAPH in body
    dropped = {d.text: d.reason for d in split_body(text)[1]}
    assert all(dropped[h] == "headline list" for h in headlines)


def test_a_bulleted_list_of_the_pages_headlines_ends_where_the_articles_own_title_begins():
    # an e-paper page: its label, the page's headlines with their bullets, then the article's title and subtitle
    items = ("· 某某县某镇举办秋收节", "· 某某县某乡开展“清河行动”", "· 某某县某街道冬季供暖启动")
    text = _page("第A03版:县区", "本版新闻", *items, "某某县委组织部到某镇调研", "——把党课开进农家院", PARAGRAPH)
    body = _body_text(text)
    assert all(item not in body for item in items)
    assert "某某县委组织部到某镇调研" in body and PARAGRAPH in body


def test_two_bulleted_headlines_under_a_list_heading_are_dropped():
    items = ("· 某某县某镇开展村党组织书记述职", "· 某某县某镇举办党员冬训班")
    text = _page("首页 | 基层党建 | 公示公告", "热点推荐", *items, "当前位置：首页 > 基层党建", PARAGRAPH)
    body = _body_text(text)
    assert all(item not in body for item in items) and PARAGRAPH in body


def test_headline_like_lines_without_furniture_around_them_stay():
    text = _page("某某县举办农民丰收节", "某某街道 打造红色物业", "某某镇开展“清河行动”", PARAGRAPH)
    body = _body_text(text)
    assert "某某街道 打造红色物业" in body


def test_other_articles_headlines_after_the_last_paragraph_are_dropped_without_a_heading():
    # a scraper that kept the site's "more news" block but not its heading: only headlines follow the article
    headlines = ("某丁镇召开村级党组织书记述职会", "某戊社区：“楼道议事”解民忧", "某己县举办新就业群体座谈会")
    text = _page("某某街道打造红色管家", PARAGRAPH, PARAGRAPH, *headlines)
    dropped = {d.text: d.reason for d in split_body(normalise(text).text)[1]}
    assert all(dropped.get(normalise(h).text) == "headline list" for h in headlines)
    assert PARAGRAPH in _body_text(text)


def test_one_closing_line_after_the_last_paragraph_stays():
    text = _page("某某街道打造红色管家", PARAGRAPH, "让党旗在基层一线高高飘扬")
    assert "让党旗在基层一线高高飘扬" in _body_text(text)


def test_headline_like_lines_followed_by_prose_are_the_article_s_own_subheadings():
    text = _page("某某街道打造红色管家", PARAGRAPH, "筑牢红色阵地", "织密服务网格", "做实民生小事", PARAGRAPH)
    body = _body_text(text)
    assert "织密服务网格" in body and "做实民生小事" in body


def test_a_footer_marker_early_in_the_page_does_not_drop_the_body():
    text = _page("某某街道打造红色管家", "相关新闻", "居民议事会", *[PARAGRAPH] * 4, "社区小结")
    body = _body_text(text)
    assert "社区小结" in body and "居民议事会" in body


# --------------------------------------------------------------- bounded work
RULES = tomllib.loads(resources.files("kg.prepare").joinpath("boilerplate.toml").read_text("utf-8"))
LIMITS = RULES["limits"]
LONG = 10_000  # a line no rule is bounded for: the stage must still be quick


def _rule_patterns():
    """Every pattern of boilerplate.toml, how the stage applies it, and the longest line it is given."""
    for rule in RULES["line_rule"]:
        longest = LIMITS["short_line"] if rule.get("short") else LIMITS["rule_line"]
        for pattern in rule["patterns"]:
            yield rule["reason"], pattern, "search", longest
    listing = 2 * LIMITS["short_line"]  # is_listing looks at no longer line
    for pattern in RULES["listing"]["patterns"]:
        yield "headline list", pattern, "search", listing
    yield "headline", RULES["listing"]["headline"], "match", listing
    yield "link bar", RULES["spam"]["separators"], "split", LONG
    for pattern in RULES["tail"]["markers"]:
        yield "tail marker", pattern, "search", LONG


@pytest.mark.parametrize(("rule", "pattern", "method", "longest"), list(_rule_patterns()))
def test_every_rule_gives_up_quickly_on_hostile_lines(rule, pattern, method, longest, adversarial_lines, time_limit):
    apply = getattr(re.compile(pattern), method)
    for line in adversarial_lines(longest, pattern):
        with time_limit(1.0, f"{rule} rule {pattern!r} on {line[:12]!r}... ({len(line)} chars)"):
            apply(line)


def test_the_limit_stops_a_pattern_that_backtracks_without_end(time_limit):
    # the guard the two tests above rely on: a nested quantifier on a line that fails at its end
    with pytest.raises(Exception, match="of CPU"):
        with time_limit(0.5, "(a+)+$"):
            re.match(r"(a+)+$", "a" * 40 + "b")


@pytest.mark.parametrize("length", [LIMITS["short_line"], LIMITS["rule_line"], LIMITS["rule_line"] + 1, LONG])
def test_hostile_lines_are_judged_quickly(length, adversarial_lines, time_limit):
    for line in adversarial_lines(length):
        with time_limit(1.0, f"line_reason on {line[:12]!r}... ({len(line)} chars)"):
            line_reason(normalise(line).text)


def test_no_rule_looks_at_a_line_longer_than_its_bound():
    footer = "版权所有:某某市融媒体中心"
    assert line_reason(footer + "," * (LIMITS["rule_line"] - len(footer))) == "footer"
    assert line_reason(footer + "," * (LIMITS["rule_line"] + 1 - len(footer))) is None


# ------------------------------------------------------------------ the seeds
KEY_SENTENCES = {
    "000_e7c18125247a2a8b.txt": ["为进一步提升社区服务,白马湖街道与常德职业技术学院双方通过结对共建"],
    "001_236091dd0f7ac199.txt": ["花园洞社区党委书记张圣忠介绍", "北湖区花园洞社区:老梧桐见证社区的“勃勃生机”"],
    "002_fb61ddcf0340e8eb.txt": ["同心公园位于中南社区中心位置,占地31亩", "中南社区公共服务中心系建筑面积达1700㎡"],
    "003_4ac0dcfb27e80ef8.txt": ["长沙市开福区东风路街道浏河社区辖区面积仅0.72平方公里", "浏河社区“青春FUN”304共创空间"],
    "004_ee9b35ad83b3c3db.txt": ["长江日报讯(记者尹勤兵)以老旧小区改造为契机", "“银发党员先锋队”"],
}


def _seed(name: str):
    (raw,) = read_file(ROOT / "seeds" / name)
    return prepare_article(raw)


@pytest.mark.parametrize("name", sorted(SEED_NOISE))
def test_no_furniture_name_in_a_seed_body(name):
    article = _seed(name)
    body = "\n".join(article.text[s:e] for s, e in article.body)
    assert [noise for noise in SEED_NOISE[name]["noise"] if noise in body] == []
    for sentence in KEY_SENTENCES[name]:
        assert sentence in body


def test_seed_furniture_reasons():
    reasons = {name: {(d.text, d.reason) for d in _seed(name).dropped} for name in SEED_NOISE}
    assert ("用户登录", "navigation") in reasons["000_e7c18125247a2a8b.txt"]
    assert ("01_副本.jpg", "image file name") in reasons["001_236091dd0f7ac199.txt"]
    assert ("当前位置:", "breadcrumb") in reasons["001_236091dd0f7ac199.txt"]
    assert ("主办单位:中共湖南省委组织部", "footer") in reasons["003_4ac0dcfb27e80ef8.txt"]
    assert any(r == "place-name spam" and "额济纳旗" in t for t, r in reasons["003_4ac0dcfb27e80ef8.txt"])
    # Every line of these pages' related-headline lists ends in a date, and no body line does:
    # the expected counts are those lines, counted in the raw file by that reading alone.
    for name in ("002_fb61ddcf0340e8eb.txt", "004_ee9b35ad83b3c3db.txt"):
        lines = (ROOT / "seeds" / name).read_text("utf-8").splitlines()
        dated = sum(bool(re.search(r"\d{2,4}[-/.]\d{1,2}[-/.]\d{1,2}\s*$", line)) for line in lines)
        assert dated > 10
        assert sum(r == "headline list" for _, r in reasons[name]) == dated


# Patterns tried once at the line's start (one alternation) must match nowhere else.
ANCHORED = [
    ("^(首页|主页)\\s*>", True),
    ("^a|b", False),  # b may match anywhere
    ("^(a|b)c", True),  # the alternation is inside a group
    ("^[|>]x", True),  # a bar inside brackets
    ("^\\|x", True),  # an escaped bar
    ("^[\\]|]x", True),  # an escaped bracket inside brackets
    ("a^", False),
    ("(?:^a)|c", False),
    ("版权所有", False),
]


@pytest.mark.parametrize("pattern, anchored", ANCHORED)
def test_only_patterns_that_match_at_the_start_are_tried_there_alone(pattern, anchored):
    assert _anchored(pattern) is anchored



@pytest.mark.parametrize("line, marker", [
    ("原文链接: http://example.org/a.html", True),  # a marker that opens the line
    ("相关阅读", True),
    ("居民说起相关阅读活动时很高兴。", False),  # an opening marker inside a sentence is none
    ("本站文章仅供参考,免责声明见首页", True),  # a marker found anywhere in the line
    ("Copyright 2021 某县融媒体中心", True),
    ("某街道组织志愿者清扫楼道。", False),
])
def test_a_tail_marker_is_found_as_one_alternation_of_the_markers_finds_it(line, marker):
    from kg.prepare.boilerplate import _RULES, _any_of, is_tail_marker

    assert is_tail_marker(line) is marker
    assert bool(_any_of(_RULES["tail"]["markers"]).search(line)) is marker


def test_readers_comments_after_the_story_are_furniture():
    # a reader's comment names places the story does not; the heading of the comments ends the page's body
    text = _page("某某社区组建反诈志愿队", *[PARAGRAPH] * 3, "网友评论(3)", "路人甲:某某县某某镇也该学一学。",
                 "小雨:给志愿者点赞!")
    body = _body_text(text)
    assert "某某镇也该学一学" not in body and "给志愿者点赞" not in body
    assert "红色管家" in body


def test_a_bracketed_source_and_reporter_line_is_a_credit_line():
    text = _page("某某社区组建反诈志愿队", *[PARAGRAPH] * 2, "(来源:某某区融媒体中心 记者:某某)")
    dropped = {d.text: d.reason for d in split_body(text)[1]}
    assert dropped.get("(来源:某某区融媒体中心 记者:某某)") == "credit line"
