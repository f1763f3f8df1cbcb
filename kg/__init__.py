"""kg: an offline knowledge-graph builder for Chinese news on grassroots
party-building and community governance (基层党建、社区治理).

    >>> import kg
    >>> result = kg.build(["seeds"], "exports")
    >>> result.report.entity_counts
"""
from kg.errors import KgError
from kg.pipeline import BuildResult, build, prepare_article, process_article

__all__ = ["BuildResult", "KgError", "build", "prepare_article", "process_article"]
