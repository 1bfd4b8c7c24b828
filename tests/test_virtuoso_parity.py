"""The seeds on OpenLink Virtuoso as on the embedded store: the same quads written (by Graph Store PUTs),
every seed question and template example answered identically, and the web API (/ask, /sparql in every
format, /healthz, VoID, dumps) serving the same documents. A private Virtuoso is started
(tests/support/virtuoso.py); without one installed these tests skip, or fail under KGQA_REQUIRE_VIRTUOSO=1."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from service.web import create_app
from tests.support import BASE, kgqa

from .test_remote_parity import EXAMPLES, QUESTIONS, graphs, isomorphic, outcome
from .test_remote_sparql import CONSTRUCT, GRAPHS, RESULTS, SELECT


@pytest.fixture(scope="module")
def apps(seeded_app, virtuoso_seeded_store):
    """The embedded seeded app and an app over the seeded Virtuoso."""
    return seeded_app, create_app({"TESTING": True}, kgqa=kgqa(virtuoso_seeded_store))


def both(apps, path, **kw) -> list[bytes]:
    responses = [app.test_client().get(path, **kw) for app in apps]
    assert [r.status_code for r in responses] == [200, 200], [r.get_data(as_text=True)[:300] for r in responses]
    return [r.get_data() for r in responses]


def triples(data: bytes) -> set:
    return set(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


def test_virtuoso_ingest_writes_the_same_quads(seeded_store, virtuoso_seeded_store):
    embedded, remote = graphs(seeded_store), graphs(virtuoso_seeded_store)
    assert embedded.keys() == remote.keys() and embedded
    for name in embedded:
        assert isomorphic(embedded[name], remote[name]), name


@pytest.mark.parametrize("question", QUESTIONS, ids=[q["id"] for q in QUESTIONS])
def test_virtuoso_seed_question_same_answers(seeded_store, virtuoso_seeded_store, question):
    assert outcome(virtuoso_seeded_store, question["q"]) == outcome(seeded_store, question["q"])


@pytest.mark.parametrize("template, question", EXAMPLES, ids=[f"{t}:{q}" for t, q in EXAMPLES])
def test_virtuoso_template_example_same_answers(seeded_store, virtuoso_seeded_store, template, question):
    assert outcome(virtuoso_seeded_store, question) == outcome(seeded_store, question)


def test_virtuoso_ask_http_same_document(apps):
    embedded, remote = both(apps, "/ask", query_string={"q": "Who met Putin?"}, headers={"Accept": "application/json"})
    assert embedded == remote and b'"answers"' in embedded


def test_virtuoso_healthz_counts_the_documents_graphs_only(apps):
    """Virtuoso's own system graphs (thousands of triples) are not counted."""
    embedded, remote = (app.test_client().get("/healthz").get_json() for app in apps)
    assert (remote["sources"], remote["triples"]) == (embedded["sources"], embedded["triples"]) > (0, 0)


def test_virtuoso_void_same_as_embedded(apps):
    embedded, remote = both(apps, "/.well-known/void", headers={"Accept": "application/n-triples"})
    assert triples(embedded) == triples(remote)


@pytest.mark.parametrize("media_type", ["application/n-quads", "application/trig"])
def test_virtuoso_dump_same_quads(apps, media_type):
    fmt = ox.RdfFormat.from_media_type(media_type)
    embedded, remote = (set(ox.parse(data, format=fmt)) for data in both(apps, "/dump", headers={"Accept": media_type}))
    assert embedded == remote and embedded


def test_virtuoso_source_graph_same_triples(apps):
    doc_id = apps[0].test_client().get("/sources").get_json()["sources"][0]["id"]
    embedded, remote = both(apps, f"/sources/{doc_id}/graph", headers={"Accept": "application/n-triples"})
    assert triples(embedded) == triples(remote)


@pytest.mark.parametrize("media_type", RESULTS)
def test_virtuoso_sparql_select_same_rows(apps, media_type):
    """TSV included: Virtuoso's own is not SPARQL TSV, so kgqa writes it from Virtuoso's JSON."""
    # the documents' graphs (a user's query sees Virtuoso's own graphs too)
    query = SELECT.replace("?s ?p ?o", f"GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), {BASE!r}))")
    data = both(apps, "/sparql", query_string={"query": query}, headers={"Accept": media_type})
    rows = [[tuple(s) for s in ox.parse_query_results(d, format=RESULTS[media_type])] for d in data]
    assert rows[0] == rows[1] and len(rows[0]) > 5


@pytest.mark.parametrize("media_type", GRAPHS)
def test_virtuoso_sparql_construct_same_graph(apps, media_type):
    fmt = ox.RdfFormat.from_media_type(media_type)
    data = both(apps, "/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": media_type})
    embedded, remote = ({q.triple for q in ox.parse(d, format=fmt)} for d in data)
    assert embedded == remote and len(embedded) > 5
