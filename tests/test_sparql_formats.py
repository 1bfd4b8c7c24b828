"""Content negotiation on /sparql: each query form in each of its formats, by Accept, through GET,
form POST and direct POST; the dataset from the request; the union default graph otherwise."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest

from service.store.embedded import EmbeddedStore

G1, G2 = "http://example.org/g1", "http://example.org/g2"


@pytest.fixture
def client(store, make_app):
    store.ox.extend([
        ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"), ox.Literal("one"),
                ox.NamedNode(G1)),
        ox.Quad(ox.NamedNode("http://example.org/b"), ox.NamedNode("http://example.org/p"), ox.Literal("two"),
                ox.NamedNode(G2)),
    ])
    return make_app().test_client()


def rows(media: str, body: bytes) -> list:
    if media == "application/sparql-results+json":
        return json.loads(body)["results"]["bindings"]
    if media == "application/sparql-results+xml":
        return [el for el in ET.fromstring(body).iter() if el.tag.endswith("}result")]
    if media == "text/csv":
        return list(csv.reader(io.StringIO(body.decode(), newline="")))[1:]
    return body.decode().splitlines()[1:]


SELECT = "SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o }"


@pytest.mark.parametrize("accept, media", [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/html;q=0.9, text/csv", "text/csv"),
])
def test_sparql_formats_select_by_accept(client, accept, media):
    response = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.mimetype == media
    assert len(rows(media, response.data)) == 2  # both graphs: the default graph is their union


@pytest.mark.parametrize("accept, fmt", [
    (None, ox.RdfFormat.TURTLE), ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES), ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
])
@pytest.mark.parametrize("query", ["CONSTRUCT WHERE { ?s ?p ?o }", "DESCRIBE ?s WHERE { ?s ?p ?o }"])
def test_sparql_formats_graphs_by_accept(client, accept, fmt, query):
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.mimetype == fmt.media_type
    assert len(list(ox.parse(response.data, format=fmt))) == 2


@pytest.mark.parametrize("send", [
    lambda c, q, p: c.get("/sparql", query_string={"query": q, **p}),
    lambda c, q, p: c.post("/sparql", data={"query": q, **p}),
    lambda c, q, p: c.post("/sparql", query_string=p, data=q, content_type="application/sparql-query"),
], ids=["GET", "form POST", "direct POST"])
@pytest.mark.parametrize("params, expected", [
    ({}, 2),
    ({"default-graph-uri": G1}, 1),
    ({"default-graph-uri": [G1, G2]}, 2),
    ({"named-graph-uri": G1}, 0),  # a dataset with named graphs only has an empty default graph
])
def test_sparql_formats_dataset_from_the_request(client, send, params, expected):
    response = send(client, SELECT, params)
    assert response.status_code == 200, response.data
    assert len(rows("application/sparql-results+json", response.data)) == expected


@pytest.mark.parametrize("query, expected", [
    (f"SELECT ?s WHERE {{ GRAPH <{G2}> {{ ?s ?p ?o }} }}", 1),
    (f"SELECT ?s FROM <{G1}> WHERE {{ ?s ?p ?o }}", 1),
    (f"SELECT ?g FROM NAMED <{G1}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", 1),
])
def test_sparql_formats_query_dataset_respected(client, query, expected):
    response = client.get("/sparql", query_string={"query": query})
    assert len(rows("application/sparql-results+json", response.data)) == expected


def test_sparql_formats_relative_iris_resolve_against_the_endpoint(client):
    response = client.post("/sparql", data="CONSTRUCT { <s> <p> 1 } WHERE {}",
                           content_type="application/sparql-query", headers={"Accept": "application/n-triples"})
    assert response.data.decode().startswith("<http://localhost/s> <http://localhost/p>")


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/csv", "text/tab-separated-values"])
def test_sparql_formats_ask_in_each_results_format(client, accept):
    response = client.get("/sparql", query_string={"query": "ASK { ?s ?p 'two' }"}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    assert b"true" in response.data


def test_sparql_formats_in_memory_store_answers_too():
    from service.web import create_app

    memory = EmbeddedStore(None)
    memory.ox.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("x"),
                          ox.NamedNode(G1)))
    response = create_app({"STORE_OBJECT": memory, "TESTING": True}).test_client().get(
        "/sparql", query_string={"query": SELECT.replace("http://example.org/p", "http://e/p")})
    assert len(rows("application/sparql-results+json", response.data)) == 1


def test_sparql_formats_turtle_uses_the_query_prefixes(client):
    query = "PREFIX ex: <http://example.org/> CONSTRUCT { ?s ex:p ?o } WHERE { ?s ex:p ?o }"
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "text/turtle"})
    assert response.data.startswith(b"@prefix ex: <http://example.org/> .")
