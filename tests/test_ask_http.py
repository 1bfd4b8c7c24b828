"""GET/POST /ask and GET /questions through Flask's test client (hand-written graph)."""
from __future__ import annotations

import pytest

from service.qa.templates import CATALOGUE
from service.web import create_app
from tests.support import kgqa

BASE = "http://kgqa.test/"


def test_ask_get(qa_client):
    response = qa_client.get("/ask", query_string={"q": "What did Putin rule out?"})
    assert response.status_code == 200 and response.is_json
    body = response.get_json()
    assert body["question"] == "What did Putin rule out?" and body["template"]["id"] == "positions"
    link = body["answers"][0]["provenance"][0]["link"]
    assert link.startswith("http://localhost/sources/geneva-a#char=")


def test_ask_post_same_as_get(qa_client):
    q = "Who proposed what at the Geneva summit?"
    assert qa_client.post("/ask", json={"q": q}).get_json() == qa_client.get("/ask", query_string={"q": q}).get_json()


def test_ask_link_serves_the_quote(qa_client):
    """Every provenance link, followed, serves text whose [start:end] is the quote."""
    body = qa_client.get("/ask", query_string={"q": "How long did Biden and Putin meet?"}).get_json()
    for p in body["answers"][0]["provenance"]:
        path = p["link"].replace("http://localhost", "").split("#")[0]
        text = qa_client.get(path, headers={"Accept": "text/plain"}).get_data(as_text=True)
        assert text[p["start"]:p["end"]] == p["quote"]


@pytest.mark.parametrize("kwargs, code", [
    ({"method": "GET"}, "bad_request"),
    ({"method": "GET", "query_string": {"q": ""}}, "bad_request"),
    ({"method": "POST", "data": "not json", "content_type": "text/plain"}, "bad_request"),
    ({"method": "POST", "json": ["What did Putin propose?"]}, "bad_request"),
    ({"method": "POST", "json": {"q": 42}}, "bad_request"),
    ({"method": "POST", "json": {"q": {"$ne": 1}}}, "bad_request"),
    ({"method": "POST", "json": {"question": "What did Putin propose?"}}, "bad_request"),
])
def test_ask_bad_request(qa_client, kwargs, code):
    response = qa_client.open("/ask", **kwargs)
    assert response.status_code == 400 and response.get_json()["error"]["code"] == code


def test_ask_unsupported_422(qa_client):
    response = qa_client.get("/ask", query_string={"q": "Lorem ipsum dolor sit amet"})
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "unsupported_question" and error["message"]
    assert len(error["suggestions"]) == 3
    assert all(s["id"] and s["examples"] for s in error["suggestions"])


def test_ask_question_too_long(qa_store):
    app = create_app({"TESTING": True}, kgqa=kgqa(qa_store, MAX_QUESTION_CHARS=40))
    response = app.test_client().get("/ask", query_string={"q": "What did Putin propose at the Geneva summit?"})
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "question_too_long"
    assert "40" in response.get_json()["error"]["message"]


def test_ask_unknown_actor_200(qa_client):
    body = qa_client.get("/ask", query_string={"q": "What did Angela Merkel propose?"}).get_json()
    assert body["answers"] == [] and body["message"] == "No actor named Angela Merkel in the graph."


def test_questions_catalogue(qa_client):
    body = qa_client.get("/questions").get_json()
    assert [t["id"] for t in body["templates"]] == [t.id for t in CATALOGUE]
    for t in body["templates"]:
        assert t["description"] and len(t["examples"]) >= 3 and isinstance(t["parameters"], list)


@pytest.mark.parametrize("template, example", [(t.id, e) for t in CATALOGUE for e in t.examples])
def test_questions_examples_read_as_their_template(qa_client, template, example):
    """Each documented phrasing is read as the template that documents it."""
    response = qa_client.get("/ask", query_string={"q": example})
    assert response.status_code == 200 and response.get_json()["template"]["id"] == template
