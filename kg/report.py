"""report.json, and the counts a build reports: what was read, skipped and found."""
from __future__ import annotations

import json
from pathlib import Path

from kg.model import TOP_CLASSES, ArticleSummary, BuildReport, ResolvedCorpus


def count_entities(corpus: ResolvedCorpus) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = {}
    for entity in corpus.entities:
        counts[entity.cls] = counts.get(entity.cls, 0) + 1
    return tuple((cls, counts.get(cls, 0)) for cls in TOP_CLASSES)


def write_report(report: BuildReport, path: Path) -> None:
    """report.json: every article read (with its metadata and dropped lines), every skip, the counts."""

    def summary(a: ArticleSummary) -> dict:
        return {"chars": a.chars, "content_hash": a.content_hash, "dropped": [vars(d) for d in a.dropped],
                "encoding": a.encoding, "format": a.format, "id": a.id, "metadata": vars(a.metadata),
                "source": a.source}

    document = {
        "articles": [summary(a) for a in report.articles],
        "entity_counts": report.entity_counts,
        "skipped": [vars(s) for s in report.skipped],
        "warnings": report.warnings,
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True), "utf-8")
