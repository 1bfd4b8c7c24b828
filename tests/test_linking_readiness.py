"""The name index is built once per store version, one build at a time: while the first build runs
(a large store at server start), a question waits a little, then gets 503 not_ready with Retry-After."""
from __future__ import annotations

import threading

import pytest

from service.errors import NotReady
from service.web import create_app
from tests.support import DATA, kgqa


class SlowStore:
    """A real store whose reads wait for `gate`: a name index build that takes as long as the test wants."""

    def __init__(self, inner):
        self.inner, self.gate, self.started = inner, threading.Event(), threading.Event()

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def select(self, query, bindings=None):
        self.started.set()
        self.gate.wait(10)
        return self.inner.select(query, bindings)


@pytest.fixture
def slow_store(store):
    store.load((DATA / "graphs" / "qa-geneva.trig").read_bytes(), "application/trig")
    slow = SlowStore(store)
    yield slow
    slow.gate.set()


def test_linking_build_in_progress_is_not_ready(slow_store):
    names = kgqa(slow_store, fresh=True).names
    builder = names.warm()
    assert slow_store.started.wait(5)
    with pytest.raises(NotReady) as caught:
        names.index(wait=0.05)
    assert caught.value.details["retry_after"] > 0
    slow_store.gate.set()
    builder.join(10)
    assert names.index(wait=0.05).actor("Vladimir Putin").iri.endswith("actor-putin")


def test_linking_waiter_gets_the_index_when_the_build_ends_in_time(slow_store):
    names = kgqa(slow_store, fresh=True).names
    builder = names.warm()
    assert slow_store.started.wait(5)
    threading.Timer(0.1, slow_store.gate.set).start()
    assert names.index(wait=5).actor("Putin") is not None
    builder.join(10)


def test_linking_ask_answers_503_while_indexing(slow_store):
    app = kgqa(slow_store, fresh=True)
    client = create_app({"TESTING": True}, kgqa=app).test_client()
    builder = app.names.warm()
    assert slow_store.started.wait(5)
    response = client.get("/ask", query_string={"q": "Who met Putin?"})
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "not_ready"
    assert int(response.headers["Retry-After"]) > 0
    slow_store.gate.set()
    builder.join(10)
    assert client.get("/ask", query_string={"q": "Who met Putin?"}).status_code == 200




def _names_building() -> bool:
    return any(t.name == "kgqa-names" and t.is_alive() for t in threading.enumerate())


def test_linking_index_is_built_on_the_first_question_not_at_start(slow_store):
    made = kgqa(slow_store, fresh=True)
    app = create_app({"TESTING": True}, kgqa=made)
    made.warm()  # what `kgqa serve` starts
    client = app.test_client()
    query = "SELECT ?p ?o WHERE { <http://kgqa.test/entities/actor-putin> ?p ?o } LIMIT 5"
    assert client.get("/sparql", query_string={"query": query},
                      headers={"Accept": "application/sparql-results+json"}).status_code == 200
    assert not _names_building()  # a server that only answers SPARQL never scans the names
    assert client.get("/ask", query_string={"q": "Who met Putin?"}).status_code == 503  # the build waits on the gate
    assert _names_building()
    slow_store.gate.set()
    for thread in threading.enumerate():
        if thread.name == "kgqa-names":
            thread.join(10)
    assert client.get("/ask", query_string={"q": "Who met Putin?"}).status_code == 200
