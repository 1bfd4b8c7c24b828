"""The VoID description points at this server's SPARQL endpoint and at dumps that answer."""
import pyoxigraph as ox
from pyoxigraph import NamedNode

from tests.support import BASE

VOID = "http://rdfs.org/ns/void#"


def test_void_links_dumps_and_endpoint(summits_client):
    void = list(ox.parse(summits_client.get("/.well-known/void").data, format=ox.RdfFormat.TURTLE))
    dumps = [t.object.value for t in void if t.predicate == NamedNode(VOID + "dataDump")]
    endpoints = [t.object.value for t in void if t.predicate == NamedNode(VOID + "sparqlEndpoint")]
    assert endpoints == [BASE + "sparql"]
    assert len(dumps) == 2 + 2 * 2  # the whole dataset and each of the two documents, N-Quads and TriG
    for url in dumps:
        response = summits_client.get(url[len(BASE) - 1:])
        assert response.status_code == 200 and response.mimetype in ("application/n-quads", "application/trig")
        assert list(ox.parse(response.get_data(), format=ox.RdfFormat.from_media_type(response.mimetype)))
