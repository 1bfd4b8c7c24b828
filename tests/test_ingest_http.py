"""POST /sources, DELETE /sources/<id>: live ingest with a bearer token, bounded, one-line errors."""
import io

import pytest

from service.web import create_app, kgqa_of
from tests.support import kgqa

BASE = "http://kgqa.test/"
TOKEN = "operator-secret"
RUN = "run-secret"
REMOTE = {"REMOTE_ADDR": "203.0.113.7"}
TALKS = "Obama met Putin in New York on Monday."


def _app(store, **config):
    app = create_app({"TESTING": True}, kgqa=kgqa(store, **config))
    kgqa_of(app).run_token = RUN
    return app


def _auth(token):
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("token,environ,status", [
    (TOKEN, REMOTE, 200), (RUN, {}, 200), (RUN, REMOTE, 401), ("wrong", REMOTE, 401), ("wrong", {}, 401)])
def test_ingest_http_token_rules(store, token, environ, status):
    client = _app(store, INGEST_TOKEN=TOKEN).test_client()
    response = client.post("/sources", json={"id": "talks", "text": TALKS}, headers=_auth(token),
                           environ_base=environ)
    assert response.status_code == status, response.get_json()


def test_ingest_http_remote_write_refused_without_operator_token(store):
    client = _app(store).test_client()
    response = client.post("/sources", json={"id": "talks", "text": TALKS}, headers=_auth(RUN), environ_base=REMOTE)
    assert response.status_code == 403 and response.get_json()["error"]["code"] == "write_refused"


def test_ingest_http_missing_token_is_401_with_challenge(store):
    response = _app(store, INGEST_TOKEN=TOKEN).test_client().post("/sources", json={"id": "a", "text": TALKS})
    assert response.status_code == 401 and response.headers["WWW-Authenticate"].startswith("Bearer")


def test_ingest_http_json_document_is_answerable(store):
    client = _app(store, INGEST_TOKEN=TOKEN).test_client()
    response = client.post("/sources", json={"documents": [{"name": "Talks Report.txt", "text": TALKS}]},
                           headers=_auth(TOKEN))
    assert response.status_code == 200 and response.get_json()["documents"] == 1
    assert client.get("/sources/talks-report", headers={"Accept": "text/plain"}).text == TALKS
    answer = client.get("/ask", query_string={"q": "Who did Obama meet?"}).get_json()
    assert any("Putin" in a["text"] for a in answer["answers"])


def test_ingest_http_multipart_reads_like_the_cli(store):
    client = _app(store, INGEST_TOKEN=TOKEN).test_client()
    files = {"a": (io.BytesIO(TALKS.encode()), "talks.txt"),
             "b": (io.BytesIO(b'{"title": "Talks", "publisher": "Desk"}'), "talks.json"),
             "c": (io.BytesIO(b"{nope\n"), "broken.jsonl")}
    response = client.post("/sources", data=files, headers=_auth(TOKEN), content_type="multipart/form-data")
    body = response.get_json()
    assert response.status_code == 400 and body["error"]["message"].startswith("broken.jsonl:1: invalid JSON")
    assert body["error"]["report"]["documents"] == 1
    assert client.get("/sources/talks").get_json()["publisher"] == "Desk"


def test_ingest_http_oversized_document_is_413_by_name_others_ingested(store):
    client = _app(store, INGEST_TOKEN=TOKEN, MAX_DOCUMENT_BYTES=2000).test_client()
    docs = [{"id": "big", "text": TALKS * 60, "origin": "big.txt"}, {"id": "small", "text": TALKS}]
    response = client.post("/sources", json={"documents": docs}, headers=_auth(TOKEN))
    error = response.get_json()["error"]
    assert response.status_code == 413 and error["code"] == "document_too_large"
    assert error["message"].startswith("big.txt: ") and error["report"]["documents"] == 1


def test_ingest_http_upload_bound_is_not_the_request_bound(store):
    client = _app(store, INGEST_TOKEN=TOKEN, MAX_REQUEST_BYTES=1000).test_client()
    response = client.post("/sources", json={"id": "long", "text": TALKS * 100}, headers=_auth(TOKEN))
    assert response.status_code == 200, response.get_json()


def test_ingest_http_request_over_both_bounds_is_413(store):
    client = _app(store, INGEST_TOKEN=TOKEN, MAX_REQUEST_BYTES=1000, MAX_DOCUMENT_BYTES=1000).test_client()
    response = client.post("/sources", json={"id": "long", "text": TALKS * 100}, headers=_auth(TOKEN))
    assert response.status_code == 413 and response.get_json()["error"]["code"] == "request_too_large"


def test_ingest_http_slug_collision_refused_by_name(store):
    client = _app(store, INGEST_TOKEN=TOKEN).test_client()
    client.post("/sources", json={"name": "Talks Report.txt", "text": TALKS}, headers=_auth(TOKEN))
    response = client.post("/sources", json={"name": "talks-report.txt", "text": "Merkel met Hollande."},
                           headers=_auth(TOKEN))
    assert response.status_code == 400 and "Talks Report.txt" in response.get_json()["error"]["message"]


def test_ingest_http_delete_removes_the_document(store):
    client = _app(store, INGEST_TOKEN=TOKEN).test_client()
    client.post("/sources", json={"id": "talks", "text": TALKS}, headers=_auth(TOKEN))
    assert client.delete("/sources/talks", headers=_auth(TOKEN)).status_code == 200
    assert client.get("/sources/talks").status_code == 404
    assert client.delete("/sources/talks", headers=_auth(TOKEN)).status_code == 404


@pytest.mark.parametrize("method", ["POST", "DELETE"])
def test_ingest_http_writing_preflight_gets_no_cors(store, method):
    client = _app(store, INGEST_TOKEN=TOKEN).test_client()
    response = client.options("/sources/talks" if method == "DELETE" else "/sources",
                              headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": method})
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("body,kind", [(b"plain words", "text/plain"), (b"{nope", "application/json"),
                                       (b'{"documents": []}', "application/json")])
def test_ingest_http_bad_bodies_are_4xx(store, body, kind):
    client = _app(store, INGEST_TOKEN=TOKEN).test_client()
    response = client.post("/sources", data=body, content_type=kind, headers=_auth(TOKEN))
    assert response.status_code in (400, 415) and "error" in response.get_json()


def test_ingest_http_name_index_follows_the_write(store):
    client = _app(store, INGEST_TOKEN=TOKEN).test_client()
    client.post("/sources", json={"id": "other", "text": "Merkel met Hollande in Paris on Friday."},
                headers=_auth(TOKEN))
    before = client.get("/ask", query_string={"q": "Who did Obama meet?"}).get_json()
    client.post("/sources", json={"id": "talks", "text": TALKS}, headers=_auth(TOKEN))
    after = client.get("/ask", query_string={"q": "Who did Obama meet?"}).get_json()
    assert not any("Putin" in a["text"] for a in before["answers"])
    assert any("Putin" in a["text"] for a in after["answers"])
