"""Resolve stage (stub)."""
from kg.model import ResolvedCorpus


def resolve(extractions) -> ResolvedCorpus:
    return ResolvedCorpus((), ())
