"""GET /sparql with no query: the service description (sd: vocabulary) for machines, the query page
for people; the page's assets are served by this server (no CDN) and its examples run."""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from service.qa.templates import CATALOGUE
from service.sparql import examples

SD = "http://www.w3.org/ns/sparql-service-description#"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def client(store, make_app):
    store.ox.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                         ox.Literal("o"), ox.NamedNode("http://example.org/graph")))
    return make_app(QUERY_TIMEOUT=7).test_client()


@pytest.mark.parametrize("accept, fmt", [
    (None, ox.RdfFormat.TURTLE), ("*/*", ox.RdfFormat.TURTLE), ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES), ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
])
def test_sparql_description_by_accept(client, accept, fmt):
    response = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200 and response.mimetype == fmt.media_type
    triples = list(ox.parse(response.data, format=fmt))
    service = next(t.subject for t in triples if t.object == ox.NamedNode(SD + "Service"))

    def values(prop):
        return {t.object for t in triples if t.subject == service and t.predicate == ox.NamedNode(SD + prop)}

    assert values("endpoint") == {ox.NamedNode("http://localhost/sparql")}
    assert values("supportedLanguage") == {ox.NamedNode(SD + "SPARQL11Query")}
    assert ox.NamedNode(SD + "UnionDefaultGraph") in values("feature")
    assert ox.NamedNode("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in values("resultFormat")
    names = {t.object for t in triples if t.predicate == ox.NamedNode(SD + "name")}
    assert names == {ox.NamedNode("http://example.org/graph")}


def test_sparql_description_406_names_the_formats(client):
    response = client.get("/sparql", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "text/turtle" in response.json["error"]["acceptable"]


def test_sparql_description_page_for_a_browser(client):
    response = client.get("/sparql", headers={"Accept": BROWSER})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.data.decode()
    assert "<textarea" in page and "at most 7 s" in page
    for example in examples.catalog(CATALOGUE):
        assert f'value="{example.id}"' in page


def test_sparql_description_page_assets_local(client):
    page = client.get("/sparql", headers={"Accept": BROWSER}).data.decode()
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', page)
    assert assets and all(a.startswith("/") and not a.startswith("//") for a in assets)
    for asset in assets:
        body = client.get(asset).data.decode()
        assert body and "http://" not in body and "https://" not in body


@pytest.mark.parametrize("example", examples.catalog(CATALOGUE), ids=lambda e: e.id)
def test_sparql_description_examples_run(client, example):
    response = client.post("/sparql", data={"query": example.query})
    assert response.status_code == 200, response.data


def test_sparql_description_examples_include_question_templates():
    assert any(e.id.startswith("template-") for e in examples.catalog(CATALOGUE))


def test_sparql_description_page_for_a_link_with_a_query(client):
    response = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": BROWSER})
    assert response.mimetype == "text/html"  # the page's script puts ?query= in the editor
    machine = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "*/*"})
    assert machine.mimetype == "application/sparql-results+json"


@pytest.mark.parametrize("example_id", ["sources", "fact-kinds", "positions-quoted", "template-proposals",
                                        "template-meetings"])
def test_sparql_description_examples_find_facts_in_the_seeds(seeded_client, example_id):
    example = next(e for e in examples.catalog(CATALOGUE) if e.id == example_id)
    response = seeded_client.post("/sparql", data={"query": example.query})
    assert response.status_code == 200, response.data
    assert response.json["results"]["bindings"]


def test_sparql_description_sources_example_reads_publishers(seeded_client):
    """The sources example names schema.org as the graph does (https), so publishers are found."""
    example = next(e for e in examples.catalog(CATALOGUE) if e.id == "sources")
    rows = seeded_client.post("/sparql", data={"query": example.query}).json["results"]["bindings"]
    assert any("publisher" in row for row in rows)

