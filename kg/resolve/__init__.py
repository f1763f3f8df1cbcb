"""Resolve stage: one node per real-world thing, with an IRI that never depends on the rest of the corpus.

Per article, ``observe(article, extraction)`` settles every identity from
that article and the gazetteer alone (``identity``: the keys; ``observe``:
the facts written with them) and returns an ``ArticleFacts``. Corpus-wide,
``CorpusTables`` merges the facts by IRI and ``resolve()`` chooses each
entity's label and class (``corpus``). The rules are data, in ``identity.toml``.
"""
from kg.resolve.corpus import CorpusTables
from kg.resolve.observe import observe

__all__ = ["CorpusTables", "observe"]
