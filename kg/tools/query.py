"""SPARQL over a built graph, with pyoxigraph.

``run_query`` opens the build's Oxigraph store read-only (or, without one,
loads ``DIR/graph.ttl`` into memory: see ``kg.tools.store``) and returns a
``QueryResult``; ``format_result`` renders it as an aligned table, CSV or
SPARQL 1.1 JSON results. The prefixes graph.ttl declares (kg:, rdfs:, skos:,
org:, …, and the data prefixes unit:, article:, …) are predeclared, so a
query typed on the command line may leave them out. Nothing here imports
rdflib: a query on a large build costs its own time, not a library's start.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError
from kg.graphfiles import declared_prefixes, iri_compacter
from kg.tools.store import open_store

# What a query's keywords are read from: strings, IRIs and comments removed.
_NOT_KEYWORDS = re.compile(
    r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
    r"|<[^<>\"{}|^`\\\x00-\x20]*>|#[^\n]*",
    re.DOTALL,
)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:])", re.IGNORECASE)
_UPDATE = re.compile(
    r"(?<![\w:?$])(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)(?![\w:])", re.IGNORECASE
)


@dataclass(frozen=True)
class Value:
    """One RDF term of a result, in the shape of a SPARQL JSON results binding."""

    type: str  # "uri", "literal" or "bnode"
    value: str
    lang: str | None = None
    datatype: str | None = None


@dataclass(frozen=True)
class QueryResult:
    """Rows of a SELECT (a CONSTRUCT gives subject/predicate/object rows; an ASK, ``boolean``)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Value | None, ...], ...]
    boolean: bool | None = None
    prefixes: tuple[tuple[str, str], ...] = ()  # (prefix, namespace): how a table shows IRIs


def run_query(sparql: str, out_dir: Path) -> QueryResult:
    """Run ``sparql`` (query text, or the path of a .rq file) over the graph built in ``out_dir``."""
    text = read_query(sparql)
    check_local_read_only(text)
    store = open_store(out_dir)
    prefixes = declared_prefixes(out_dir)
    return to_result(execute(store, text, prefixes), prefixes)


def execute(store: ox.Store, text: str, prefixes: dict[str, str], **options):
    """``store.query`` over the union of its graphs (as graph.ttl holds them), errors as ``QueryError``.

    ``options`` go to ``Store.query`` (``default_graph``, ``named_graphs``); the
    text must have passed ``check_local_read_only``.
    """
    if "default_graph" not in options:
        options["use_default_graph_as_union"] = True
    try:
        return store.query(text, prefixes=prefixes, **options)
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {_one_line(error)}") from None
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"the query failed: {_one_line(error)}") from None


def check_local_read_only(text: str) -> None:
    """Refuse ``SERVICE`` (it would fetch from the network) and every update, with one line."""
    keywords = _NOT_KEYWORDS.sub(" ", text)
    if _SERVICE.search(keywords):
        raise QueryError("SERVICE is refused: kg query runs offline, over the local graph only")
    update = _UPDATE.search(keywords)
    if update:
        raise QueryError(f"{update.group(1).upper()} is refused: kg query is read-only (no updates)")


def read_query(sparql: str) -> str:
    """The query text: ``sparql`` itself, or the contents of the file it names."""
    candidate = sparql.strip()
    if "\n" in candidate or len(candidate) > 1024:
        return sparql
    path = Path(candidate)
    try:
        is_file = path.is_file()
    except OSError:  # query text that is not a possible file name
        is_file = False
    if is_file:
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(f"cannot read the query file {path}: {_one_line(error)}") from None
    if candidate.endswith(".rq"):
        raise QueryError(f"no query file {path}: give SPARQL text or the path of a .rq file")
    return sparql


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def to_result(answer, prefixes: dict[str, str]) -> QueryResult:
    """The rows of an answer of ``execute``, read to the end."""
    shown = tuple(prefixes.items())
    try:
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult(variables=(), rows=(), boolean=bool(answer), prefixes=shown)
        if isinstance(answer, ox.QueryTriples):
            rows = tuple((_value(t.subject), _value(t.predicate), _value(t.object)) for t in answer)
            return QueryResult(variables=("subject", "predicate", "object"), rows=rows, prefixes=shown)
        variables = tuple(v.value for v in answer.variables)
        rows = tuple(tuple(_value(solution[name]) for name in variables) for solution in answer)
        return QueryResult(variables=variables, rows=rows, prefixes=shown)
    except (OSError, ValueError, RuntimeError) as error:  # results are computed as they are read
        raise QueryError(f"the query failed: {_one_line(error)}") from None


def _value(term) -> Value | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Value("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Value("bnode", term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        plain = term.language or datatype == "http://www.w3.org/2001/XMLSchema#string"
        return Value("literal", term.value, term.language, None if plain else datatype)
    return Value("literal", str(term))  # an RDF-star triple term: shown as text


# -------------------------------------------------------------------- formatting
def format_result(result: QueryResult, fmt: str) -> str:
    """``table`` (aligned, CJK counted as two columns), ``csv`` or ``json`` (SPARQL 1.1 JSON results)."""
    if fmt == "json":
        return format_json(result)
    if fmt == "csv":
        return format_csv(result)
    if fmt == "table":
        return format_table(result)
    raise QueryError(f"unknown result format {fmt!r}: use table, csv or json")


def format_json(result: QueryResult) -> str:
    if result.boolean is not None:
        document: dict = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [
            {name: _json_term(value) for name, value in zip(result.variables, row) if value is not None}
            for row in result.rows
        ]
        document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_term(value: Value) -> dict[str, str]:
    term = {"type": value.type, "value": value.value}
    if value.lang:
        term["xml:lang"] = value.lang
    if value.datatype:
        term["datatype"] = value.datatype
    return term


def format_csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV results: full IRIs, plain lexical values, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if result.boolean is not None:
        writer.writerows([["boolean"], [str(result.boolean).lower()]])
        return buffer.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if v is None else v.value for v in row])
    return buffer.getvalue()


def format_table(result: QueryResult) -> str:
    if result.boolean is not None:
        return f"{str(result.boolean).lower()}\n"
    compact = iri_compacter(dict(result.prefixes))
    cells = [list(result.variables)] + [[_short(v, compact) for v in row] for row in result.rows]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(result.variables))]
    lines = [_table_line(cells[0], widths), "  ".join("-" * w for w in widths)]
    lines += [_table_line(row, widths) for row in cells[1:]]
    count = len(result.rows)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _table_line(row: list[str], widths: list[int]) -> str:
    return "  ".join(cell + " " * (width - display_width(cell)) for cell, width in zip(row, widths))


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters (CJK) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _short(value: Value | None, compact) -> str:
    """A compact cell: prefixed IRIs, literals without quotes, newlines shown as ⏎."""
    if value is None:
        return ""
    if value.type == "uri":
        text = compact(value.value)
    elif value.type == "bnode":
        text = f"_:{value.value}"
    else:
        text = value.value
    return text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\t", " ")
