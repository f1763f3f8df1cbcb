"""Read stage: find article files under the inputs and decode them into ``RawArticle``s.

Formats: ``.txt`` and ``.md`` (the text as it is), ``.html``/``.htm`` (main
text and metadata by trafilatura), ``.jsonl`` (one article per line: ``text``
required; ``title``, ``url``, ``published``, ``source``, ``author(s)``
optional). Encodings are detected by charset-normalizer for every format.

Whatever cannot be used becomes a ``Skipped`` with a one-line reason rather
than an error: a bad file never stops a build. Walking skips hidden entries
(names starting with ``.``: ``.git``, ``.DS_Store``, editor swap files), and
reports a file of another type as ``unsupported file type``; a file named
on the command line is read even when hidden. Folders that kg built (they
carry its manifest) are never read as articles.

Text is made safe here for every later stage: lone surrogates (which JSON
allows) become U+FFFD, and a path that is not valid UTF-8 is reported with
its undecodable bytes written ``\\xNN``.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.model import RawArticle, Skipped
from kg.outdir import is_kg_build, show_path

FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}

# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.02
_TEXT_CONTROLS = set("\t\n\r\f\v")
_BINARY_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in range(32) if chr(c) not in _TEXT_CONTROLS) + "]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# A file that no single encoding decodes is read as the likelier of these with
# the broken bytes replaced, when no more than this share of it is broken.
_FALLBACK_ENCODINGS = ("utf_8", "gb18030")
_MAX_REPLACED_SHARE = 0.05
# Articles larger than this (UTF-8 bytes of their text) are skipped unless the caller says otherwise.
DEFAULT_MAX_ARTICLE_MB = 16


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
        if path.is_dir() and not is_kg_build(path):
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
            if not is_kg_build(path):
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
@dataclass(frozen=True)
class FileData:
    """An input file's bytes, read where the file is: what a cluster worker on another machine gets."""

    source: str  # the path as the reading side shows it (``show_path``)
    suffix: str
    data: bytes


def file_data(path: Path) -> FileData | Skipped:
    """The bytes of an input file with the path it was read from, or a ``Skipped`` saying why not."""
    source = show_path(path)
    if path.is_dir() and is_kg_build(path):
        return Skipped(source, "an output folder of kg build, not articles")
    problem = _unreadable(path)
    if problem:
        return Skipped(source, problem)
    if path.suffix.lower() not in FORMATS:
        return Skipped(source, f"unsupported file type {path.suffix.lower() or '(no extension)'}")
    try:
        return FileData(source, path.suffix, path.read_bytes())
    except OSError as error:
        return Skipped(source, f"unreadable: {error.strerror or error}")


def source_of(file: Path | FileData) -> str:
    return file.source if isinstance(file, FileData) else show_path(file)


def read_file(file: Path | FileData, max_article_mb: float = DEFAULT_MAX_ARTICLE_MB) -> list[RawArticle | Skipped]:
    """The articles in one file (several for JSONL), or a ``Skipped`` saying why there are none.

    ``file`` is a path, or the bytes of a file already read (``FileData``).
    An article whose text exceeds ``max_article_mb`` megabytes (UTF-8) is
    skipped with that reason: extraction is linear in length, but one
    runaway file (a page repeated thousands of times) should not hold a
    corpus build for long.
    """
    data = file if isinstance(file, FileData) else file_data(file)
    items = [data] if isinstance(data, Skipped) else read_data(data)
    limit = max_article_mb * 1_000_000
    return [_within(item, limit, max_article_mb) for item in items]


def _within(item: RawArticle | Skipped, limit: float, max_article_mb: float) -> RawArticle | Skipped:
    if isinstance(item, Skipped) or len(item.text) <= limit / 4:  # 4 bytes per character at most
        return item
    size = len(item.text.encode("utf-8"))
    if size <= limit:
        return item
    return Skipped(
        item.source,
        f"article of {size / 1e6:.1f} MB is larger than --max-article-mb {max_article_mb:g}: "
        "split it, or raise the limit",
    )


def read_data(file: FileData) -> list[RawArticle | Skipped]:
    """The articles in the bytes of one file, by its suffix's format."""
    source, fmt, data = file.source, FORMATS.get(file.suffix.lower()), file.data
    if fmt is None:
        return [Skipped(source, f"unsupported file type {file.suffix.lower() or '(no extension)'}")]
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


