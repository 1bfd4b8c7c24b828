"""graph: the document node, its extraction activity, passages and actors as ontology/README.md says."""
from pathlib import Path

import pytest
from pyoxigraph import Literal

from service import iris
from service.ingest.pipeline import ingest_paths
from service.vocab import PREFIXES
from tests.support import extractor

ARTICLES = Path(__file__).parent / "data" / "articles"
BASE = "http://kgqa.test/"
PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


@pytest.fixture
def wire(store):
    ingest_paths([str(ARTICLES / "summit-wire-a.txt")], store, extractor())
    return store


def test_graph_document_node(wire):
    row, = wire.select(PREFIX + """SELECT * WHERE { GRAPH ?g {
      ?doc a kg:Document, schema:NewsArticle, nif:Context ; dcterms:identifier ?id ; dcterms:title ?title ;
           schema:publisher ?publisher ; schema:author ?author ; schema:datePublished ?published ;
           nif:isString ?text ; kg:contentHash ?hash ; prov:wasGeneratedBy ?x .
      ?x a kg:Extraction, prov:Activity ; kg:pipelineVersion ?version ; prov:used ?doc } }""")
    assert row["g"] == row["doc"] == iris.document(BASE, "summit-wire-a")
    assert row["text"].value == (ARTICLES / "summit-wire-a.txt").read_text(encoding="utf-8")
    assert (row["publisher"].value, row["author"].value) == ("Example Wire", "Jane Doe")
    assert row["published"].datatype.value.endswith("#date") and row["published"].value == "2015-09-29"
    assert row["version"].value == extractor().version and len(row["hash"].value) == 64


@pytest.mark.parametrize("label, kind", [
    ("Barack Obama", "Person"), ("Russia", "Country"), ("UN General Assembly", "Occasion"),
])
def test_graph_actors_typed_and_labelled(wire, label, kind):
    rows = wire.select(PREFIX + "SELECT ?a ?k ?l WHERE { ?a a kg:Actor, ?k ; rdfs:label ?l }", {"l": Literal(label)})
    assert any(r["k"].value.endswith("#" + kind) for r in rows)


def test_graph_mentions_point_at_actors(wire):
    rows = wire.select(PREFIX + """SELECT ?anchor ?label WHERE {
      ?p itsrdf:taIdentRef ?a ; nif:anchorOf ?anchor . ?a rdfs:label ?label }""")
    pairs = {(r["anchor"].value, r["label"].value) for r in rows}
    assert ("Barack Obama", "Barack Obama") in pairs and ("The two presidents", "Vladimir Putin") in pairs


def test_graph_role_facts(wire):
    rows = wire.select(PREFIX + """SELECT ?title ?org WHERE {
      ?r a kg:Role ; kg:holder/rdfs:label "John Kerry" ; kg:title ?title ; kg:organization/rdfs:label ?org ;
         kg:evidence ?e }""")
    assert {(r["title"].value, r["org"].value) for r in rows} == {("Secretary of State", "United States")}


@pytest.mark.parametrize("name", ["summit-wire-a.txt", "summit-daily-b.txt", "scraped-ministers.txt"])
def test_graph_nquads_as_serialized(name):
    """The workers' N-Quads text is byte for byte what pyoxigraph's serializer writes for the quads."""
    from pyoxigraph import RdfFormat, serialize

    from service.ingest import graph
    from service.ingest.pipeline import IngestReport, read_all

    documents = read_all([str(ARTICLES / name)], IngestReport())
    (_, ex, doc), = extractor().stream(documents)
    data, n = graph.nquads(ex, BASE, "v", doc)
    quads = graph.quads(ex, BASE, "v", doc)
    assert ex.facts and n == len(quads) and data == serialize(quads, format=RdfFormat.N_QUADS)
