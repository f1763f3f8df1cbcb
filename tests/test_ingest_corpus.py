"""The test corpus end to end: encodings, HTML, JSONL and broken files through ``kg build``."""
import json
from pathlib import Path

import pytest
from rdflib import RDF, Graph
from typer.testing import CliRunner

from kg.cli.commands import app
from kg.model import Skipped
from kg.pipeline import extract_corpus, read_corpus
from kg.rdf import iri
from kg.rdf.vocab import KG

CORPUS = Path(__file__).parent / "corpus"
ARTICLE_TITLE = "青石街道绿柳社区:“红色管家”让老旧小区焕新颜"

# Every usable article: source (relative to the corpus) -> title.
USABLE = {
    "broken/truncated.txt": "松林村:党员积分制激发乡村治理活力",
    "encodings/big5_traditional.txt": ARTICLE_TITLE,
    "feed/articles.jsonl:1": "红枫社区“邻里帮”志愿服务队获评优秀志愿服务组织",
    "feed/articles.jsonl:4": "柏树湾社区建成“15分钟便民生活圈”",
    "web/guihua.html": "桂花街道:居民议事厅让小事不出楼栋",
}
# Every input that is not used, with its reason. The same article in other
# encodings and scripts normalises to the same text as the first copy read
# (big5_traditional.txt, first in sorted order: its 有著落 becomes 有着落 as
# the simplified copies write it), so it is a duplicate.
UNUSABLE = {
    "broken/binary.txt": "binary file",
    "broken/empty.txt": "empty file",
    "broken/notes.csv": "unsupported file type .csv",
    "encodings/gb18030.txt": "duplicate of {corpus}/encodings/big5_traditional.txt",
    "encodings/utf16.txt": "duplicate of {corpus}/encodings/big5_traditional.txt",
    "encodings/utf8.txt": "duplicate of {corpus}/encodings/big5_traditional.txt",
    "encodings/utf8_bom.txt": "duplicate of {corpus}/encodings/big5_traditional.txt",
    "feed/articles.jsonl:2": "no text: the 'text' field is missing or empty",
    "feed/articles.jsonl:3": "invalid JSON: Expecting ',' delimiter at column 35",
    "make_corpus.py": "unsupported file type .py",
}


def _relative(source: str) -> str:
    return Path(source).relative_to(CORPUS).as_posix()


def test_corpus_files_are_current():
    """The committed files are what make_corpus.py writes."""
    # exec'd, not imported: an import would leave a __pycache__ in the corpus
    script = CORPUS / "make_corpus.py"
    namespace = {"__name__": "make_corpus", "__file__": str(script)}
    exec(compile(script.read_text("utf-8"), str(script), "exec"), namespace)
    for relative, data in namespace["corpus_files"]().items():
        assert (CORPUS / relative).read_bytes() == data, f"{relative}: run tests/corpus/make_corpus.py"


def test_every_input_is_an_article_or_skipped_with_its_reason():
    articles, skipped = {}, {}
    for item in read_corpus([CORPUS]):
        if isinstance(item, Skipped):
            skipped[_relative(item.source)] = item.reason
        else:
            articles[_relative(item.source)] = item
    assert {source: a.metadata.title for source, a in articles.items()} == USABLE
    assert skipped == {source: reason.format(corpus=CORPUS) for source, reason in UNUSABLE.items()}


def test_encodings_and_metadata_of_the_articles():
    summaries, _, _ = extract_corpus([CORPUS])
    by_source = {_relative(s.source): s for s in summaries}
    assert by_source["encodings/big5_traditional.txt"].encoding == "big5"
    assert by_source["broken/truncated.txt"].encoding.startswith("utf_8 (truncated")
    html = by_source["web/guihua.html"]
    assert (html.format, html.metadata.published, html.metadata.source_name, html.metadata.url) == (
        "html", "2024-06-12", "某某新闻网", "https://news.example.org/2024/06/12/guihua.html")
    article = by_source["encodings/big5_traditional.txt"].metadata
    assert (article.published, article.source_name, article.authors) == ("2024-05-20", "青石融媒", ("陈思远",))
    feed = by_source["feed/articles.jsonl:1"].metadata
    assert (feed.published, feed.source_name, feed.url) == ("2024-03-08", "某某日报", "https://example.org/news/1001")


def test_html_page_furniture_stays_out_of_the_body():
    (article,) = [a for a in read_corpus([CORPUS / "web"]) if not isinstance(a, Skipped)]
    body = "\n".join(article.text[s:e] for s, e in article.body)
    assert "金桂社区党委书记黄丽萍介绍" in body
    for furniture in ("用户登录", "当前位置", "某县召开防汛工作会议", "ICP备", "Copyright", "来源:某某新闻网"):
        assert furniture not in body


@pytest.fixture(scope="module")
def build_result(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus_build") / "out"
    result = CliRunner().invoke(app, ["build", str(CORPUS), "--out", str(out)])
    return result, out


def test_build_exits_0_and_counts_what_it_read_and_skipped(build_result):
    result, out = build_result
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Built {out}/: {len(USABLE)} article(s) read, {len(UNUSABLE)} skipped, ")


def test_build_names_every_unusable_input_with_its_reason(build_result):
    result, out = build_result
    # rich wraps long lines: compare without whitespace
    said = "".join(result.output.split())
    report = json.loads((out / "report.json").read_text("utf-8"))
    reported = {_relative(s["source"]): s["reason"] for s in report["skipped"]}
    for source, reason in UNUSABLE.items():
        reason = reason.format(corpus=CORPUS)
        assert reported[source] == reason
        assert "".join(f"{CORPUS / source}: {reason}".split()) in said


def test_build_reports_every_usable_article_with_its_title(build_result):
    _, out = build_result
    report = json.loads((out / "report.json").read_text("utf-8"))
    titles = {_relative(a["source"]): a["metadata"]["title"] for a in report["articles"]}
    assert titles == USABLE
    # each article read is one kg:Article of the graph, with its title
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    assert {(str(a), str(graph.value(a, KG.title))) for a in graph.subjects(RDF.type, KG.Article)} == {
        (iri.article_iri(a["id"]), a["metadata"]["title"]) for a in report["articles"]}