def clean_text(text: str) -> str:
    """The text with every lone surrogate replaced by U+FFFD (one character for one)."""
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


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
    if (plain := _plain_utf8(data)) is not None:
        return "binary file" if _looks_binary(plain) else (plain, "utf_8")
    if _damaged_utf8(data):
        return _decode_damaged(data, ("utf_8",)) or "undecodable: no known text encoding fits"
    match = _detect(data)
    dropped = 0
    for dropped in _truncated_tails(data) if match is None else ():
        match = _detect(data[:-dropped])
        if match is not None:
            break
    if match is None:
        if b"\x00" in data[:4096]:
            return "binary file"
        return _decode_damaged(data) or "undecodable: no known text encoding fits"
    text, encoding = str(match), match.encoding
    if _looks_binary(text):
        return "binary file"
    if dropped:
        encoding = f"{encoding} (truncated: last {dropped} byte(s) of an incomplete character dropped)"
    return text, encoding


def _plain_utf8(data: bytes) -> str | None:
    """The text of bytes that are valid UTF-8 with characters beyond ASCII and no byte-order mark: what the
    detector says of them too (utf_8, the same text, on every page of the seeds, the development and held-out
    sets and a generated corpus), found without its statistics, which cost a quarter of a millisecond a page.
    ASCII alone, a BOM and anything that is not valid UTF-8 are left to the detector."""
    if data.startswith(codecs.BOM_UTF8) or data.isascii():
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _damaged_utf8(data: bytes) -> bool:
    """UTF-8 with a few foreign or broken byte sequences (a GBK fragment pasted into a UTF-8 page).

    Detectors take such a file for GB18030, which decodes almost any bytes,
    and turn all of it into mojibake; reading it as UTF-8 loses only the
    broken sequences. A truncated last character is left to ``decode``.
    """
    try:
        data.decode("utf-8")
        return False
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            return False
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    non_ascii = sum(1 for c in text if c > "\x7f")
    return replaced <= _MAX_REPLACED_SHARE * non_ascii


def _decode_damaged(data: bytes, encodings: Sequence[str] = _FALLBACK_ENCODINGS) -> tuple[str, str] | None:
    """A file no single encoding fits (UTF-8 and GBK mixed, or damaged bytes), read with replacements.

    Of the fallback encodings, the one that leaves fewest U+FFFD wins, if it
    leaves few enough for the file still to be text; the encoding note says
    how many characters were replaced.
    """
    best = None
    for encoding in encodings:
        text = data.decode(encoding, errors="replace")
        replaced = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
        if best is None or replaced < best[2]:
            best = (text, encoding, replaced)
    text, encoding, replaced = best
    if replaced > _MAX_REPLACED_SHARE * max(len(text), 1) or _looks_binary(text):
        return None
    return text, f"{encoding} (mixed or damaged: {replaced} undecodable byte sequence(s) replaced by U+FFFD)"


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
    controls = len(_BINARY_CONTROL.findall(sample))
    return controls > _MAX_CONTROL_SHARE * max(len(sample), 1)


# ----------------------------------------------------------------------- JSONL
def read_jsonl(text: str, source: str, encoding: str | None) -> list[RawArticle | Skipped]:
    """One article per non-blank line; a bad line is skipped as ``file.jsonl:N``.

    Lines end at ``\\n`` only (``\\r\\n`` too): ``str.splitlines`` would also split at
    U+2028, U+0085 and other characters that may stand inside a JSON string.
    """
    items: list[RawArticle | Skipped] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            items.append(_jsonl_article(line, f"{source}:{number}", encoding))
    return items or [Skipped(source, "empty file")]


def _jsonl_article(line: str, source: str, encoding: str | None) -> RawArticle | Skipped:
    try:
        record = json.loads(line, strict=False)  # scraped text often carries raw tabs and control characters
    except json.JSONDecodeError as error:
        return Skipped(source, f"invalid JSON: {error.msg} at column {error.colno}")
    if not isinstance(record, dict):
        return Skipped(source, "not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(source, "no text: the 'text' field is missing or empty")
    return RawArticle(
        source=source,
        text=clean_text(text),
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
    return clean_text(value.strip()) or None if isinstance(value, str) else None


def _authors(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.replace(";", ",").split(",")
    if isinstance(value, list):
        return tuple(clean_text(a.strip()) for a in value if isinstance(a, str) and a.strip())
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
