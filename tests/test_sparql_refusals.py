"""Every refusal of /sparql: its status and a JSON error naming the problem, never a stack trace."""
from __future__ import annotations

import socket
import threading

import pyoxigraph as ox
import pytest

ASK = "ASK {}"


def error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.data
    assert response.json["error"]["code"] == code
    return response.json["error"]["message"]


@pytest.fixture
def client(make_app):
    return make_app(MAX_REQUEST_BYTES=2000).test_client()


@pytest.mark.parametrize("send", [
    lambda c: c.get("/sparql", query_string={"update": "CLEAR ALL"}),
    lambda c: c.post("/sparql", data={"update": "CLEAR ALL"}),
    lambda c: c.post("/sparql", data="CLEAR ALL", content_type="application/sparql-update"),
    lambda c: c.get("/sparql", query_string={"query": "INSERT DATA { <http://e/s> <http://e/p> 1 }"}),
    lambda c: c.post("/sparql", data="DELETE WHERE { ?s ?p ?o }", content_type="application/sparql-query"),
    lambda c: c.post("/sparql", data={"query": "DROP ALL"}),
], ids=["GET update=", "form update=", "update body", "update as GET query", "update as query body",
        "update as form query"])
def test_sparql_refusals_update_403(client, send):
    assert "read-only" in error(send(client), 403, "update_refused")


@pytest.fixture
def listener():
    """A loopback socket that records whether anything connected to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(1.0)
    seen = []

    def watch():
        try:
            conn, _ = server.accept()
            seen.append(conn.getpeername())
            conn.close()  # hang up at once, so an engine that did connect is not left waiting
        except OSError:
            pass

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/sparql", seen, thread
    server.close()


def test_sparql_refusals_listener_sees_a_service_call(listener):
    """The control: run directly on the engine, a SERVICE clause does reach the listener."""
    url, seen, thread = listener
    try:
        ox.Store().query(f"ASK {{ SERVICE <{url}> {{ }} }}")
    except OSError:
        pass  # the listener hangs up
    thread.join()
    assert seen


@pytest.mark.parametrize("template", [
    "SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "select * {{ optional {{ service silent <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * {{ {{ SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
    "ASK {{ SERVICE SILENT <{url}> {{ }} }}",
])
def test_sparql_refusals_service_403_and_no_request_leaves(client, listener, template):
    url, seen, thread = listener
    message = error(client.get("/sparql", query_string={"query": template.format(url=url)}), 403,
                    "service_refused")
    assert "SERVICE" in message
    thread.join()
    assert not seen


def test_sparql_refusals_body_too_large_413(client):
    query = "ASK { " + "?s ?p ?o . " * 400 + "}"
    response = client.post("/sparql", data=query, content_type="application/sparql-query")
    assert "MAX_REQUEST_BYTES" in error(response, 413, "request_too_large")


def test_sparql_refusals_form_too_large_413(client):
    response = client.post("/sparql", data={"query": "ASK { " + "?s ?p ?o . " * 400 + "}"})
    error(response, 413, "request_too_large")


@pytest.mark.parametrize("send", [
    lambda c: c.get("/sparql", query_string={"query": "ASK {"}),
    lambda c: c.get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s ?p }"}),
    lambda c: c.get("/sparql", query_string={"query": "PREFIX ex: <http://e/>"}),
    lambda c: c.post("/sparql", data="SELECT * WHERE { ?s ex:p ?o }", content_type="application/sparql-query"),
], ids=["unclosed", "missing object", "prologue only", "undeclared prefix"])
def test_sparql_refusals_bad_query_400(client, send):
    error(send(client), 400, "malformed_query")


@pytest.mark.parametrize("send, says", [
    (lambda c: c.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D"), "2 queries"),
    (lambda c: c.post("/sparql?query=ASK%7B%7D", data={"query": ASK}), "two queries"),
    (lambda c: c.post("/sparql?query=ASK%7B%7D", data=ASK, content_type="application/sparql-query"),
     "two queries"),
    (lambda c: c.post("/sparql", data={"other": "x"}), "no query"),
    (lambda c: c.post("/sparql", data=ASK.encode("utf-16"), content_type="application/sparql-query; charset=UTF-16"),
     "UTF-8"),
    (lambda c: c.post("/sparql", data=b"ASK { ?s ?p '\xe9' }", content_type="application/sparql-query"), "UTF-8"),
    (lambda c: c.get("/sparql", query_string={"query": ASK, "default-graph-uri": "not an iri"}), "IRI"),
], ids=["two GET queries", "URL and form", "URL and body", "no query", "UTF-16", "bad UTF-8", "bad graph IRI"])
def test_sparql_refusals_bad_request_400(client, send, says):
    response = send(client)
    assert response.status_code == 400, response.data
    assert says in response.json["error"]["message"]


@pytest.mark.parametrize("query, accept", [
    ("SELECT * WHERE { ?s ?p ?o }", "text/turtle"),
    ("ASK {}", "image/png"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "application/sparql-results+json"),
    ("DESCRIBE <http://e/>", "text/csv"),
])
def test_sparql_refusals_unacceptable_406_names_what_fits(client, query, accept):
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    message = error(response, 406, "not_acceptable")
    fits = "text/turtle" if query.startswith(("CONSTRUCT", "DESCRIBE")) else "application/sparql-results+json"
    assert fits in message and fits in response.json["error"]["acceptable"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", "application/octet-stream", None])
def test_sparql_refusals_unknown_body_415(client, content_type):
    response = client.post("/sparql", data=ASK, content_type=content_type)
    assert "application/sparql-query" in error(response, 415, "unsupported_media_type")


def test_sparql_refusals_other_method_405(client):
    assert client.put("/sparql", data=ASK).status_code == 405
