"""Documents written by one SPARQL 1.1 Graph Store Protocol PUT (KGQA_GRAPH_STORE_ENDPOINT) on a real
`oxigraph serve` (its /store): the graph replaced whole, blank nodes kept within it, and a wrong URL
refused with an error that names the setting."""
from __future__ import annotations

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from service.errors import StoreUnavailable
from service.store.remote import RemoteStore

G = NamedNode("http://example.org/doc")
P = NamedNode("http://example.org/p")


def put_store(server, path: str = "/store") -> RemoteStore:
    return RemoteStore(server.query, server.update, graph_store=server.url + path, timeout=10)


@pytest.mark.parametrize("blank", [False, True])
def test_remote_graph_store_put_replaces_the_graph(oxigraph_server, remote_store, blank):
    store = put_store(oxigraph_server)
    node = BlankNode() if blank else NamedNode("http://example.org/node")
    store.replace_graph(G, [Quad(NamedNode("http://example.org/old"), P, Literal("gone"), G)])
    store.replace_graph(G, [Quad(NamedNode("http://example.org/s"), P, node, G), Quad(node, P, Literal("x"), G)])
    rows = store.select("SELECT ?s ?o WHERE { GRAPH <http://example.org/doc> { ?s ?p ?o } }")
    assert len(rows) == 2 and {str(r["o"]) for r in rows} >= {'"x"'}
    assert store.ask("ASK { ?s <http://example.org/p> ?n . ?n <http://example.org/p> \"x\" }")


def test_remote_graph_store_wrong_url_names_the_setting(oxigraph_server, remote_store):
    with pytest.raises(StoreUnavailable, match="KGQA_GRAPH_STORE_ENDPOINT"):
        put_store(oxigraph_server, "/no-such-service").replace_graph(G, [Quad(G, P, Literal("x"), G)])
