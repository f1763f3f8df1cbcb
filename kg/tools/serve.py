"""``kg serve``: the built graph over the SPARQL 1.1 Protocol, read-only, and the HTML views beside it.

``/query`` takes a query by GET (``?query=``), by POST as a form
(``query=``) or as an ``application/sparql-query`` body, with optional
``default-graph-uri`` / ``named-graph-uri``. SELECT and ASK results are JSON,
XML, CSV or TSV (by ``Accept``, or ``format=json|xml|csv|tsv``); CONSTRUCT and
DESCRIBE give Turtle (or N-Triples, RDF/XML, JSON-LD by ``Accept``). Updates,
``/update`` and SERVICE are refused with 403: the store is opened read-only
and the server never reaches the network. Every other path serves a file of
the output folder (``/`` is index.html), never anything outside it, never the
store's own files, with a content type from a fixed table.

Requests whose Host header names another site are refused (421) while the
server listens on a loopback address, so a web page cannot reach it through
a DNS name rebound to 127.0.0.1.
"""
from __future__ import annotations

import ipaddress
import os
import shutil
import socket
import sys
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from kg.errors import KgError, QueryError
from kg.graphfiles import STORE_DIR, declared_prefixes
from kg.tools.query import check_local_read_only, execute
from kg.tools.store import open_store

MAX_QUERY_BYTES = 1 << 20
RESULT_FORMATS = {  # format= value → (pyoxigraph format, media type)
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
}
GRAPH_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}
_ALIASES = {"application/json": "json", "text/xml": "xml", "application/xml": "xml", "text/plain": "ntriples",
            "ttl": "turtle", "nt": "ntriples", "json-ld": "jsonld"}
FILE_TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".csv": "text/csv; charset=utf-8",
    ".ttl": "text/turtle; charset=utf-8", ".nt": "application/n-triples", ".jsonld": "application/ld+json",
    ".trig": "application/trig", ".graphml": "application/xml", ".gexf": "application/xml",
    ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".ico": "image/x-icon", ".woff2": "font/woff2", ".woff": "font/woff", ".txt": "text/plain; charset=utf-8",
}


class Refused(Exception):
    """A request answered with an HTTP error status and a one-line reason."""

    def __init__(self, status: HTTPStatus, reason: str) -> None:
        super().__init__(reason)
        self.status = status


class GraphServer(ThreadingHTTPServer):
    """An HTTP server holding the build's store, its prefixes and its folder."""

    daemon_threads = True

    def __init__(self, out_dir: Path, host: str, port: int, log: Callable[[str], None] | None = None) -> None:
        self.out_dir = Path(out_dir).resolve()
        self.store = open_store(out_dir)
        self.prefixes = declared_prefixes(out_dir)
        self.log = log
        self.loopback = _is_loopback(host)
        if ":" in host:
            self.address_family = socket.AF_INET6
        try:
            super().__init__((host, port), RequestHandler)
        except OSError as error:
            raise KgError(f"cannot listen on {host}:{port} ({error.strerror or error}): choose another --port or --host") from None

    def handle_error(self, request, client_address) -> None:
        # One log line rather than a traceback on stderr (a client hanging up mid-answer, mostly).
        error = sys.exc_info()[1]
        if self.log:
            self.log(f"{client_address[0]} request failed: {type(error).__name__}: {' '.join(str(error).split())[:200]}")

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"


