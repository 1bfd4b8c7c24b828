
"""Every IRI the graph mints dereferences: each entity IRI (as subject or object) and each document IRI
answers 200 with RDF that says something about it."""
import pyoxigraph as ox
from pyoxigraph import NamedNode

from service.web import kgqa_of
from tests.support import BASE


def minted(client, prefix: str) -> list[str]:
    rows = kgqa_of(client.application).store.select(
        "SELECT DISTINCT ?x WHERE { { ?x ?p ?o } UNION { ?s ?p ?x } FILTER(isIRI(?x) && STRSTARTS(STR(?x), ?prefix)) }"
        .replace("?prefix", f'"{prefix}"'))
    return sorted({r["x"].value.split("#")[0] for r in rows})


def test_entities_dereference_every_minted_entity(graph_client):
    entities = minted(graph_client, BASE + "entities/")
    assert entities
    for iri in entities:
        response = graph_client.get(iri[len(BASE) - 1:], headers={"Accept": "text/turtle"})
        assert response.status_code == 200, iri
        triples = list(ox.parse(response.data, format=ox.RdfFormat.TURTLE))
        assert any(NamedNode(iri) in (t.subject, t.object) for t in triples), iri


def test_entities_dereference_every_document(graph_client):
    documents = minted(graph_client, BASE + "sources/")
    assert documents
    for iri in documents:
        response = graph_client.get(iri[len(BASE) - 1:], headers={"Accept": "text/turtle"})
        assert response.status_code == 200, iri
        assert any(t.subject == NamedNode(iri) for t in ox.parse(response.data, format=ox.RdfFormat.TURTLE))
