"""Views stage: the HTML pages a researcher opens, from the graph and its analysis.

``write`` writes every page, ``data`` gathers what they show, ``pages``
renders templates and copies ``assets/``, ``index`` writes the entry page,
``layout`` computes node positions, ``styles`` loads colours and shapes
from ``styles.toml``.
"""
from kg.views.write import write_views

__all__ = ["write_views"]
