"""kg: an offline knowledge-graph builder for Chinese news on grassroots
party-building and community governance (基层党建、社区治理).

    >>> import kg
    >>> result = kg.build(["seeds"], "exports")
    >>> result.report.entity_counts
"""
from kg.errors import KgError
from kg.extract import process_article
from kg.pipeline import BuildResult, build
from kg.prepare import prepare_article
from kg.version import __version__

__all__ = ["BuildResult", "KgError", "__version__", "build", "prepare_article", "process_article"]
