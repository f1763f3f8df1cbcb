"""report.json, and the counts a build reports: what was read, skipped and found."""
from __future__ import annotations

from pathlib import Path

from kg.jsonpieces import json_pieces
from kg.model import TOP_CLASSES, ArticleSummary, BuildReport, ResolvedCorpus


def count_entities(corpus: ResolvedCorpus) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = {}
    for entity in corpus.entities:
        counts[entity.cls] = counts.get(entity.cls, 0) + 1
    return tuple((cls, counts.get(cls, 0)) for cls in TOP_CLASSES)


def write_report(report: BuildReport, path: Path) -> None:
    """report.json: every article read (with its metadata and dropped lines), every skip, the counts.

    Written one article at a time (``json_pieces``): as one document, 100,000 articles' summaries and
    their text would be held twice more (the dicts and the string). The bytes are those of
    ``json.dumps(document, indent=1, sort_keys=True)``.
    """

    def summary(a: ArticleSummary) -> dict:
        return {"chars": a.chars, "content_hash": a.content_hash, "dropped": [vars(d) for d in a.dropped],
                "encoding": a.encoding, "format": a.format, "id": a.id, "metadata": vars(a.metadata),
                "source": a.source}

    document = {"articles": (summary(article) for article in report.articles), "entity_counts": report.entity_counts,
                "skipped": [vars(s) for s in report.skipped], "warnings": report.warnings}
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(json_pieces(document, depth=2, indent=1, sort_keys=True))
