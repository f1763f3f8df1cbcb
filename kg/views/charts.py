"""The index's pictures, drawn at build time as inline SVG (no chart library, nothing fetched).

Every label comes from article text, so it is escaped (markupsafe) before it
goes into the SVG; numbers and colours are ours (colours are checked #rrggbb
in styles.py).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from heapq import nsmallest

from markupsafe import Markup, escape

from kg.analyse.network import partners_by_community
from kg.model import LEVELS
from kg.views.data import ViewData
from kg.views.styles import ViewStyles

BAR_WIDTH = 300
LABEL_WIDTH = 150
ROW = 22
MAX_LABEL = 11
TOP_PARTNERS = 15
MATRIX_SIZE = 15
CELL = 18
GREY = "#8c8c8c"


@dataclass(frozen=True)
class Chart:
    title: str
    svg: Markup
    note: str = ""


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def bar_chart(rows: list[tuple[str, int, str]], unit: str = "") -> Markup:
    """Horizontal bars: (label, value, colour) per row, the value written at the bar's end."""
    top = max((value for _, value, _ in rows), default=0) or 1
    height = ROW * len(rows) + 6
    width = LABEL_WIDTH + BAR_WIDTH + 60
    parts = [f'<svg class="kg-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">']
    for i, (label, value, colour) in enumerate(rows):
        y = i * ROW + 3
        bar = max(1, round(BAR_WIDTH * value / top)) if value else 0
        parts.append(
            f'<g><title>{escape(label)}：{value}{escape(unit)}</title>'
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 14}" text-anchor="end">{escape(_label(label))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="{bar}" height="{ROW - 6}" fill="{colour}"/>'
            f'<text x="{LABEL_WIDTH + bar + 4}" y="{y + 14}" class="kg-chart-value">{value}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def column_chart(rows: list[tuple[str, int]], colour: str) -> Markup:
    """Vertical bars over time; every label would crowd, so about a dozen are written."""
    height, plot = 190, 150
    step = max(8, min(40, 640 // max(len(rows), 1)))
    width = step * len(rows) + 50
    top = max((v for _, v in rows), default=0) or 1
    every = max(1, len(rows) // 12)
    parts = [f'<svg class="kg-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">']
    parts.append(f'<text x="0" y="12" class="kg-chart-value">{top}</text>')
    for i, (label, value) in enumerate(rows):
        x = 40 + i * step
        bar = round(plot * value / top)
        parts.append(
            f'<g><title>{escape(label)}：{value} 篇</title>'
            f'<rect x="{x}" y="{plot - bar + 10}" width="{step - 2}" height="{bar}" fill="{colour}"/></g>'
        )
        if i % every == 0:
            parts.append(f'<text x="{x}" y="{plot + 26}" class="kg-chart-axis">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def matrix_chart(rows: list[str], columns: list[str], cells: set[tuple[int, int]], colour: str) -> Markup:
    """Rows × columns, a filled cell where the two work together."""
    left, top = LABEL_WIDTH, 130
    width, height = left + CELL * len(columns) + 10, top + CELL * len(rows) + 6
    parts = [f'<svg class="kg-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">']
    for j, name in enumerate(columns):
        x = left + j * CELL + CELL // 2
        parts.append(
            f'<text transform="translate({x},{top - 6}) rotate(-60)" class="kg-chart-axis">{escape(_label(name))}'
            f"<title>{escape(name)}</title></text>"
        )
    for i, name in enumerate(rows):
        y = top + i * CELL
        parts.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{escape(_label(name))}<title>{escape(name)}</title></text>')
        for j in range(len(columns)):
            fill = colour if (i, j) in cells else "#f0f0f0"
            parts.append(
                f'<rect x="{left + j * CELL}" y="{y}" width="{CELL - 2}" height="{CELL - 2}" fill="{fill}">'
                f"<title>{escape(name)} × {escape(columns[j])}</title></rect>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def _months(data: ViewData) -> list[tuple[str, int]]:
    months = data.months
    if not months:
        return []
    if len(months) > 48:  # a long span: years read better than hundreds of months
        years = Counter()
        for month, n in months.items():
            years[month[:4]] += n
        return sorted(years.items())
    first, last = min(months), max(months)
    out, (year, month) = [], (int(first[:4]), int(first[5:7]))
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        out.append((key, months.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def community_partner_matrix(data: ViewData, styles: ViewStyles) -> Chart | None:
    a = data.analysis
    partners = partners_by_community(a.entities, a.relations)
    if not partners:
        return None
    by_partner = Counter(p for found in partners.values() for p in found)
    columns = nsmallest(MATRIX_SIZE, by_partner, key=lambda p: (-by_partner[p], p))
    chosen = set(columns)
    rows = nsmallest(MATRIX_SIZE, partners, key=lambda u: (-len(partners[u] & chosen), u))
    cells = {(i, j) for i, unit in enumerate(rows) for j, p in enumerate(columns) if p in partners[unit]}
    svg = matrix_chart([a.entity[u].label for u in rows], [a.entity[p].label for p in columns], cells,
                       styles.classes["Partner"].colour)
    return Chart("社区 × 共建单位", svg, f"共建单位最多的 {len(rows)} 个社区与最常见的 {len(columns)} 个共建单位（含通过社区党组织的共建）")


def index_charts(data: ViewData, styles: ViewStyles) -> list[Chart]:
    a = data.analysis
    charts = [
        Chart("各类实体", bar_chart([(styles.classes[c].label, n, styles.classes[c].colour) for c, n in a.top_class_counts()], " 个")),
    ]
    levels = dict(a.level_counts)
    if levels:
        unit_colour = styles.classes["AdministrativeUnit"].colour
        rows = [(styles.levels.get(level, level), levels[level], unit_colour) for level in (*LEVELS, "unknown") if level in levels]
        charts.append(Chart("各级行政单元", bar_chart(rows, " 个")))
    kinds = [(data.class_labels.get(fine, fine), n) for top, fine, n in a.class_counts if top == "Program"]
    if kinds:
        charts.append(Chart("项目活动的类型", bar_chart([(k, n, styles.classes["Program"].colour) for k, n in sorted(kinds, key=lambda kv: -kv[1])], " 个")))
    months = _months(data)
    if months:
        charts.append(Chart("文章的发布时间", column_chart(months, GREY), f"{months[0][0]} — {months[-1][0]}，按{'年' if len(months[0][0]) == 4 else '月'}"))
    degree = a.metrics.degrees
    # By position (entities are in IRI order, so the position breaks ties as the IRI does).
    partners = nsmallest(TOP_PARTNERS, (i for i, e in enumerate(a.entities) if e.top_class == "Partner" and degree[i]),
                         key=lambda i: (-degree[i], i))
    if partners:
        colour = styles.classes["Partner"].colour
        rows = [(a.entities[i].label, degree[i], colour) for i in partners]
        charts.append(Chart("联系最多的共建单位", bar_chart(rows, " 条关系"), "按度（直接相连的实体数）"))
    matrix = community_partner_matrix(data, styles)
    if matrix:
        charts.append(matrix)
    return charts
