import pytest

from service.web import kgqa_of


@pytest.mark.parametrize("method, path, status", [
    ("get", "/no/such/route", 404),
    ("delete", "/healthz", 405),
    ("get", "/sources/no-such-document", 404),
])
def test_web_errors_are_canonical_json(client, method, path, status):
    response = getattr(client, method)(path, headers={"Accept": "application/json"})
    assert response.status_code == status
    error = response.get_json()["error"]
    assert set(error) >= {"code", "message"} and error["message"]


def test_web_errors_405_names_allowed_methods(client):
    assert "GET" in client.delete("/healthz").headers["Allow"]


def test_web_health_on_empty_store(client):
    assert client.get("/healthz").get_json() == {"status": "ok", "sources": 0, "triples": 0,
                                                 "words_index": "catching up"}  # not yet checked against the store


def test_web_health_words_index_current_once_caught_up(app, client):
    kgqa_of(app).doc_words.catch_up()
    assert client.get("/healthz").get_json()["words_index"] == "current"
