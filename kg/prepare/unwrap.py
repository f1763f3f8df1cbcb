"""The line breaks of a hard-wrapped page: where a paragraph was cut to a fixed width, not ended.

Asked by ``normalise``, which deletes them with the pinyin annotations (the map
back to the original keeps every other character's place).
"""
from __future__ import annotations

import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources
from statistics import median


@lru_cache(maxsize=1)
def _rules() -> dict:
    return tomllib.loads(resources.files("kg.prepare").joinpath("unwrap.toml").read_text("utf-8"))


def display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def wrapped_line_breaks(text: str) -> list[tuple[int, int]]:
    """The spans of the line breaks inside wrapped paragraphs (empty for nearly every page)."""
    if text.count("\n") < 4:
        return []
    rules = _rules()
    lines = text.split("\n")
    candidates = []  # (index, width) of lines that go on into a next line of the paragraph
    for i, line in enumerate(lines[:-1]):
        following = lines[i + 1].strip()
        stripped = line.rstrip()
        if not following or not stripped or stripped.endswith(tuple(rules["sentence_ends"])) \
                or following[0] in rules["list_markers"] or stripped.lstrip()[0] in rules["list_markers"]:
            continue
        width = display_width(stripped)
        if width >= rules["min_width"]:
            candidates.append((i, width))
    if len(candidates) < rules["min_lines"]:
        return []
    wrap = median(w for _, w in candidates)
    wide = {i for i, w in candidates if w >= rules["share"] * wrap}
    # a paragraph ends a sentence on its last line: a run of wide lines before a line that does not (a menu,
    # a footer of addresses) is no paragraph
    wrapped, run = [], []
    for i in sorted(wide):
        run.append(i)
        if i + 1 not in wide:
            if lines[i + 1].rstrip().endswith(tuple(rules["paragraph_ends"])):
                wrapped.extend(run)
            run = []
    if len(wrapped) < rules["min_lines"]:
        return []
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return [(starts[i] + len(lines[i]), starts[i] + len(lines[i]) + 1) for i in wrapped]
