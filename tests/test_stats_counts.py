"""/healthz counts are cached per store generation and follow every write."""
from pyoxigraph import Literal, NamedNode, Quad

from service.read.stats import StoreStats

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


class SlowCountStore:
    """A real embedded store whose count waits until the test lets it finish (a large store's scan)."""

    def __init__(self, store):
        import threading

        self.inner, self.release = store, threading.Event()

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def count_triples(self):
        self.release.wait(10)
        return self.inner.count_triples()


def test_stats_request_during_warm_up_gets_not_ready(store):
    import pytest

    from service.errors import NotReady

    slow = SlowCountStore(store)
    stats = StoreStats(slow, wait=0.2)
    stats.warm()
    with pytest.raises(NotReady):
        stats.counts()
    slow.release.set()
    for _ in range(50):  # the warm-up finishes: its counts are served, no second scan
        try:
            assert stats.counts() == {"sources": 0, "triples": 0}
            break
        except NotReady:
            slow.release.wait(0.1)
    else:
        raise AssertionError("the warm-up never delivered its counts")


def test_stats_not_ready_is_503_with_retry_after(store):
    from service.web import create_app, kgqa_of

    slow = SlowCountStore(store)
    app = create_app({"STORE_OBJECT": slow, "TESTING": True})
    kgqa_of(app).stats.wait = 0.1
    kgqa_of(app).stats.warm()
    response = app.test_client().get("/healthz")
    slow.release.set()
    kgqa_of(app).stats.wait = 5
    assert app.test_client().get("/healthz").status_code == 200  # the warm-up ends before the store closes
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert response.get_json()["error"]["code"] == "not_ready"
