"""ASK_CANDIDATES bounds the facts a question's template fetches (a frequent actor has thousands in a
large graph): the query that ran shows the bound, and the answer says when there were more."""
from __future__ import annotations

import pytest

from service.web import create_app
from tests.support import BASE


@pytest.fixture
def bounded(qa_store):
    def client(limit: int):
        config = {"STORE_OBJECT": qa_store, "BASE_IRI": BASE, "TESTING": True, "ASK_CANDIDATES": limit}
        return create_app(config).test_client()
    return client


def ask(client, question: str) -> dict:
    response = client.get("/ask", query_string={"q": question})
    assert response.status_code == 200
    return response.get_json()


@pytest.mark.parametrize("question", ["Which sources mention Putin?", "What did Biden say?"])
def test_answer_candidates_bound_reached_is_said(bounded, question):
    document = ask(bounded(1), question)
    assert "LIMIT 2" in document["sparql"]  # one row past the bound tells that there were more
    assert len(document["answers"]) == 1
    assert "More than 1 facts" in document["message"]


@pytest.mark.parametrize("question", ["Which sources mention Putin?", "What did Biden say?", "Who met Putin?"])
def test_answer_candidates_within_bound_same_answers(bounded, question):
    wide, narrow = ask(bounded(10_000), question), ask(bounded(500), question)
    assert [a["fact"] for a in narrow["answers"]] == [a["fact"] for a in wide["answers"]]
    assert "message" not in narrow


def test_answer_candidates_not_reached_says_nothing(bounded):
    document = ask(bounded(1), "Who met Putin?")
    assert document["answers"] and "message" not in document


def test_answer_candidates_bound_reached_without_answers_says_so(bounded):
    """Words that no fact among the first ones found has: the message says that only those were checked."""
    document = ask(bounded(1), "What did Biden say about the weather in Oslo?")
    assert document["answers"] == []
    assert "Only the first 1 facts" in document["message"]
