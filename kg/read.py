"""Read stage (stub: UTF-8 .txt only). Replaced by the ingest work."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kg.errors import InputError
from kg.model import RawArticle, Skipped


def find_files(inputs: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in inputs:
        if not path.exists():
            raise InputError(f"input not found: {path}")
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return files


def read_file(path: Path) -> list[RawArticle | Skipped]:
    text = path.read_text("utf-8")
    if not text.strip():
        return [Skipped(str(path), "empty file")]
    return [RawArticle(source=str(path), text=text, encoding="utf-8")]
