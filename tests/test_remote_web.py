"""The web API on a remote store: with the endpoint stopped, /ask and /healthz answer 503 with the
canonical JSON error naming the endpoint, at once (no hang)."""
from __future__ import annotations

import pytest
from pyoxigraph import NamedNode

from service.web import create_app
from tests.support import BASE


def client_on(endpoint: str):
    return create_app({"ENDPOINT": endpoint, "ENDPOINT_TIMEOUT": 2, "BASE_IRI": BASE, "TESTING": True}).test_client()


@pytest.mark.parametrize("path", ["/healthz", "/ask?q=Who+proposed+what+at+the+UN+meeting%3F"])
def test_remote_web_down_endpoint_is_503_json(down_endpoint, path):
    response = client_on(down_endpoint).get(path, headers={"Accept": "application/json"})
    assert response.status_code == 503
    error = response.get_json()["error"]
    assert error["code"] == "store_unavailable" and f"{down_endpoint} cannot be reached" in error["message"]


def test_remote_web_healthz_counts_the_remote_triples(remote_store, oxigraph_server):
    remote_store.load(b'<http://example.org/a> <http://example.org/p> "x", "y" .', "text/turtle",
                      NamedNode("http://example.org/g"))
    response = client_on(oxigraph_server.query).get("/healthz")
    assert response.status_code == 200 and response.get_json()["triples"] == 2
