"""The time limit: a runaway query is stopped with a clear 504 while the server keeps answering
/healthz and /ask (a live waitress server, a genuinely expensive cross join). Bounds are generous: the
limit is a feature; its speed is measured in the benchmark."""
from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from service.store.remote import RemoteStore
from service.web import create_app, kgqa_of

LIMIT = 2.0
MARGIN = 3.0  # the contract: the limit plus a second; generous here, as machines are noisy
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 3000^4 rows


def get(url: str, accept: str = "application/json", timeout: float = 30) -> tuple[int, dict | bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as err:
        status, body = err.code, err.read()
    try:
        return status, json.loads(body)
    except ValueError:
        return status, body


def sparql_url(base: str, query: str) -> str:
    return f"{base}/sparql?" + urllib.parse.urlencode({"query": query})


@pytest.fixture
def generated(store):
    """3000 triples in 30 graphs: enough for a cross join that would run for hours."""
    store.ox.bulk_extend([ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                                  ox.Literal(f"value {i}"), ox.NamedNode(f"http://example.org/g{i % 30}"))
                          for i in range(3000)])
    return store


def test_limits_timeout_runaway_stopped_while_others_are_served(generated, make_app, live_server):
    app = make_app(QUERY_TIMEOUT=LIMIT, QUERY_WORKERS=2)
    base = live_server(app)
    assert get(base + "/ask?q=" + urllib.parse.quote("Who proposed what?"))[0] < 500  # warm up /ask
    outcome = {}

    def runaway():
        started = time.monotonic()
        outcome["status"], outcome["body"] = get(sparql_url(base, RUNAWAY))
        outcome["elapsed"], outcome["ended"] = time.monotonic() - started, time.monotonic()

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    answered = []
    while thread.is_alive() and len(answered) < 6:
        for path in ("/healthz", "/ask?q=" + urllib.parse.quote("Who met whom?")):
            status, _ = get(base + path, timeout=LIMIT + MARGIN)
            answered.append((path, status, time.monotonic()))
    thread.join()
    assert outcome["status"] == 504
    assert outcome["body"]["error"]["code"] == "query_timeout"
    assert "time limit" in outcome["body"]["error"]["message"]
    assert outcome["elapsed"] < LIMIT + MARGIN
    assert {path for path, status, _ in answered if status == 200} == {"/healthz", "/ask?q=Who%20met%20whom%3F"}
    assert all(when < outcome["ended"] for _, _, when in answered[:2])  # answered while it ran
    assert kgqa_of(app).open_runner.kills == 1


def test_limits_timeout_next_query_runs_after_a_kill(generated, make_app):
    client = make_app(QUERY_TIMEOUT=LIMIT, QUERY_WORKERS=1).test_client()
    assert client.get("/sparql", query_string={"query": RUNAWAY}).status_code == 504
    response = client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    assert response.status_code == 200
    assert response.json["results"]["bindings"][0]["n"]["value"] == "3000"


def test_limits_timeout_remote_store_bounded_by_the_limit(silent_endpoint):
    app = create_app({"STORE_OBJECT": RemoteStore(silent_endpoint, timeout=LIMIT + 2),
                      "TESTING": True, "QUERY_TIMEOUT": LIMIT})
    started = time.monotonic()
    response = app.test_client().get("/sparql", query_string={"query": "ASK {}"})
    assert response.status_code == 504
    assert response.json["error"]["code"] == "query_timeout"
    assert time.monotonic() - started < LIMIT + MARGIN


def test_limits_timeout_crashed_worker_is_a_clear_503_and_replaced(generated, make_app):
    app = make_app(QUERY_TIMEOUT=30, QUERY_WORKERS=1)
    client = app.test_client()
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    pool = kgqa_of(app).open_runner
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.update(
        response=client.get("/sparql", query_string={"query": RUNAWAY})))
    thread.start()
    while not pool.busy:
        time.sleep(0.05)
    next(iter(pool.busy)).process.kill()  # as the kernel's OOM killer would
    thread.join(timeout=20)
    assert outcome["response"].status_code == 503
    assert outcome["response"].json["error"]["code"] == "store_unavailable"
    assert client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).status_code == 200


def test_limits_timeout_all_slots_busy_is_a_clear_503(generated, make_app):
    app = make_app(QUERY_TIMEOUT=1, QUERY_WORKERS=1, QUERY_QUEUE_TIMEOUT=1)
    client = app.test_client()
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    line = kgqa_of(app).open_runner.line
    line.acquire()  # the only worker's slot, busy for the whole wait
    try:
        response = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    finally:
        line.release()
    assert response.status_code == 503
    assert response.json["error"]["code"] == "sparql_busy"
    assert "QUERY_WORKERS" in response.json["error"]["message"]
    assert client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).status_code == 200


def test_limits_timeout_query_queued_behind_a_runaway_gets_its_own_time(generated, make_app):
    app = make_app(QUERY_TIMEOUT=LIMIT, QUERY_WORKERS=1)
    client = app.test_client()
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    first = {}
    thread = threading.Thread(target=lambda: first.update(
        response=client.get("/sparql", query_string={"query": RUNAWAY})))
    thread.start()
    while not kgqa_of(app).open_runner.busy:
        time.sleep(0.02)
    time.sleep(0.3)
    second = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    thread.join()
    assert first["response"].status_code == 504
    assert second.status_code == 200  # it waited for the replacement worker, then ran in full
