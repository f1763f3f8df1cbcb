"""kg: an offline knowledge-graph builder for Chinese news on grassroots
party-building and community governance (基层党建、社区治理).

    >>> import kg
    >>> result = kg.build(["seeds"], "exports")
    >>> result.report.entity_counts
    >>> build = kg.open("exports")
    >>> build.query("SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }").rows
"""
from importlib import import_module

from kg.errors import KgError
from kg.version import __version__

# Where each public name lives. They are imported on first use (PEP 562):
# the pipeline pulls in jieba, rdflib and networkx, which `kg query` and
# `kg serve` never need and should not wait for.
_PUBLIC = {
    "BuildResult": ("kg.pipeline", "BuildResult"),
    "build": ("kg.pipeline", "build"),
    "open": ("kg.tools.handle", "open_build"),
    "prepare_article": ("kg.prepare", "prepare_article"),
    "process_article": ("kg.extract", "process_article"),
}

__all__ = ["KgError", "__version__", *sorted(_PUBLIC)]


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    module, attribute = _PUBLIC[name]
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
