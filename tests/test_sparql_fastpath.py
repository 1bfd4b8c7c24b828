"""The common GET /sparql (one `query`, an Accept naming one offered type) is answered below Flask
(service/web/fastpath.py) with the same status, headers and bytes as the Flask view gives; everything
else goes to Flask, and an error met while running is rendered by Flask without running the query
again."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from werkzeug.test import Client

from service.web import kgqa_of

EX = "http://example.org/"
JSON = "application/sparql-results+json"
ANSWERED = {  # (query, Accept) the fast path answers
    "light select": (f"SELECT ?p ?o WHERE {{ <{EX}a> ?p ?o }} LIMIT 5", JSON),
    "select in a worker": (f"SELECT ?s ?o WHERE {{ ?s <{EX}p0> ?o }} ORDER BY ?o", "application/sparql-results+xml"),
    "csv": ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?p", "text/csv"),
    "tsv": ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?p", "text/tab-separated-values"),
    "ask": (f"ASK {{ <{EX}a> ?p ?o }}", JSON),
    "alias": (f"ASK {{ <{EX}a> ?p ?o }}", "application/json"),
    "construct": (f"PREFIX ex: <{EX}> CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}", "text/turtle"),
    "relative iri": ("SELECT ?o WHERE { <a> ?p ?o } LIMIT 3", JSON),
}
DECLINED = {  # (query string, Accept) left to Flask
    "q-values": ({"query": "ASK {}"}, "application/sparql-results+json;q=0.9, */*;q=0.1"),
    "no Accept": ({"query": "ASK {}"}, None),
    "dataset": ({"query": "ASK {}", "default-graph-uri": f"{EX}g0"}, JSON),
    "two queries": ([("query", "ASK {}"), ("query", "ASK {}")], JSON),
    "type that does not fit": ({"query": "ASK {}"}, "text/turtle"),
    "refused": ({"query": "SELECT * { SERVICE <x:y> {} }"}, JSON),
    "malformed": ({"query": "SELEKT nothing"}, JSON),
    "browser": ({"query": "ASK {}"}, "text/html"),
}


@pytest.fixture
def app(store, make_app):
    store.ox.extend([ox.Quad(ox.NamedNode(f"{EX}a"), ox.NamedNode(f"{EX}p{i}"), ox.Literal(f"v{i}"),
                             ox.NamedNode(f"{EX}g{i % 3}")) for i in range(6)])
    made = make_app(QUERY_WORKERS=1)
    assert made.test_client().get("/sparql", query_string={"query": "ASK {}"},  # opens the runner
                                  headers={"Accept": JSON}).status_code == 200
    return made


def responses(app, query_string, accept):
    """(through the fast path, through Flask alone): status, headers, body of each."""
    headers = {"Accept": accept} if accept else {}
    out = []
    for client in (app.test_client(), Client(app.wsgi_app.wsgi_app)):
        response = client.get("/sparql", query_string=query_string, headers=headers)
        out.append((response.status_code, sorted(response.headers.items()), response.get_data()))
    return out


@pytest.mark.parametrize("query, accept", ANSWERED.values(), ids=ANSWERED.keys())
def test_sparql_fastpath_same_answer_as_flask(app, query, accept):
    before = app.wsgi_app.answered
    fast, flask = responses(app, {"query": query}, accept)
    assert app.wsgi_app.answered == before + 1
    assert fast == flask and fast[0] == 200


@pytest.mark.parametrize("query_string, accept", DECLINED.values(), ids=DECLINED.keys())
def test_sparql_fastpath_leaves_the_rest_to_flask(app, query_string, accept):
    before = app.wsgi_app.answered
    fast, flask = responses(app, query_string, accept)
    assert app.wsgi_app.answered == before
    assert fast == flask


def test_sparql_fastpath_error_while_running_rendered_once(store, make_app):
    store.ox.extend([ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(i), ox.NamedNode(f"{EX}g"))
                     for i in range(5)])
    app = make_app(QUERY_WORKERS=1, QUERY_MAX_ROWS=2)
    client = app.test_client()
    client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": JSON})
    pool = kgqa_of(app).open_runner
    runs = pool.light + sum(w.jobs for w in pool.idle)
    response = client.get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s ?p ?o }"}, headers={"Accept": JSON})
    assert response.status_code == 413 and response.get_json()["error"]["code"] == "result_too_large"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert pool.light + sum(w.jobs for w in pool.idle) == runs + 1  # run once, by the fast path


def test_sparql_fastpath_repeated_request_prepared_once(app):
    query = f"SELECT ?o WHERE {{ <{EX}a> ?p ?o }} LIMIT 2"
    client = app.test_client()
    for _ in range(3):
        assert client.get("/sparql", query_string={"query": query}, headers={"Accept": JSON}).status_code == 200
    jobs = [job for job in app.wsgi_app.jobs.values() if job.query == query]
    assert len(jobs) == 1
