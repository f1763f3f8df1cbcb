"""Views stage: one application, ``index.html``, with its data in shards loaded on demand.

Files written into the output folder::

    index.html             the application: summary, charts, search, and (by the
                           part after #) the overview, the tree, an entity's page,
                           an article's source reader, a path between two entities
    analysis.json, *.csv   the analysis (kg/analyse/tables.py)
    views/assets/          vis-network (from the pyvis package), our CSS and scripts
    views/data/            the shards (kg/views/shards.py)

Only the overview is laid out here; the browser lays out the small views it draws.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Graph

from kg.analyse.network import Analysis
from kg.analyse.tables import write_tables
from kg.model import BuildReport, ResolvedCorpus
from kg.views.data import edge_evidence, read_view_data
from kg.views.index import write_index
from kg.views.overview import overview_layout
from kg.views.pages import copy_assets
from kg.views.shards import write_shards
from kg.views.styles import load_styles

VIEWS_DIR = "views"


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the garbage collector off what already exists while the views are made.

    The build's graph holds millions of objects; every full collection that
    the views' own allocations set off would scan them all again (measured at
    1,000 articles: 1.1 s of the stage's 2.0 s of CPU).
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def write_views(
    graph: Graph,
    analysis: Analysis,
    report: BuildReport,
    out_dir: Path,
    *,
    corpus: ResolvedCorpus | None = None,
    overview_limit: int | None = None,
) -> None:
    """Write index.html, its assets and data shards, and the analysis tables into ``out_dir``.

    ``corpus`` (the resolved corpus the graph was built from) gives mentions
    and evidence quickly; without it they are read from the graph.
    ``overview_limit`` overrides styles.toml's overview size.
    """
    with frozen_heap():
        _write_views(graph, analysis, report, Path(out_dir), corpus, overview_limit)


def _write_views(graph, analysis, report, out_dir: Path, corpus, overview_limit) -> None:
    styles = load_styles()
    data = read_view_data(graph, analysis, report, corpus)
    views_dir = out_dir / VIEWS_DIR
    views_dir.mkdir(parents=True, exist_ok=True)
    copy_assets(views_dir, styles)
    write_tables(analysis, out_dir, edge_evidence(data))
    limit = overview_limit if overview_limit is not None else styles.overview_max_nodes
    overview = overview_layout(analysis, limit)
    write_shards(data, styles, views_dir, overview)
    write_index(data, styles, report, out_dir, overview)
