"""index.html: the application's one page, with the corpus summary and charts drawn at build time.

What is static here (figures, charts, the most central entities, communities,
the build report) reads without script; the rest (search, articles, the
overview, the tree, entity pages, the source reader, paths) is drawn by the
scripts in views/assets from the shards in views/data.
"""
from __future__ import annotations

from heapq import nsmallest
from pathlib import Path

from kg.model import BuildReport
from kg.views.charts import index_charts
from kg.views.data import ViewData
from kg.views.pages import ASSET_SCRIPTS, ASSETS_DIR, render
from kg.views.shards import DATA_DIR
from kg.views.styles import ViewStyles

TOP_ROWS = 20
COMMUNITY_MEMBERS_SHOWN = 8
DATA_FILES = (
    ("graph.ttl", "完整知识图谱（Turtle）"),
    ("report.json", "构建报告"),
    ("analysis.json", "网络分析结果"),
    ("nodes.csv", "节点及中心性"),
    ("edges.csv", "关系及其出处（文章、句子、位置）"),
    ("communities.csv", "社群成员"),
    ("partner_overlap.csv", "社区共建单位重叠"),
    ("admin_tree.csv", "行政层级"),
    ("class_counts.csv", "各类实体数"),
    ("level_counts.csv", "各级行政单元数"),
)


class Links:
    """In-page links (#entity/N) by entity IRI, N being the entity's place in the core shard."""

    def __init__(self, data: ViewData) -> None:
        self.number = data.analysis.position  # the core's entities are in the analysis' order

    def entity(self, iri: str) -> str:
        return f"#entity/{self.number[iri]}"


def class_text(data: ViewData, styles: ViewStyles, iri: str) -> str:
    record = data.analysis.entity[iri]
    parts = [styles.classes[record.top_class].label]
    if record.fine_class != record.top_class:
        parts.insert(0, data.class_labels.get(record.fine_class, record.fine_class))
    if record.level:
        parts.append(styles.levels.get(record.level, record.level))
    return " · ".join(dict.fromkeys(parts))


def node_rows(data: ViewData, styles: ViewStyles, links: Links, key: str, count: int) -> list[dict]:
    a = data.analysis
    return [
        {
            "label": a.entity[m.iri].label,
            "cls": class_text(data, styles, m.iri),
            "href": links.entity(m.iri),
            "degree": m.degree,
            "betweenness": f"{m.betweenness:.4f}",
            "page_rank": f"{m.page_rank:.4f}",
            "community": m.community,
        }
        for m in a.ranked(key, count)
    ]


def community_rows(data: ViewData, links: Links) -> list[dict]:
    a = data.analysis
    page_rank, position = a.metrics.figures("page_rank"), a.position
    rows = []
    for community in [c for c in a.communities if len(c.members) > 1][:TOP_ROWS]:
        shown = nsmallest(COMMUNITY_MEMBERS_SHOWN, community.members, key=lambda i: (-page_rank[position[i]], i))
        rows.append(
            {
                "number": community.number,
                "size": len(community.members),
                "members": [(a.entity[i].label, links.entity(i)) for i in shown],
                "more": max(len(community.members) - COMMUNITY_MEMBERS_SHOWN, 0),
            }
        )
    return rows


def write_index(data: ViewData, styles: ViewStyles, report: BuildReport, out_dir: Path, overview: dict) -> None:
    a = data.analysis
    links = Links(data)
    units = sum(1 for e in a.entities if e.top_class == "AdministrativeUnit")
    render(
        "index.html.j2",
        out_dir / "index.html",
        title="基层党建知识图谱",
        subtitle=f"{len(report.articles)} 篇文章 · {len(a.entities)} 个实体 · {len(a.relations)} 条关系",
        assets=f"views/{ASSETS_DIR}",
        scripts=ASSET_SCRIPTS,
        core=f"views/{DATA_DIR}/core.js",
        figures=[
            ("文章", len(report.articles)),
            ("跳过的文件", len(report.skipped)),
            ("实体", len(a.entities)),
            ("关系", len(a.relations)),
            ("社群（≥2 个节点）", sum(1 for c in a.communities if len(c.members) > 1)),
            ("行政单元", units),
        ],
        charts=index_charts(data, styles),
        top_nodes=node_rows(data, styles, links, "page_rank", TOP_ROWS),
        top_between=node_rows(data, styles, links, "betweenness", 10),
        communities=community_rows(data, links),
        overlaps=[
            ((a.entity[o.first].label, links.entity(o.first)), (a.entity[o.second].label, links.entity(o.second)),
             [a.entity[p].label for p in o.partners])
            for o in a.partner_overlap[:TOP_ROWS]
        ],
        overview_hidden=overview["hiddenNodes"],
        sampled=a.betweenness_sample,
        skipped=report.skipped,
        warnings=report.warnings,
        dropped_lines=data.dropped_lines,
        data_files=DATA_FILES,
    )
