"""Views stage: one application, ``index.html``, with its data in shards loaded on demand.

Files written into the output folder::

    index.html             the application: summary, charts, search, and (by the
                           part after #) the overview, the tree, an entity's page,
                           an article's source reader, a path between two entities
    analysis.json, *.csv   the analysis (kg/analyse/tables.py); edges.csv with
                           every sentence that states each relation
    views/assets/          vis-network (from the pyvis package), our CSS and scripts
    views/data/            the shards (kg/views/shards.py), stable from build to build, and
                           shards.json, what lets the next build reuse them (kg/views/runs.py)

The articles are read once, one at a time (``kg.views.articles``): each
article's reader shard is written as it is read and its passages go to a
temporary file (``kg.views.passages``), from which the entity shards and
edges.csv are then written. Only keys and counts are held corpus-wide.
Only the overview is laid out here; the browser lays out the small views it draws.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

from kg.analyse.network import Analysis
from kg.analyse.tables import write_tables
from kg.heap import frozen_heap
from kg.model import BuildReport, BuildTables
from kg.views.articles import ARTICLES_PER_SHARD, ShardIndex, ShardRefs, read_articles
from kg.views.data import read_view_data
from kg.views.index import write_index
from kg.views.overview import overview_layout
from kg.views.pages import copy_assets
from kg.views.passages import PassageStore, StatedIn
from kg.views.runs import ShardFiles
from kg.views.runs import runs as shard_runs
from kg.views.shards import DATA_DIR, ENTITIES_PER_SHARD, entity_shards, write_core, write_shard
from kg.views.styles import load_styles

VIEWS_DIR = "views"


def write_views(
    tables: BuildTables,
    analysis: Analysis,
    report: BuildReport,
    out_dir: Path,
    *,
    overview_limit: int | None = None,
) -> None:
    """Write index.html, its assets and data shards, and the analysis tables into ``out_dir``.

    ``tables`` are the build's corpus tables and its articles, streamed
    (``BuildTables.articles()`` is called once). ``overview_limit`` overrides
    styles.toml's overview size.
    """
    # The corpus tables and the analysis hold millions of objects: the views' own allocations would set off
    # full collections that scan them all again (within the build's frozen heap, the build thaws it).
    with frozen_heap():
        _write_views(tables, analysis, report, Path(out_dir), overview_limit)


def _write_views(tables: BuildTables, analysis: Analysis, report: BuildReport, out_dir: Path, overview_limit) -> None:
    styles = load_styles()
    data = read_view_data(tables, analysis, report)
    views_dir = out_dir / VIEWS_DIR
    data_dir = views_dir / DATA_DIR
    data_dir.mkdir(parents=True, exist_ok=True)
    copy_assets(views_dir, styles)
    # The last output's shards are reused only when the build knows that output was made from the same
    # per-article results (``BuildTables.replaces``); each is still checked against its listed hash.
    previous = tables.replaces / VIEWS_DIR / DATA_DIR if tables.replaces is not None else None
    files = ShardFiles(data_dir, previous)
    # data.entities are in the analysis' order, so its table of positions numbers them (no second one).
    index = ShardIndex(analysis.position, ((f.subject, f.predicate, f.object) for f in data.facts), data.article_ids)
    refs = ShardRefs(data.entities, [view.implicit for view in data.entities.values()],
                     [(f.subject, f.predicate, f.object) for f in data.facts],
                     {name: i for i, name in enumerate(styles.relations)})
    runs = {"entity": shard_runs(refs.key, ENTITIES_PER_SHARD, "e"),
            "article": shard_runs(data.article_ids, ARTICLES_PER_SHARD, "a")}
    store = PassageStore(len(index.entity), len(index.fact))
    try:
        totals = read_articles(tables.articles(), index, refs, store, files, runs["article"])
        write_tables(analysis, out_dir, StatedIn(store, index.fact, [" ".join(f.rules) for f in data.facts]))
        limit = overview_limit if overview_limit is not None else styles.overview_max_nodes
        overview = overview_layout(analysis, limit)
        inputs = write_core(data, styles, index, totals, overview, partial(write_shard, data_dir), store, refs, runs)
        entity_shards(data, store, files, inputs, data.article_ids, runs["entity"])
        files.close()
    finally:
        store.close()
    write_index(data, styles, report, out_dir, overview)
