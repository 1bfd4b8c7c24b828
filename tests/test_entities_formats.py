
"""GET /entities/<id> in each RDF format, by Accept and by ?format=: the body parses, and holds exactly
the statements the store's document graphs make about the entity."""
import pyoxigraph as ox
import pytest
from pyoxigraph import NamedNode

from service.vocab import PREFIXES
from service.web import kgqa_of

PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
KINDS = {"actor": "?e a kg:Actor", "fact": "?e a kg:Fact ; kg:evidence ?p", "occasion": "?e a kg:Occasion"}
FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES, "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}


def store_of(client):
    return kgqa_of(client.application).store


def one_entity(client, kind: str) -> NamedNode:
    rows = store_of(client).select(PREFIX + f"SELECT DISTINCT ?e WHERE {{ {KINDS[kind]} }} ORDER BY ?e LIMIT 1")
    if not rows:
        pytest.skip(f"no {kind} in this graph")
    return rows[0]["e"]


def own_quads(client, iri: NamedNode) -> set[tuple]:
    rows = store_of(client).select("SELECT ?e ?p ?o ?g WHERE { GRAPH ?g { ?e ?p ?o } }", {"e": iri})
    return {(iri, r["p"], r["o"], r["g"]) for r in rows}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("media_type", FORMATS)
def test_entities_format_by_accept_holds_the_entitys_statements(graph_client, kind, media_type):
    iri = one_entity(graph_client, kind)
    response = graph_client.get("/entities/" + iri.value.rsplit("/", 1)[1], headers={"Accept": media_type})
    assert response.status_code == 200 and response.mimetype == media_type
    parsed = list(ox.parse(response.data, format=FORMATS[media_type]))
    expected = own_quads(graph_client, iri)
    if media_type in ("application/n-quads", "application/trig"):  # which document says what is kept
        got = {(q.subject, q.predicate, q.object, q.graph_name) for q in parsed if q.subject == iri}
        assert got == expected
    else:
        got = {(t.subject, t.predicate, t.object) for t in parsed if t.subject == iri}
        assert got == {q[:3] for q in expected}


@pytest.mark.parametrize("name,media_type", [("turtle", "text/turtle"), ("jsonld", "application/ld+json"),
                                             ("ntriples", "application/n-triples")])
def test_entities_format_parameter_overrides_accept(graph_client, name, media_type):
    local = one_entity(graph_client, "actor").value.rsplit("/", 1)[1]
    response = graph_client.get(f"/entities/{local}?format={name}", headers={"Accept": "text/html"})
    assert response.status_code == 200 and response.mimetype == media_type


@pytest.mark.parametrize("accept,media_type", [
    ("", "text/turtle"), ("*/*", "text/turtle"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ("application/ld+json;q=0.9, text/turtle;q=0.5", "application/ld+json"),
])
def test_entities_format_negotiated(graph_client, accept, media_type):
    local = one_entity(graph_client, "actor").value.rsplit("/", 1)[1]
    response = graph_client.get(f"/entities/{local}", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200 and response.mimetype == media_type
    assert "Accept" in response.headers["Vary"]


def test_entities_jsonld_is_compacted_with_the_vocabulary_prefixes(summits_client):
    body = summits_client.get("/entities/proposal-bbb", headers={"Accept": "application/ld+json"}).get_json()
    node = next(n for n in body["@graph"] if n["@id"] == "entity:proposal-bbb")
    assert body["@context"]["kg"] == PREFIXES["kg"] and "kg:Proposal" in node["@type"]


def test_entities_jsonld_large_graphs_are_expanded_and_equal(summits_client, monkeypatch):
    from service.read import linked

    compact = summits_client.get("/entities/proposal-bbb", headers={"Accept": "application/ld+json"}).data
    monkeypatch.setattr(linked, "JSONLD_COMPACT_MAX", 3)
    expanded = summits_client.get("/entities/proposal-bbb", headers={"Accept": "application/ld+json"}).data
    assert b"@context" in compact and b"@context" not in expanded
    parse = lambda data: {q.triple for q in ox.parse(data, format=ox.RdfFormat.JSON_LD)}  # noqa: E731
    assert parse(compact) == parse(expanded)
