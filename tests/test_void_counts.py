
"""The VoID description's numbers equal what the store holds, counted here without SPARQL (by walking
every quad of the embedded store), and one void:subset describes each document graph."""
import pyoxigraph as ox
import pytest
from pyoxigraph import NamedNode

from service.vocab import RDF_TYPE
from service.web import kgqa_of
from tests.support import BASE

VOID = "http://rdfs.org/ns/void#"
DATASET = NamedNode(BASE + ".well-known/void#dataset")


def void_graph(client, accept="text/turtle") -> list[ox.Triple]:
    response = client.get("/.well-known/void", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    fmt = {"text/turtle": ox.RdfFormat.TURTLE, "application/ld+json": ox.RdfFormat.JSON_LD}[accept]
    return list(ox.parse(response.data, format=fmt))


def value(triples, subject, name) -> int:
    found = [int(t.object.value) for t in triples if t.subject == subject and t.predicate == NamedNode(VOID + name)]
    assert len(found) == 1, (subject, name, found)
    return found[0]


def walk(client):
    """Every quad of the store, from pyoxigraph itself: the independent count."""
    return list(kgqa_of(client.application).store.ox.quads_for_pattern(None, None, None, None))


def test_void_totals_equal_the_store(graph_client):
    quads = walk(graph_client)
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    void = void_graph(graph_client)
    expected = {
        "triples": len(triples), "distinctSubjects": len({t[0] for t in triples}),
        "distinctObjects": len({t[2] for t in triples}), "properties": len({t[1] for t in triples}),
        "classes": len({t[2] for t in triples if t[1] == RDF_TYPE}),
        "entities": len({t[0] for t in triples if t[0].value.startswith(BASE + "entities/")}),
    }
    assert {name: value(void, DATASET, name) for name in expected} == expected


def test_void_one_subset_per_document_graph(graph_client):
    quads = walk(graph_client)
    void = void_graph(graph_client)
    subsets = [t.object for t in void if t.subject == DATASET and t.predicate == NamedNode(VOID + "subset")]
    graphs = {q.graph_name for q in quads if isinstance(q.graph_name, NamedNode)}
    source_of = {t.subject: t.object for t in void if t.predicate.value == "http://purl.org/dc/terms/source"}
    assert {source_of[s] for s in subsets} == graphs
    for subset in subsets:
        in_graph = [q for q in quads if q.graph_name == source_of[subset]]
        assert value(void, subset, "triples") == len(in_graph)
        assert value(void, subset, "distinctSubjects") == len({q.subject for q in in_graph})


def test_void_partitions_equal_the_store(graph_client):
    triples = {(q.subject, q.predicate, q.object) for q in walk(graph_client)}
    void = void_graph(graph_client)
    for t in void:
        if t.predicate == NamedNode(VOID + "property"):
            assert value(void, t.subject, "triples") == sum(1 for x in triples if x[1] == t.object)
        if t.predicate == NamedNode(VOID + "class"):
            assert value(void, t.subject, "entities") == len({x[0] for x in triples if x[1:] == (RDF_TYPE, t.object)})


def test_void_jsonld_says_the_same_as_turtle(graph_client):
    assert set(void_graph(graph_client, "application/ld+json")) == set(void_graph(graph_client))


@pytest.mark.parametrize("accept", ["application/pdf", "text/html"])
def test_void_unacceptable_type_is_406(summits_client, accept):
    response = summits_client.get("/.well-known/void", headers={"Accept": accept})
    assert response.status_code == 406 and response.get_json()["error"]["code"] == "not_acceptable"