def make_server(out_dir: Path, host: str = "127.0.0.1", port: int = 7878, log: Callable[[str], None] | None = None) -> GraphServer:
    """A server for the graph built in ``out_dir``, listening (not yet serving: call ``serve_forever``)."""
    return GraphServer(out_dir, host, port, log)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class RequestHandler(BaseHTTPRequestHandler):
    server: GraphServer
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._answer(body=None)

    def do_HEAD(self) -> None:
        self._answer(body=None, head=True)

    def do_POST(self) -> None:
        length_header = self.headers.get("Content-Length") or "0"
        if not length_header.isdigit():
            self._error(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
            self.close_connection = True
            return
        length = int(length_header)
        if length > MAX_QUERY_BYTES:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a request body is at most {MAX_QUERY_BYTES} bytes")
            self.close_connection = True
            return
        self._answer(body=self.rfile.read(length))

    def do_PUT(self) -> None:
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "the graph is read-only", allow="GET, HEAD, POST")

    do_DELETE = do_PATCH = do_PUT

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        if self.server.log:
            self.server.log(f"{self.address_string()} {format % args}")

    # ------------------------------------------------------------------ dispatch
    def _answer(self, body: bytes | None, head: bool = False) -> None:
        try:
            self._check_host()
            url = urlsplit(self.path)
            if url.path == "/update":
                raise Refused(HTTPStatus.FORBIDDEN, "updates are refused: kg serve is read-only")
            if url.path == "/query":
                self._query(url.query, body, head)
            elif body is not None:
                raise Refused(HTTPStatus.METHOD_NOT_ALLOWED, "POST goes to /query")
            else:
                self._file(url.path, head)
        except Refused as refused:
            self._error(refused.status, str(refused))

    def _check_host(self) -> None:
        if not self.server.loopback:
            return
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if host not in ("localhost", "127.0.0.1", "::1") and not host.startswith("127."):
            raise Refused(HTTPStatus.MISDIRECTED_REQUEST, "this server answers only requests for localhost")

    # ------------------------------------------------------------------- SPARQL
    def _query(self, query_string: str, body: bytes | None, head: bool) -> None:
        params = parse_qs(query_string, keep_blank_values=True)
        if body is not None:
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "application/x-www-form-urlencoded":
                params.update(parse_qs(_text(body), keep_blank_values=True))
            elif kind == "application/sparql-query":
                params["query"] = [_text(body)]
            elif kind == "application/sparql-update":
                raise Refused(HTTPStatus.FORBIDDEN, "updates are refused: kg serve is read-only")
            else:
                raise Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send a form (query=...) or an application/sparql-query body")
        if "update" in params:
            raise Refused(HTTPStatus.FORBIDDEN, "updates are refused: kg serve is read-only")
        queries = params.get("query", [])
        if len(queries) != 1:
            raise Refused(HTTPStatus.BAD_REQUEST, "give exactly one query parameter")
        try:
            check_local_read_only(queries[0])
        except QueryError as error:
            raise Refused(HTTPStatus.FORBIDDEN, str(error).replace("kg query", "kg serve")) from None
        options = {}
        if params.get("default-graph-uri"):
            options["default_graph"] = [ox.NamedNode(iri) for iri in params["default-graph-uri"]]
        if params.get("named-graph-uri"):
            options["named_graphs"] = [ox.NamedNode(iri) for iri in params["named-graph-uri"]]
        try:
            answer = execute(self.server.store, queries[0], self.server.prefixes, **options)
            content, media_type = self._serialize(answer, params.get("format", [""])[0])
        except QueryError as error:
            raise Refused(HTTPStatus.BAD_REQUEST, str(error)) from None
        except ValueError as error:  # an IRI in default-graph-uri, or results that fail as they are computed
            raise Refused(HTTPStatus.BAD_REQUEST, " ".join(str(error).split())) from None
        self._send(HTTPStatus.OK, media_type, content, head, vary=True)

    def _serialize(self, answer, asked: str) -> tuple[bytes, str]:
        if isinstance(answer, ox.QueryTriples):
            name = self._negotiate(asked, GRAPH_FORMATS, "turtle")
            rdf_format, media_type = GRAPH_FORMATS[name]
            prefixes = self.server.prefixes if rdf_format is ox.RdfFormat.TURTLE else None
            return ox.serialize(answer, format=rdf_format, prefixes=prefixes), media_type
        name = self._negotiate(asked, RESULT_FORMATS, "json")
        results_format, media_type = RESULT_FORMATS[name]
        return answer.serialize(format=results_format), media_type

    def _negotiate(self, asked: str, formats: dict, default: str) -> str:
        """The format named by ``format=``, else the best the Accept header allows, else ``default``."""
        if asked:
            name = _format_name(asked, formats)
            if name is None:
                raise Refused(HTTPStatus.NOT_ACCEPTABLE, f"format must be one of {', '.join(formats)}")
            return name
        accept = self.headers.get("Accept") or "*/*"
        ranked = []
        for position, part in enumerate(accept.split(",")):
            media, *params = [p.strip() for p in part.split(";")]
            quality = next((float(p[2:]) for p in params if p.startswith("q=") and _is_number(p[2:])), 1.0)
            ranked.append((-quality, position, media.lower()))
        for quality, _, media in sorted(ranked):
            if quality == 0:
                continue
            if media in ("*/*", "application/*", "text/*"):
                return default
            name = _format_name(media, formats)
            if name is not None:
                return name
        raise Refused(HTTPStatus.NOT_ACCEPTABLE, f"no result format matches Accept: {accept[:100]}")

    # -------------------------------------------------------------------- files
    def _file(self, url_path: str, head: bool) -> None:
        path = self._local_path(url_path)
        media_type = FILE_TYPES.get(path.suffix.lower(), "application/octet-stream")
        try:
            handle = open(path, "rb")
        except OSError:
            raise Refused(HTTPStatus.NOT_FOUND, "no such file") from None
        with handle:
            size = os.fstat(handle.fileno()).st_size
            self._headers(HTTPStatus.OK, media_type, size)
            if not head:
                shutil.copyfileobj(handle, self.wfile)

    def _local_path(self, url_path: str) -> Path:
        """The file of the output folder a URL path names; ``Refused`` for anything else."""
        parts = [unquote(part) for part in url_path.split("/") if part]
        if any(part in ("..", ".") or "\x00" in part or "/" in part or "\\" in part for part in parts):
            raise Refused(HTTPStatus.NOT_FOUND, "no such file")
        if parts and parts[0] == STORE_DIR:
            raise Refused(HTTPStatus.NOT_FOUND, "the store is served at /query, not as files")
        root = self.server.out_dir
        path = root.joinpath(*parts)
        if path.is_dir():
            path = path / "index.html"
        resolved = path.resolve()
        if not resolved.is_file() or not resolved.is_relative_to(root):
            raise Refused(HTTPStatus.NOT_FOUND, "no such file")
        return resolved

    # ----------------------------------------------------------------- replies
    def _headers(self, status: HTTPStatus, media_type: str, length: int, vary: bool = False, **extra: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(length))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if vary:
            self.send_header("Vary", "Accept")
        for name, value in extra.items():
            self.send_header(name.title(), value)
        self.end_headers()

    def _send(self, status: HTTPStatus, media_type: str, content: bytes, head: bool = False, vary: bool = False, **extra: str) -> None:
        self._headers(status, media_type, len(content), vary, **extra)
        if not head:
            self.wfile.write(content)

    def _error(self, status: HTTPStatus, reason: str, **extra: str) -> None:
        self._send(status, "text/plain; charset=utf-8", f"{status.value} {status.phrase}: {reason}\n".encode(), self.command == "HEAD", **extra)


def _format_name(value: str, formats: dict) -> str | None:
    value = value.strip().lower()
    if value in formats:
        return value
    value = _ALIASES.get(value, value)
    if value in formats:
        return value
    return next((name for name, (_, media) in formats.items() if media.split(";")[0] == value), None)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8") from None
