"""Views stage: the offline application a researcher opens, from the build's tables and its analysis.

``write`` writes every file; ``data`` gathers what is kept corpus-wide,
``articles`` reads the articles one at a time and writes their reader shards,
``passages`` keeps their passages on disk until the entity shards and
edges.csv are written, ``shards`` writes the other shards, ``runs`` cuts
them into stable runs and reuses the last build's unchanged ones, ``index`` the
entry page, ``charts`` its pictures, ``overview`` and ``layout`` choose and
place the overview's nodes, ``pages`` renders templates and copies
``assets/``, ``styles`` loads colours and shapes from ``styles.toml``.
"""
from kg.views.write import write_views

__all__ = ["write_views"]
