
"""Dumps parse back into exactly the quads the store holds: the whole dataset (/dump) and each
document's named graph (/sources/<id>/graph, and /sources/<id> by Accept)."""
import pyoxigraph as ox
import pytest
from pyoxigraph import NamedNode

from service.web import kgqa_of
from tests.support import BASE

DATASET = {"application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG}
GRAPH = {**DATASET, "text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
         "application/ld+json": ox.RdfFormat.JSON_LD}


def held(client, graph=None) -> set:
    quads = kgqa_of(client.application).store.ox.quads_for_pattern(None, None, None, graph)
    return set(quads)


def documents(client) -> list[str]:
    return [s["id"] for s in client.get("/sources").get_json()["sources"]]


@pytest.mark.parametrize("accept", DATASET)
def test_dumps_whole_dataset_round_trips(graph_client, accept):
    response = graph_client.get("/dump", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept and response.is_streamed
    assert set(ox.parse(response.get_data(), format=DATASET[accept])) == held(graph_client)


@pytest.mark.parametrize("name,media_type", [("nquads", "application/n-quads"), ("trig", "application/trig")])
def test_dumps_format_parameter(summits_client, name, media_type):
    response = summits_client.get(f"/dump?format={name}", headers={"Accept": "text/html"})
    assert response.status_code == 200 and response.mimetype == media_type
    assert response.headers["Content-Disposition"].endswith(f'.{ {"nquads": "nq"}.get(name, name)}"')


@pytest.mark.parametrize("media_type", GRAPH)
@pytest.mark.parametrize("route", ["/sources/{}", "/sources/{}/graph"])
def test_dumps_each_document_graph_round_trips(graph_client, media_type, route):
    for doc_id in documents(graph_client):
        graph = NamedNode(BASE + "sources/" + doc_id)
        response = graph_client.get(route.format(doc_id), headers={"Accept": media_type})
        assert response.status_code == 200 and response.mimetype == media_type
        parsed = set(ox.parse(response.get_data(), format=GRAPH[media_type]))
        if media_type in DATASET:  # the graph keeps its name, so loading the dump restores it
            assert parsed == held(graph_client, graph)
        else:
            assert {q.triple for q in parsed} == {q.triple for q in held(graph_client, graph)}


@pytest.mark.parametrize("url,status", [("/sources/nobody/graph", 404), ("/dump?format=turtle", 400),
                                        ("/sources/summit-a/graph?format=xml", 400)])
def test_dumps_bad_requests_get_json_errors(summits_client, url, status):
    response = summits_client.get(url)
    assert response.status_code == status and set(response.get_json()["error"]) >= {"code", "message"}


def test_dumps_unacceptable_type_is_406(summits_client):
    response = summits_client.get("/dump", headers={"Accept": "text/turtle"})
    assert response.status_code == 406
    assert response.get_json()["error"]["acceptable"] == ["application/n-quads", "application/trig"]
