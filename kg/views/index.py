"""index.html: the corpus summary, links to every view and the build report."""
from __future__ import annotations

from pathlib import Path

from kg.analyse.network import Analysis
from kg.views.pages import ASSETS_DIR, render
from kg.model import LEVELS, BuildReport
from kg.views.data import ViewContext, class_text

TOP_ROWS = 20
COMMUNITY_MEMBERS_SHOWN = 8
DATA_FILES = (
    ("graph.ttl", "完整知识图谱（Turtle）"),
    ("report.json", "构建报告"),
    ("analysis.json", "网络分析结果"),
    ("nodes.csv", "节点及中心性"),
    ("edges.csv", "关系"),
    ("communities.csv", "社群成员"),
    ("partner_overlap.csv", "社区共建单位重叠"),
    ("admin_tree.csv", "行政层级"),
    ("class_counts.csv", "各类实体数"),
    ("level_counts.csv", "各级行政单元数"),
)


def unit_href(context: ViewContext, iri: str) -> str | None:
    page = context.unit_pages.get(iri)
    return f"views/{page}" if page else None


def node_row(context: ViewContext, iri: str) -> dict:
    m = context.analysis.metric[iri]
    return {
        "label": context.analysis.entity[iri].label,
        "cls": class_text(context, iri),
        "href": unit_href(context, iri),
        "degree": m.degree,
        "betweenness": f"{m.betweenness:.4f}",
        "page_rank": f"{m.page_rank:.4f}",
        "community": m.community,
    }


def class_rows(context: ViewContext) -> list[dict]:
    a = context.analysis
    rows = []
    for top, count in a.top_class_counts():
        fine = [f"{context.class_labels.get(c, c)} {n}" for t, c, n in a.class_counts if t == top and c != top]
        rows.append({"label": context.styles.classes[top].label, "name": top, "count": count, "fine": "、".join(fine)})
    return rows


def community_rows(context: ViewContext) -> list[dict]:
    a = context.analysis
    rows = []
    for community in [c for c in a.communities if len(c.members) > 1][:TOP_ROWS]:
        members = sorted(community.members, key=lambda i: (-a.metric[i].page_rank, i))
        rows.append(
            {
                "number": community.number,
                "size": len(members),
                "members": [(a.entity[i].label, unit_href(context, i)) for i in members[:COMMUNITY_MEMBERS_SHOWN]],
                "more": max(len(members) - COMMUNITY_MEMBERS_SHOWN, 0),
            }
        )
    return rows


def unit_groups(context: ViewContext) -> list[dict]:
    a = context.analysis
    groups = []
    for level in (*LEVELS, None):
        units = sorted((i for i in context.unit_pages if a.entity[i].level == level), key=lambda i: (a.entity[i].label, i))
        if units:
            name = context.styles.levels.get(level or "unknown", level or "")
            groups.append({"level": name, "units": [(a.entity[i].label, unit_href(context, i)) for i in units]})
    return groups


def write_index(context: ViewContext, report: BuildReport, out_dir: Path, *, overview_hidden: int) -> None:
    a: Analysis = context.analysis
    articles = [
        {
            "title": page.title,
            "date": page.date,
            "source_name": page.summary.metadata.source_name or "",
            "source": page.summary.source,
            "entities": len(context.entities_of_article.get(page.node, ())) if page.node else 0,
            "href": f"views/{page.page}",
            "dropped": page.summary.dropped,
        }
        for page in context.articles
    ]
    render(
        "index.html.j2",
        out_dir / "index.html",
        title="基层党建知识图谱",
        subtitle=f"{len(report.articles)} 篇文章 · {len(a.entities)} 个实体 · {len(a.relations)} 条关系",
        home=None,
        assets=f"views/{ASSETS_DIR}",
        figures=[
            ("文章", len(report.articles)),
            ("跳过的文件", len(report.skipped)),
            ("实体", len(a.entities)),
            ("关系", len(a.relations)),
            ("社群（≥2 个节点）", sum(1 for c in a.communities if len(c.members) > 1)),
            ("行政单元", len(context.unit_pages)),
        ],
        articles=articles,
        classes=class_rows(context),
        levels=[(context.styles.levels.get(level, level), n) for level, n in a.level_counts],
        top_nodes=[node_row(context, m.iri) for m in a.ranked("page_rank")[:TOP_ROWS]],
        top_between=[node_row(context, m.iri) for m in a.ranked("betweenness")[:10]],
        communities=community_rows(context),
        overlaps=[
            (a.entity[o.first].label, a.entity[o.second].label, [a.entity[p].label for p in o.partners])
            for o in a.partner_overlap[:TOP_ROWS]
        ],
        unit_groups=unit_groups(context),
        overview_hidden=overview_hidden,
        sampled=a.betweenness_sample,
        skipped=report.skipped,
        warnings=report.warnings,
        data_files=DATA_FILES,
    )
