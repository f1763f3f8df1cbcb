"""Read stage: find article files under the inputs and decode them into ``RawArticle``s.

Formats: ``.txt`` and ``.md`` (the text as it is), ``.html``/``.htm`` (main
text and metadata by trafilatura), ``.jsonl`` (one article per line: ``text``
required; ``title``, ``url``, ``published``, ``source``, ``author(s)``
optional). Encodings are detected by charset-normalizer for every format.

Whatever cannot be used becomes a ``Skipped`` with a one-line reason rather
than an error: a bad file never stops a build. Walking skips hidden entries
(names starting with ``.``: ``.git``, ``.DS_Store``, editor swap files), and
reports a file of another type as ``unsupported file type``; a file named
on the command line is read even when hidden.
"""
from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from kg.errors import InputError
from kg.model import RawArticle, Skipped

FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}

# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.02
_TEXT_CONTROLS = set("\t\n\r\f\v")


# --------------------------------------------------------------------- finding
def find_files(inputs: Sequence[Path]) -> list[Path]:
    """Every file under the inputs, each directory's entries in sorted order.

    A directory that cannot be listed is returned as an entry of its own, so
    that ``read_file`` reports it; symlinked directories are followed once
    (a loop is not entered twice). Raises ``InputError`` for a missing input.
    """
    files: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()
    for path in inputs:
        path = Path(path)
        if not os.path.lexists(path):
            raise InputError(f"input not found: {path} (give an existing file or folder)")
        if path.is_dir():
            files.extend(_walk(path, seen_dirs))
        else:
            files.append(path)
    return _unique(files)


