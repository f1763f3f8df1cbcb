"""The baseline of ``kg bench``: jieba's own ``lcut`` over the articles of a corpus, and nothing else.

Run as a script (``python path/to/jieba_baseline.py CORPUS REPORT``) so that
its process loads jieba and the standard library only: importing kg would
add kg's own start-up to the baseline. It writes its figures as JSON to
REPORT and prints nothing.

The text is read bare, as a short script would: ``.txt``/``.md`` as UTF-8
(undecodable bytes replaced), each ``text`` field of a ``.jsonl`` line, and
``.html``/``.htm`` with its tags stripped; hidden files and other types are
left out. jieba runs with its default dictionary and HMM on, as
``jieba.lcut(text)`` does by default.
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import jieba

TAG = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


def article_texts(path: Path) -> Iterator[str]:
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".md", ".jsonl", ".html", ".htm"):
        return
    try:
        text = path.read_bytes().decode("utf-8-sig", "replace")
    except OSError:
        return
    if suffix == ".jsonl":
        for line in text.splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                yield record["text"]
    elif suffix in (".html", ".htm"):
        yield TAG.sub(" ", text)
    else:
        yield text


def corpus_files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def measure(corpus: Path) -> dict:
    # CPU seconds (this process), as the build's stage figures are: on a shared machine wall time
    # says more about the neighbours than about jieba.
    started = time.process_time()
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    load_seconds = time.process_time() - started
    seconds, tokens, characters, articles = 0.0, 0, 0, 0
    for path in corpus_files(corpus) if corpus.is_dir() else [corpus]:
        for text in article_texts(path):
            started = time.process_time()
            tokens += len(tokenizer.lcut(text))
            seconds += time.process_time() - started
            characters += len(text)
            articles += 1
    return {"articles": articles, "characters": characters, "tokens": tokens,
            "lcut_seconds": seconds, "load_seconds": load_seconds}


def main(argv: list[str]) -> None:
    corpus, report = map(Path, argv)
    jieba.setLogLevel(60)  # jieba logs its dictionary loading to stderr
    Path(report).write_text(json.dumps(measure(corpus)), "utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
