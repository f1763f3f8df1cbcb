"""Views stage (stub: a bare index.html)."""
import html
from pathlib import Path


def write_views(graph, analysis, report, out_dir: Path) -> None:
    items = "".join(f"<li>{html.escape(a.metadata.title or a.id)}</li>" for a in report.articles)
    (out_dir / "index.html").write_text(f"<!doctype html><meta charset=utf-8><title>kg</title><ul>{items}</ul>", "utf-8")
