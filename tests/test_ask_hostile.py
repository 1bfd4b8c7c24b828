"""Hostile questions get 200 or 4xx, never 5xx, and change nothing in the store."""
from __future__ import annotations

import pytest

HOSTILE = [
    '"; DROP ALL; --',
    "What did Putin propose?\"} ; DROP ALL ; INSERT DATA { <a:b> <a:c> <a:d> } #",
    "Who met } UNION { ?s ?p ?o } #?",
    "What did <http://evil.example/x> propose?",
    "Which sources mention ?s ?p ?o . FILTER(true) }",
    "SELECT * WHERE { ?s ?p ?o }",
    "DELETE WHERE { ?s ?p ?o }",
    "What did '''Putin''' propose?",
    'What did "Putin\\" propose?',
    "What did Putin propose SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }?",
    "Who is {{7*7}}?",
    "What did Putin\x00 propose\x07?",
    "\x1b[2J\x1b[H who met putin",
    "What did \u202eniptuP propose?",
    "Who met \U0001F600?",
    "<script>alert(1)</script>",
    "Who is " + "a" * 480 + "?",
    "What did " + "Putin and " * 40 + "Biden agree on?",
    "What is " + "X's " * 100 + "position on NATO?",
    "x" * 10_000,
    "Who met Putin? " * 700,
    "'",
    "\\",
    "%00%27",
    "Who met \ud800?",  # a lone surrogate (POST only: no URL can carry it)
]


def _status(client, method, q):
    if method == "GET" and "\ud800" in q:
        return client.get("/ask?q=Who%20met%20%ED%A0%80%3F")
    if method == "GET":
        return client.get("/ask", query_string={"q": q})
    return client.post("/ask", json={"q": q})


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("question", HOSTILE, ids=range(len(HOSTILE)))
def test_ask_hostile_no_5xx_nothing_changed(qa_client, qa_store, method, question):
    before = qa_store.count_triples()
    response = _status(qa_client, method, question)
    assert response.status_code in (200, 400, 413, 422), response.get_data(as_text=True)[:300]
    assert response.is_json
    body = response.get_json()
    assert "answers" in body or body["error"]["code"] in (
        "bad_request", "question_too_long", "unsupported_question", "request_too_large")
    assert qa_store.count_triples() == before


def test_ask_hostile_raw_bytes(qa_client, qa_store):
    """Bytes that are not UTF-8 in the query string."""
    before = qa_store.count_triples()
    response = qa_client.get("/ask?q=%ff%fe%00Who%20met%20Putin")
    assert response.status_code in (200, 400, 422) and response.is_json
    assert qa_store.count_triples() == before


def test_ask_hostile_huge_body(qa_client):
    response = qa_client.post("/ask", data=b'{"q": "' + b"a" * 2_000_000 + b'"}', content_type="application/json")
    assert response.status_code == 413 and response.is_json
