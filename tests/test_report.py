"""report.json: written one article at a time, with the bytes of the one JSON document it stands for."""
import json

import pytest

from kg.model import ArticleMetadata, ArticleSummary, BuildReport, DroppedLine, Skipped
from kg.report import write_report

ARTICLE = ArticleSummary(
    id="a1", source='某地/“新闻”\n1.txt', metadata=ArticleMetadata("标题", "2024-01-02", None, None, ("甲", "乙")),
    content_hash="h", chars=12, dropped=(DroppedLine("首页 > 新闻\t", "navigation", 0, 7),),
)

# Every kind of value each field may have: no metadata, no dropped lines, several, text to escape.
BARE = ArticleSummary(id="a2", source="b.txt", metadata=ArticleMetadata(), content_hash="h2", chars=0, encoding=None)
FULL = ArticleSummary(
    id="a3", source="c\\d\u2028.html", metadata=ArticleMetadata('"引号"', "2024", "某报", "http://x/?a=1&b=\"", ("丙",)),
    content_hash="h3", chars=10_000_000, encoding="gb18030", format="html",
    dropped=(DroppedLine("", "footer", 0, 0), DroppedLine("版权所有\x00\r\n", "footer", 5, 99)),
)


def document(report: BuildReport) -> dict:
    """What report.json holds, as the build report states it (the format docs/ describe)."""
    return {
        "articles": [{"chars": a.chars, "content_hash": a.content_hash, "dropped": [vars(d) for d in a.dropped],
                      "encoding": a.encoding, "format": a.format, "id": a.id, "metadata": vars(a.metadata),
                      "source": a.source} for a in report.articles],
        "entity_counts": [list(c) for c in report.entity_counts],
        "skipped": [vars(s) for s in report.skipped],
        "warnings": list(report.warnings),
    }


@pytest.mark.parametrize("report", [
    BuildReport(),
    BuildReport(articles=(ARTICLE,)),
    BuildReport(articles=(ARTICLE, BARE, FULL)),
    BuildReport(articles=(ARTICLE, ARTICLE), skipped=(Skipped("b.html", "no text"),),
                entity_counts=(("Program", 2),), warnings=("not using the cache",)),
])
def test_report_json_is_one_indented_sorted_document(report, tmp_path):
    path = tmp_path / "report.json"
    write_report(report, path)
    text = path.read_text("utf-8")
    assert text == json.dumps(document(report), ensure_ascii=False, indent=1, sort_keys=True)
    assert json.loads(text)["articles"][:1] == [{**json.loads(json.dumps(vars(ARTICLE), default=vars))}][:len(report.articles)]