def _walk(folder: Path, seen_dirs: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in seen_dirs:  # a symlink loop, or a folder reached twice
            return
        seen_dirs.add(key)
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        yield folder  # read_file names it as an unreadable folder
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if _is_dir(entry):
            yield from _walk(path, seen_dirs)
        else:
            yield path


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _unique(paths: list[Path]) -> list[Path]:
    """Drop repeats (overlapping inputs), keeping the first place each file appeared."""
    seen: set[str] = set()
    unique = []
    for path in paths:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


# --------------------------------------------------------------------- reading
def read_file(path: Path) -> list[RawArticle | Skipped]:
    """The articles in one file (several for JSONL), or a ``Skipped`` saying why there are none."""
    source = str(path)
    problem = _unreadable(path)
    if problem:
        return [Skipped(source, problem)]
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        return [Skipped(source, f"unsupported file type {path.suffix.lower() or '(no extension)'}")]
    try:
        data = path.read_bytes()
    except OSError as error:
        return [Skipped(source, f"unreadable: {error.strerror or error}")]
    decoded = decode(data)
    if isinstance(decoded, str):
        return [Skipped(source, decoded)]
    text, encoding = decoded
    if fmt == "jsonl":
        return read_jsonl(text, source, encoding)
    if fmt == "html":
        return [read_html(text, source, encoding)]
    if not text.strip():
        return [Skipped(source, "empty file")]
    return [RawArticle(source=source, text=text, format=fmt, encoding=encoding)]


def _unreadable(path: Path) -> str | None:
    """Why ``path`` cannot be opened as a regular file, or None."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "unreadable: broken link or file removed"
    except OSError as error:
        return f"unreadable: {error.strerror or error}"
    if stat.S_ISDIR(info.st_mode):  # find_files lists a folder only when it cannot list its entries
        return "unreadable folder: permission denied" if not os.access(path, os.R_OK | os.X_OK) else "a folder"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"  # a FIFO or device would block or never end
    if not os.access(path, os.R_OK):
        return "unreadable: permission denied"
    return None


# -------------------------------------------------------------------- decoding
def decode(data: bytes) -> tuple[str, str] | str:
    """``(text, encoding)``, or the one-line reason the bytes are not usable text.

    charset-normalizer picks the encoding. A file cut in the middle of a
    multibyte character is decoded without its broken last character, and
    the encoding says so (the report shows it).
    """
    if not data.strip():
        return "empty file"
    match = _detect(data)
    dropped = 0
    for dropped in _truncated_tails(data) if match is None else ():
        match = _detect(data[:-dropped])
        if match is not None:
            break
    if match is None:
        return "binary file" if b"\x00" in data[:4096] else "undecodable: no known text encoding fits"
    text, encoding = str(match), match.encoding
    if _looks_binary(text):
        return "binary file"
    if dropped:
        encoding = f"{encoding} (truncated: last {dropped} byte(s) of an incomplete character dropped)"
    return text, encoding


def _detect(data: bytes):
    from charset_normalizer import from_bytes

    return from_bytes(data).best()


def _truncated_tails(data: bytes) -> list[int]:
    """Candidate lengths of an incomplete multibyte character at the end (may be empty).

    UTF-8 is self-describing: walk back over continuation bytes to the lead
    byte and compare with the length it announces. A lone high byte at the
    end may be the unfinished lead byte of a double-byte encoding (GBK, Big5).
    """
    candidates = []
    tail = 0
    while tail < min(3, len(data) - 1) and 0x80 <= data[-1 - tail] < 0xC0:
        tail += 1
    lead = data[-1 - tail]
    announced = 2 if 0xC2 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if 0xF0 <= lead < 0xF5 else 0
    if announced > tail + 1:
        candidates.append(tail + 1)
    if data[-1] >= 0x81 and 1 not in candidates:
        candidates.append(1)
    return candidates


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in _TEXT_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * max(len(sample), 1)


# ----------------------------------------------------------------------- JSONL
def read_jsonl(text: str, source: str, encoding: str | None) -> list[RawArticle | Skipped]:
    """One article per non-blank line; a bad line is skipped as ``file.jsonl:N``."""
    items: list[RawArticle | Skipped] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            items.append(_jsonl_article(line, f"{source}:{number}", encoding))
    return items or [Skipped(source, "empty file")]


def _jsonl_article(line: str, source: str, encoding: str | None) -> RawArticle | Skipped:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Skipped(source, f"invalid JSON: {error.msg} at column {error.colno}")
    if not isinstance(record, dict):
        return Skipped(source, "not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(source, "no text: the 'text' field is missing or empty")
    return RawArticle(
        source=source,
        text=text,
        format="jsonl",
        encoding=encoding,
        title=_field(record, "title"),
        published=_field(record, "published"),
        source_name=_field(record, "source"),
        url=_field(record, "url"),
        authors=_authors(record.get("authors", record.get("author"))),
    )


def _field(record: dict, name: str) -> str | None:
    value = record.get(name)
    return value.strip() or None if isinstance(value, str) else None


def _authors(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.replace(";", ",").split(",")
    if isinstance(value, list):
        return tuple(a.strip() for a in value if isinstance(a, str) and a.strip())
    return ()


# ------------------------------------------------------------------------ HTML
def read_html(html: str, source: str, encoding: str | None) -> RawArticle | Skipped:
    """Main text and metadata by trafilatura; the page's visible text if it finds no article."""
    document = _extract_html(html)
    text = (document.text if document else None) or _visible_text(html)
    if not text.strip():
        return Skipped(source, "no text found in the HTML page")
    return RawArticle(
        source=source,
        text=text,
        format="html",
        encoding=encoding,
        title=getattr(document, "title", None) or None,
        published=getattr(document, "date", None) or None,
        source_name=getattr(document, "sitename", None) or None,
        url=getattr(document, "url", None) or None,
        authors=_authors(getattr(document, "author", None)),
    )


def _extract_html(html: str):
    import trafilatura

    # extensive_search off: a date guessed from anywhere in the page (often a
    # related-headline list) is worse than none; meta tags are still read.
    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _visible_text(html: str) -> str:
    """Text of the page's body, one line per block, scripts and styles removed."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises several types for junk; treat as no text
        return ""
    for element in root.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    for element in root.xpath("//br|//p|//div|//li|//tr|//h1|//h2|//h3|//h4|//h5|//h6|//title"):
        element.tail = "\n" + (element.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())
