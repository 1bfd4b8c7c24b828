"""/sparql gives the same answers on the embedded store and on a remote store (a real `oxigraph
serve`): results, graphs, the protocol dataset and the result-size limit."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from pyoxigraph import NamedNode

from service.web import create_app, kgqa_of

DATA = b"""<http://example.org/a> <http://example.org/p> "one" .
<http://example.org/b> <http://example.org/p> "two" .
"""
G1, G2 = "http://example.org/g1", "http://example.org/g2"


@pytest.fixture
def client(any_store):
    any_store.load(DATA.splitlines()[0], "application/n-triples", NamedNode(G1))
    any_store.load(DATA.splitlines()[1], "application/n-triples", NamedNode(G2))
    app = create_app({"STORE_OBJECT": any_store, "TESTING": True, "QUERY_MAX_ROWS": 3})
    yield app.test_client()
    kgqa_of(app).close()


def bindings(response) -> set:
    assert response.status_code == 200, response.data
    return {json.dumps(row, sort_keys=True) for row in response.json["results"]["bindings"]}


@pytest.mark.parametrize("params, count", [({}, 2), ({"default-graph-uri": G1}, 1)])
def test_sparql_stores_select_alike(client, params, count):
    response = client.get("/sparql", query_string={"query": "SELECT ?s ?o WHERE { ?s ?p ?o }", **params})
    assert len(bindings(response)) == count


def test_sparql_stores_construct_alike(client):
    response = client.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                          headers={"Accept": "application/n-triples"})
    assert set(ox.parse(response.data, format=ox.RdfFormat.N_TRIPLES)) == set(
        ox.parse(DATA, format=ox.RdfFormat.N_TRIPLES))


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv"])
def test_sparql_stores_result_size_limit_alike(client, accept):
    query = "SELECT * WHERE { ?s ?p ?o VALUES ?n { 1 2 } }"  # 4 rows, over the limit of 3
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert response.status_code == 413
    assert response.json["error"]["code"] == "result_too_large"
