"""Write the test corpus: one article in five encodings, an HTML page, JSONL, and broken files.

Run ``python tests/corpus/make_corpus.py`` to regenerate; the files it writes
are committed, and ``tests/test_ingest_corpus.py`` checks they are current.
The articles are invented for the tests (realistic in form, not real news).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent

# One article, saved in every encoding under encodings/.
ARTICLE = """青石街道绿柳社区:“红色管家”让老旧小区焕新颜

来源:青石融媒  时间:2024-05-20 09:15

近日,走进青石街道绿柳社区,只见楼道整洁明亮,新修的健身步道旁,几位老人正在下棋聊天。“过去这里是出了名的‘老大难’小区,现在大家都愿意出门走走了。”居民王阿姨笑着说。

绿柳社区建成于上世纪九十年代,共有居民楼24栋、1860户,老年人口占比超过三成。今年以来,绿柳社区党委探索“红色管家”治理模式,由社区党委牵头,组织楼栋党小组、物业公司和业委会每月召开一次联席会议,共同解决停车难、充电难等问题。

社区党委书记刘晓燕介绍,社区与青石职业学院结对共建,组建了一支由42名党员和大学生组成的志愿服务队,在社区党群服务中心开设“四点半课堂”,为双职工家庭的孩子提供课后托管服务。

下一步,绿柳社区将继续完善议事协商机制,让居民的“急难愁盼”事事有回应、件件有着落。

作者:陈思远
编辑:李文
"""

# A page as a news site serves it: header, navigation, breadcrumb, article, related list, footer.
HTML_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>桂花街道:居民议事厅让小事不出楼栋_某某新闻网</title>
<meta property="og:title" content="桂花街道:居民议事厅让小事不出楼栋">
<meta property="og:site_name" content="某某新闻网">
<meta name="author" content="周明">
<meta property="article:published_time" content="2024-06-12T08:30:00+08:00">
<link rel="canonical" href="https://news.example.org/2024/06/12/guihua.html">
</head>
<body>
<header>
  <div class="login"><a href="/login">用户登录</a> | <a href="/reg">立即注册</a></div>
  <nav><ul>
    <li><a href="/">首页</a></li><li><a href="/yw">要闻</a></li><li><a href="/dj">党建</a></li>
    <li><a href="/sh">社会</a></li><li><a href="/sp">视频</a></li>
  </ul></nav>
</header>
<div class="crumb">当前位置:<a href="/">首页</a> &gt; <a href="/dj">基层党建</a> &gt; 正文</div>
<article>
<h1>桂花街道:居民议事厅让小事不出楼栋</h1>
<div class="info">来源:某某新闻网 作者:周明 2024-06-12 08:30</div>
<p>“楼下的路灯坏了好几天,在议事厅说了一声,第二天就修好了。”家住桂花街道金桂社区的居民张师傅说。</p>
<p>今年以来,桂花街道党工委在辖区8个社区推行“居民议事厅”制度,每个社区设立议事厅,由社区党组织书记担任召集人,居民代表、物业公司、共建单位代表共同参与,每月固定开展一次议事活动。</p>
<p>金桂社区党委书记黄丽萍介绍,议事厅成立半年来,共收集居民意见建议130余条,解决加装电梯、楼道照明、垃圾分类等民生问题96件。社区还与桂花小学结对共建,组织学生志愿者参与垃圾分类宣传。</p>
<p>桂花街道相关负责人表示,下一步将把议事厅延伸到小区和楼栋,让居民参与社区治理的渠道更加畅通。</p>
</article>
<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/a1">某县召开防汛工作会议</a> 2024-06-11</li>
<li><a href="/a2">某市举办全民健身运动会</a> 2024-06-10</li>
</ul></div>
<footer>
<p>Copyright © 2024 某某新闻网 版权所有</p>
<p>某ICP备12345678号 | 违法和不良信息举报电话:12377</p>
</footer>
</body>
</html>
"""

JSONL_RECORDS = [
    {
        "title": "红枫社区“邻里帮”志愿服务队获评优秀志愿服务组织",
        "url": "https://example.org/news/1001",
        "published": "2024-03-08",
        "source": "某某日报",
        "text": "红枫社区“邻里帮”志愿服务队成立于2019年,现有队员65名,其中党员31名。"
        "服务队常年为辖区独居老人提供上门理发、代购代办等服务。近日,该服务队获评全市优秀志愿服务组织。",
    },
    {"title": "只有标题没有正文", "url": "https://example.org/news/1002"},
    '{"title": "坏行", "text": "JSON 写坏了"',
    {
        "text": "柏树湾社区建成“15分钟便民生活圈”\n"
        "柏树湾社区党总支联合辖区商户,建成社区食堂、便民维修点和日间照料中心各1处,"
        "居民步行15分钟即可满足日常生活需求。",
    },
]

# A short article whose file is cut in the middle of its last character.
TRUNCATED = (
    "松林村:党员积分制激发乡村治理活力\n"
    "松林村党支部推行党员积分制管理,将参与环境整治、调解邻里纠纷等纳入积分,"
    "每季度评选一次“红榜党员”。今年已有56名党员参与,化解矛盾纠纷23起。"
)


def encodings() -> dict[str, bytes]:
    """The article in each encoding; Big5 holds a traditional version (Big5 cannot encode simplified)."""
    import opencc

    traditional = opencc.OpenCC("s2tw").convert(ARTICLE)
    return {
        "utf8.txt": ARTICLE.encode("utf-8"),
        "utf8_bom.txt": ARTICLE.encode("utf-8-sig"),
        "utf16.txt": ARTICLE.encode("utf-16"),  # with BOM, little-endian
        "gb18030.txt": ARTICLE.encode("gb18030"),
        "big5_traditional.txt": traditional.encode("big5"),
    }


def corpus_files() -> dict[str, bytes]:
    """Every file of the corpus: relative path -> bytes."""
    files = {f"encodings/{name}": data for name, data in encodings().items()}
    files["web/guihua.html"] = HTML_PAGE.encode("utf-8")
    files["feed/articles.jsonl"] = "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in JSONL_RECORDS
    ).encode("utf-8")
    files["broken/empty.txt"] = b""
    # A PNG header and some pixel bytes under a .txt name: binary, whatever the name says.
    files["broken/binary.txt"] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    files["broken/truncated.txt"] = TRUNCATED.encode("utf-8")[:-1]
    files["broken/notes.csv"] = "社区,户数\n绿柳社区,1860\n".encode("utf-8")
    return files


def main(out: Path = HERE) -> None:
    for relative, data in corpus_files().items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
