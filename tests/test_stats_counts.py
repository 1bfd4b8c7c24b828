"""/healthz counts are cached per store generation and follow every write."""
from pyoxigraph import Literal, NamedNode, Quad

from service.stats import StoreStats

G = NamedNode("http://example.org/g")


def quads(n):
    return [Quad(NamedNode(f"http://example.org/s{i}"), NamedNode("http://example.org/p"), Literal(str(i)), G)
            for i in range(n)]


def test_stats_counts_follow_writes(store):
    stats = StoreStats(store)
    assert stats.counts() == {"sources": 0, "triples": 0}
    store.replace_graph(G, quads(3))
    assert stats.counts()["triples"] == 3
    store.remove_graph(G)
    assert stats.counts()["triples"] == 0


def test_stats_counts_cached_while_store_unchanged(store):
    store.replace_graph(G, quads(2))
    stats = StoreStats(store)
    first = stats.counts()
    store.ox.add(quads(5)[4])  # a write behind the interface's back is not seen until the next generation
    assert stats.counts() is first


def test_stats_health_route_follows_ingest(client, store):
    assert client.get("/healthz").get_json()["triples"] == 0
    store.replace_graph(G, quads(4))
    assert client.get("/healthz").get_json()["triples"] == 4
