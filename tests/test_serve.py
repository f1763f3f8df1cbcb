"""kg serve: a real server process on 127.0.0.1 answering the SPARQL 1.1 Protocol over a real build."""
import csv
import http.client
import io
import json
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
COUNT_ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }"


@pytest.fixture(scope="module")
def server(seeds_build):
    """``(host, port, process)`` of ``kg serve --port 0`` (any free port) on the seeds build."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--out", str(seeds_build), "--port", "0", "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    line = process.stderr.readline()
    found = re.search(r"at http://127\.0\.0\.1:(\d+)/ ", line)
    assert found, line + process.stderr.read()
    yield "127.0.0.1", int(found.group(1)), process
    if process.poll() is None:
        process.kill()
        process.wait(timeout=10)


def request(server, method, path, body=None, headers=None):
    host, port, _ = server
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type") or "", response.read()
    finally:
        connection.close()


def get_query(server, query, **params):
    return request(server, "GET", "/query?" + urlencode({"query": query, **params}))


def test_a_count_of_articles_over_http_is_the_number_of_seed_articles(server):
    status, media_type, body = get_query(server, COUNT_ARTICLES)
    assert (status, media_type) == (200, "application/sparql-results+json")
    [binding] = json.loads(body)["results"]["bindings"]
    assert int(binding["n"]["value"]) == len(list(SEEDS.glob("*.txt")))


@pytest.mark.parametrize(
    ("how", "headers", "body", "path"),
    [
        ("form", {"Content-Type": "application/x-www-form-urlencoded"}, urlencode({"query": COUNT_ARTICLES}), "/query"),
        ("direct", {"Content-Type": "application/sparql-query"}, COUNT_ARTICLES, "/query"),
        ("direct, utf-8 text", {"Content-Type": "application/sparql-query; charset=utf-8"}, COUNT_ARTICLES, "/query"),
    ],
)
def test_post_as_a_form_or_a_sparql_query_body(server, how, headers, body, path):
    status, _, answer = request(server, "POST", path, body.encode(), {**headers, "Accept": "text/csv"})
    assert status == 200, how
    assert list(csv.reader(io.StringIO(answer.decode())))[1] == [str(len(list(SEEDS.glob("*.txt"))))]


@pytest.mark.parametrize(
    ("params", "accept", "media_type"),
    [
        ({}, "application/sparql-results+xml", "application/sparql-results+xml"),
        ({}, "text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
        ({}, "text/csv;q=0.5, application/sparql-results+json", "application/sparql-results+json"),
        ({"format": "tsv"}, "application/sparql-results+json", "text/tab-separated-values; charset=utf-8"),
        ({"format": "xml"}, "", "application/sparql-results+xml"),
    ],
)
def test_results_in_the_format_asked_for(server, params, accept, media_type):
    path = "/query?" + urlencode({"query": COUNT_ARTICLES, **params})
    status, got, body = request(server, "GET", path, headers={"Accept": accept} if accept else {})
    assert (status, got) == (200, media_type)
    fmt = {"application/sparql-results+xml": ox.QueryResultsFormat.XML, "application/sparql-results+json": ox.QueryResultsFormat.JSON}
    if media_type in fmt:  # parses back as SPARQL results with the same count
        [solution] = list(ox.parse_query_results(body, format=fmt[media_type]))
        assert int(solution["n"].value) == len(list(SEEDS.glob("*.txt")))


def test_an_accept_header_it_cannot_meet_is_406(server):
    assert request(server, "GET", "/query?" + urlencode({"query": COUNT_ARTICLES}), headers={"Accept": "image/png"})[0] == 406


def test_construct_gives_turtle_that_parses(server):
    status, media_type, body = get_query(server, "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a kg:Article ; rdfs:label ?l }")
    assert (status, media_type) == (200, "text/turtle; charset=utf-8")
    triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(list(SEEDS.glob("*.txt")))


@pytest.mark.parametrize(
    ("method", "path", "body", "headers"),
    [
        ("POST", "/update", urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}), {"Content-Type": "application/x-www-form-urlencoded"}),
        ("POST", "/update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", {"Content-Type": "application/sparql-update"}),
        ("POST", "/query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", {"Content-Type": "application/sparql-update"}),
        ("POST", "/query", urlencode({"update": "CLEAR ALL"}), {"Content-Type": "application/x-www-form-urlencoded"}),
        ("POST", "/query", urlencode({"query": "DELETE WHERE { ?s ?p ?o }"}), {"Content-Type": "application/x-www-form-urlencoded"}),
        ("GET", "/query?" + urlencode({"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}), None, {}),
    ],
)
def test_updates_and_service_are_refused_and_change_nothing(server, method, path, body, headers):
    before = get_query(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[2]
    status, media_type, answer = request(server, method, path, body.encode() if body else None, headers)
    assert status == 403
    assert answer.decode().startswith("403 Forbidden: ")
    assert get_query(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[2] == before


def test_a_post_without_a_usable_length_is_refused_and_the_server_goes_on(server):
    host, port, _ = server
    with socket.create_connection((host, port), timeout=30) as raw:
        raw.sendall(b"POST /query HTTP/1.1\r\nHost: localhost\r\nContent-Length: lots\r\n\r\n")
        assert raw.recv(100).startswith(b"HTTP/1.1 411")
    assert get_query(server, COUNT_ARTICLES)[0] == 200


def test_a_syntax_error_is_400_with_the_reason(server):
    status, _, body = get_query(server, "SELECT ?x WHERE { ?x ?y }")
    assert status == 400
    assert body.decode().startswith("400 Bad Request: SPARQL syntax error")


def test_get_slash_is_the_views_index_page(server, seeds_build):
    status, media_type, body = request(server, "GET", "/")
    assert (status, media_type) == (200, "text/html; charset=utf-8")
    assert body == (seeds_build / "index.html").read_bytes()


@pytest.mark.parametrize(
    ("path", "media_type"),
    [("/graph.ttl", "text/turtle; charset=utf-8"), ("/report.json", "application/json"), ("/nodes.csv", "text/csv; charset=utf-8")],
)
def test_the_output_folders_files_with_their_types(server, seeds_build, path, media_type):
    status, got, body = request(server, "GET", path)
    assert (status, got) == (200, media_type)
    assert body == (seeds_build / path.lstrip("/")).read_bytes()


@pytest.mark.parametrize(
    "path",
    ["/../graph.ttl", "/%2e%2e/%2e%2e/etc/passwd", "/views/../../x", "/..%2f..%2fetc%2fpasswd", "/graph.oxigraph/CURRENT", "/nowhere.html", "/%00"],
)
def test_nothing_outside_the_folder_nor_the_stores_files(server, path):
    assert request(server, "GET", path)[0] == 404


def test_a_request_for_another_host_name_is_refused(server):
    assert request(server, "GET", "/", headers={"Host": "attacker.example:80"})[0] == 421


def test_ctrl_c_stops_it_with_one_line_and_exit_0(seeds_build):
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--out", str(seeds_build), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert "Ctrl-C stops." in process.stderr.readline()
    process.send_signal(signal.SIGINT)
    _, rest = process.communicate(timeout=30)
    assert process.returncode == 0
    assert rest.splitlines() == ["Stopped."]


def test_a_port_in_use_is_one_error_line(seeds_build, server):
    _, port, _ = server
    done = subprocess.run([sys.executable, "-m", "kg", "serve", "--out", str(seeds_build), "--port", str(port)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"Error: cannot listen on 127.0.0.1:{port} (Address already in use): choose another --port or --host"
    ]
