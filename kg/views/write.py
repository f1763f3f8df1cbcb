"""Views stage: index.html, the analysis tables and one network page per view.

Pages written into the output folder::

    index.html                 corpus summary, links, build report
    analysis.json, *.csv       the analysis (kg/tables.py)
    views/overview.html        the most central nodes of the whole graph
    views/tree.html            the administrative hierarchy
    views/article-<id>.html    the entities of one article
    views/unit-<slug>.html     one administrative unit and its neighbourhood
    views/assets/              vis-network, CSS and JS shared by all pages

Node positions are computed here (kg/layout.py), so the browser runs no physics.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.analyse.network import Analysis
from kg.analyse.records import RelationRecord
from kg.views.pages import ASSETS_DIR, copy_assets, render, script_json, swatch
from kg.views.index import write_index
from kg.views.layout import force_positions, tree_positions
from kg.model import BuildReport, TOP_CLASSES
from kg.analyse.tables import write_tables
from kg.views.data import ViewContext, network_payload, read_view_context
from kg.views.styles import ViewStyles, load_styles

VIEWS_DIR = "views"
TREE_NODE_SIZE = 12


def write_views(
    graph: Graph, analysis: Analysis, report: BuildReport, out_dir: Path, *, overview_limit: int | None = None
) -> None:
    """Write every view of the graph into ``out_dir``; ``overview_limit`` overrides view_styles.toml."""
    styles = load_styles()
    context = read_view_context(graph, analysis, report, styles)
    views_dir = Path(out_dir) / VIEWS_DIR
    views_dir.mkdir(parents=True, exist_ok=True)
    copy_assets(views_dir, styles)
    write_tables(analysis, Path(out_dir))
    limit = overview_limit if overview_limit is not None else styles.overview_max_nodes
    write_overview(context, views_dir, limit)
    write_tree(context, views_dir)
    for page in context.articles:
        write_article_view(context, views_dir, page)
    network = relation_network(analysis)
    for unit in sorted(context.unit_pages):
        write_unit_view(context, views_dir, unit, network)
    write_index(context, report, Path(out_dir), overview_hidden=max(len(analysis.entities) - limit, 0))


def relation_network(analysis: Analysis) -> nx.Graph:
    network = nx.Graph()
    network.add_nodes_from(e.iri for e in analysis.entities)
    network.add_edges_from((r.subject, r.object) for r in analysis.relations)
    return network


def pairs(relations: list[RelationRecord]) -> list[tuple[str, str]]:
    return [(r.subject, r.object) for r in relations]


def vis_options(styles: ViewStyles) -> dict:
    font = {"face": styles.font_stack.replace('"', ""), "strokeWidth": 3, "strokeColor": "#ffffff"}
    return {
        # Positions are precomputed: no physics and no layout pass in the browser.
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True},
        "nodes": {"font": {**font, "size": 14, "color": "#222222"}},
        "edges": {
            "font": {**font, "size": 10, "color": "#555555", "align": "middle"},
            "smooth": False,
            "width": 1.2,
            "arrows": {"to": {"scaleFactor": 0.5}},
        },
    }


def legend(context: ViewContext, payload: dict) -> tuple[list[dict], list[dict]]:
    """Classes and relations present in the view, with their counts."""
    styles = context.styles
    class_counts = {cls: sum(1 for n in payload["nodes"] if n["cls"] == cls) for cls in TOP_CLASSES}
    classes = [
        {"name": cls, "label": styles.classes[cls].label, "count": n, "swatch": swatch(styles.classes[cls])}
        for cls, n in class_counts.items()
        if n
    ]
    relation_counts: dict[str, int] = {}
    for edge in payload["edges"]:
        relation_counts[edge["relation"]] = relation_counts.get(edge["relation"], 0) + 1
    relations = [
        {"label": style.label, "colour": style.colour, "count": relation_counts[name]}
        for name, style in styles.relations.items()
        if name in relation_counts
    ]
    return classes, relations


def write_network_page(
    context: ViewContext, path: Path, payload: dict, *, title: str, subtitle: str = "", note: str = "", details=()
) -> None:
    payload["options"] = vis_options(context.styles)
    classes, relations = legend(context, payload)
    render(
        "network.html.j2",
        path,
        title=title,
        subtitle=subtitle,
        note=note,
        details=list(details),
        home="../index.html",
        assets=ASSETS_DIR,
        legend=classes,
        relations=relations,
        node_count=len(payload["nodes"]),
        edge_count=len(payload["edges"]),
        payload_json=script_json(payload),
    )


def overview_selection(analysis: Analysis, limit: int) -> list[str]:
    return [m.iri for m in analysis.ranked("page_rank")[: max(limit, 0)]]


def write_overview(context: ViewContext, views_dir: Path, limit: int) -> None:
    analysis = context.analysis
    shown = overview_selection(analysis, limit)
    among = context.relations_among(shown)
    payload = network_payload(context, force_positions(shown, pairs(among)), relations=among)
    hidden = len(analysis.entities) - len(shown)
    note = ""
    if hidden > 0:
        hidden_edges = len(analysis.relations) - len(payload["edges"])
        note = (
            f"只显示 PageRank 最高的 {len(shown)} 个节点；另有 {hidden} 个节点和 {hidden_edges} 条关系未显示。"
            "它们都在 nodes.csv、edges.csv 和各单元、各文章的视图里。"
        )
    write_network_page(
        context,
        views_dir / "overview.html",
        payload,
        title="全图概览",
        subtitle=f"{len(analysis.entities)} 个实体 · {len(analysis.relations)} 条关系 · 节点大小表示 PageRank",
        note=note,
    )


def write_tree(context: ViewContext, views_dir: Path) -> None:
    tree = context.analysis.admin_tree
    positions = tree_positions(tree.children(), tree.roots)
    links = {(child, parent) for child, parent in tree.parent_of}
    tree_relations = [r for r in context.relations_among(positions) if r.predicate == "partOf" and (r.subject, r.object) in links]
    payload = network_payload(context, positions, relations=tree_relations, node_size=TREE_NODE_SIZE)
    write_network_page(
        context,
        views_dir / "tree.html",
        payload,
        title="行政层级",
        subtitle=f"{len(positions)} 个行政单元，按“隶属”关系从上级到下级排列",
        note="" if positions else "图中没有行政单元。",
    )


def write_article_view(context: ViewContext, views_dir: Path, page) -> None:
    entities = sorted(context.entities_of_article.get(page.node, set())) if page.node else []
    among = context.relations_among(entities)
    payload = network_payload(context, force_positions(entities, pairs(among)), article=page.node, relations=among)
    meta = page.summary.metadata
    subtitle = " · ".join(x for x in (meta.published, meta.source_name, page.summary.source) if x)
    write_network_page(
        context,
        views_dir / page.page,
        payload,
        title=page.title,
        subtitle=subtitle,
        note="" if entities else "这篇文章中没有识别出实体。",
        details=[f"文章编号 {page.summary.id}", f"{len(entities)} 个实体，关系为它们之间在全图中的关系"],
    )


def unit_neighbourhood(network: nx.Graph, unit: str, analysis: Analysis, max_nodes: int) -> tuple[list[str], str]:
    """Two steps around the unit while that stays small, else one step, else the most central neighbours."""
    for radius in (2, 1):
        nodes = sorted(nx.ego_graph(network, unit, radius=radius))
        if len(nodes) <= max_nodes:
            return nodes, f"显示与该单元相距 {radius} 步以内的 {len(nodes)} 个节点。"
    rank = analysis.metric
    neighbours = sorted(network.neighbors(unit), key=lambda n: (-rank[n].page_rank, n))
    kept = sorted([unit, *neighbours[: max_nodes - 1]])
    hidden = len(neighbours) - (len(kept) - 1)
    return kept, f"该单元有 {len(neighbours)} 个直接相连的节点；只显示 PageRank 最高的 {len(kept) - 1} 个，另有 {hidden} 个未显示。"


def write_unit_view(context: ViewContext, views_dir: Path, unit: str, network: nx.Graph) -> None:
    analysis = context.analysis
    nodes, note = unit_neighbourhood(network, unit, analysis, context.styles.unit_view_max_nodes)
    among = context.relations_among(nodes)
    payload = network_payload(context, force_positions(nodes, pairs(among)), focus=unit, relations=among)
    entity = analysis.entity[unit]
    level = context.styles.levels.get(entity.level or "unknown", "")
    write_network_page(
        context,
        views_dir / context.unit_pages[unit],
        payload,
        title=entity.label,
        subtitle=f"{level} · 社群 {analysis.metric[unit].community} · 粗边框为本单元",
        note=note,
    )
