"""An endpoint that is down, silent, misconfigured or answering garbage gives a clear domain error naming
it, within the timeout; never a hang or a stack trace."""
from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from service.errors import ConfigError, QuerySyntaxError, StoreUnavailable
from service.settings import Settings
from service.store import open_store
from service.store.remote import RemoteStore

G = NamedNode("http://example.org/doc")
QUADS = [Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), Literal("o"), G)]
DEAD = "http://127.0.0.1:9/query"  # the discard port: nothing listens on loopback


def reads(store):
    return [lambda: store.select("SELECT * WHERE { ?s ?p ?o }"), lambda: store.ask("ASK { ?s ?p ?o }"),
            lambda: store.construct("CONSTRUCT WHERE { ?s ?p ?o }"), store.count_triples,
            lambda: store.execute("SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+json")]


@pytest.mark.parametrize("action", range(5))
def test_remote_down_endpoint_read_names_it(action):
    store = RemoteStore(DEAD, timeout=2)
    with pytest.raises(StoreUnavailable, match="127.0.0.1:9/query cannot be reached"):
        reads(store)[action]()


def test_remote_down_endpoint_write_gives_up_after_bounded_retries(monkeypatch):
    monkeypatch.setattr("service.store.remote.BACKOFF", 0.01)
    with pytest.raises(StoreUnavailable, match="cannot be reached"):
        RemoteStore(DEAD, timeout=2).replace_graph(G, QUADS)


@pytest.mark.parametrize("action", range(5))
def test_remote_silent_endpoint_times_out(silent_endpoint, action):
    store = RemoteStore(silent_endpoint, timeout=0.5)
    with pytest.raises(StoreUnavailable, match=r"did not answer within 0\.5 s"):
        reads(store)[action]()


def test_remote_silent_endpoint_times_out_on_write(silent_endpoint):
    with pytest.raises(StoreUnavailable, match="did not answer"):
        RemoteStore(silent_endpoint, timeout=0.5).replace_graph(G, QUADS)


@pytest.mark.parametrize("status, content_type, body, message", [
    (200, "text/html", b"<html><body>Welcome to nginx!</body></html>", "not SPARQL results"),
    (200, "application/sparql-results+json", b'{"head": {"vars": ["s"]}, "results": {"bindi', "not SPARQL results"),
    (200, "application/sparql-results+json", b"\x00\xff\xfe garbage", "not SPARQL results"),
    (502, "text/html", b"<h1>Bad Gateway</h1>", "answered 502"),
    (404, "text/html", b"<h1>Not Found</h1>", "404 Not Found"),
    (401, "text/plain", b"who are you?", "KGQA_ENDPOINT_AUTH"),
    (200, "application/sparql-results+json", b'{"head": {}, "boolean": true}', "got an ASK answer"),
])
def test_remote_garbage_answer_is_store_unavailable(garbage_endpoint, status, content_type, body, message):
    store = RemoteStore(garbage_endpoint(status, content_type, body), timeout=2)
    with pytest.raises(StoreUnavailable, match=message):
        store.select("SELECT * WHERE { ?s ?p ?o }")


@pytest.mark.parametrize("media_type", ["application/sparql-results+json", "application/sparql-results+xml",
                                        "text/tab-separated-values", "text/csv", "text/turtle",
                                        "application/ld+json"])
def test_remote_execute_checks_what_it_passes_on(garbage_endpoint, media_type):
    store = RemoteStore(garbage_endpoint(200, "text/html", b"<html><p>hi</p></html>"), timeout=2)
    with pytest.raises(StoreUnavailable, match="answered something that is not SPARQL results"):
        store.execute("SELECT * WHERE { ?s ?p ?o }", media_type, default_graphs=[G.value])


def test_remote_server_error_on_write_is_retried_then_reported(garbage_endpoint, monkeypatch):
    monkeypatch.setattr("service.store.remote.BACKOFF", 0.01)
    url = garbage_endpoint(503, "text/plain", b"overloaded")
    with pytest.raises(StoreUnavailable, match="answered 503"):
        RemoteStore(url, timeout=2).replace_graph(G, QUADS)
    assert len(garbage_endpoint.seen) == 4


def test_remote_sends_the_authorization_header(garbage_endpoint):
    empty = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
    url = garbage_endpoint(200, "application/sparql-results+json", empty)
    store = open_store(Settings.from_mapping({"ENDPOINT": url, "ENDPOINT_AUTH": "Basic dXNlcjpwdw==",
                                              "ENDPOINT_TIMEOUT": 2}))
    assert store.select("SELECT ?s WHERE { ?s ?p ?o }") == []
    assert garbage_endpoint.seen[-1]["Authorization"] == "Basic dXNlcjpwdw=="


def test_remote_stopped_server_is_store_unavailable(start_oxigraph):
    server = start_oxigraph()
    store = server.store(timeout=2)
    store.replace_graph(G, QUADS)
    assert store.count_triples() == 1
    server.stop()
    with pytest.raises(StoreUnavailable, match=f"{server.query} cannot be reached"):
        store.count_triples()


def test_remote_server_without_union_default_graph_is_refused(start_oxigraph):
    store = start_oxigraph(union=False).store()
    store.replace_graph(G, QUADS)
    with pytest.raises(ConfigError, match="--union-default-graph"):
        store.select("SELECT * WHERE { ?s ?p ?o }")


def test_remote_malformed_query_carries_the_server_message(remote_store):
    with pytest.raises(QuerySyntaxError, match="refused the request as malformed: .+"):
        remote_store.select("SELECT ?s WHERE { ?s ?p }")


@pytest.mark.parametrize("url", ["127.0.0.1:7878/query", "ftp://example.org/sparql", ""])
def test_remote_endpoint_must_be_an_http_url(url):
    with pytest.raises(ConfigError, match="not an http"):
        RemoteStore(url)


@pytest.mark.parametrize("media_type", ["application/ld+json", "application/rdf+xml", "text/tab-separated-values",
                                        "text/csv", "application/sparql-results+xml"])
def test_remote_execute_converts_what_the_server_cannot_write(remote_store, oxigraph_server, picky_proxy,
                                                              media_type):
    remote_store.replace_graph(G, QUADS)
    query = "CONSTRUCT WHERE { ?s ?p ?o }" if media_type in ("application/ld+json", "application/rdf+xml") \
        else "SELECT * WHERE { ?s ?p ?o }"
    picky = RemoteStore(picky_proxy(oxigraph_server, {media_type}), timeout=5)
    assert picky.execute(query, media_type) == remote_store.execute(query, media_type)


def test_remote_update_sent_to_the_query_url_says_which_setting(oxigraph_server):
    store = RemoteStore(oxigraph_server.query, timeout=5)  # no update endpoint given
    with pytest.raises(StoreUnavailable, match=f"{oxigraph_server.query} refused kgqa's update .*KGQA_UPDATE_ENDPOINT"):
        store.replace_graph(G, QUADS)


@pytest.mark.parametrize("data", [b"SSH-2.0-OpenSSH_9.6\r\n", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc", b""])
def test_remote_non_http_answer_is_store_unavailable(raw_endpoint, data):
    store = RemoteStore(raw_endpoint(data), timeout=2)
    with pytest.raises(StoreUnavailable, match="gave a broken answer|cannot be reached"):
        store.ask("ASK { ?s ?p ?o }")
