"""The VoID description is reused while the documents are unchanged, and recomputed when an ingest
changes one (its content hash) or adds one."""
import pyoxigraph as ox
from pyoxigraph import Literal, NamedNode, Quad

from service import iris, vocab
from service.web import create_app
from tests.support import BASE, DATA

TRIPLES = NamedNode("http://rdfs.org/ns/void#triples")
DATASET = NamedNode(BASE + ".well-known/void#dataset")


def triples_said(client) -> int:
    void = ox.parse(client.get("/.well-known/void").data, format=ox.RdfFormat.TURTLE)
    return next(int(t.object.value) for t in void if t.subject == DATASET and t.predicate == TRIPLES)


def document(doc_id: str, content_hash: str, *, titled: bool) -> tuple[NamedNode, list[Quad]]:
    doc = iris.document(BASE, doc_id)
    triples = [(doc, vocab.RDF_TYPE, vocab.C_DOCUMENT), (doc, vocab.DCT_IDENTIFIER, Literal(doc_id)),
               (doc, vocab.CONTENTHASH, Literal(content_hash))]
    triples += [(doc, vocab.DCT_TITLE, Literal("A title"))] if titled else []
    return doc, [Quad(s, p, o, doc) for s, p, o in triples]


def test_void_cache_follows_the_documents(store):
    store.load((DATA / "graphs" / "summits.trig").read_bytes(), "application/trig")
    client = create_app({"STORE_OBJECT": store, "BASE_IRI": BASE, "VOID_MAX_AGE": 3600}).test_client()
    before = triples_said(client)
    store.load(b"<http://x/a> <http://x/b> <http://x/c> .", "application/n-triples", NamedNode("http://x/g"))
    assert triples_said(client) == before  # no document changed: the computed description is reused
    store.replace_graph(*document("new-doc", "aaa", titled=True))
    assert triples_said(client) == before + 1 + 4  # a new document: recomputed, the loaded triple too
    store.replace_graph(*document("new-doc", "bbb", titled=False))  # re-ingested, changed
    assert triples_said(client) == before + 1 + 3


def test_void_cache_off_computes_every_time(store):
    client = create_app({"STORE_OBJECT": store, "BASE_IRI": BASE, "VOID_MAX_AGE": 0}).test_client()
    assert triples_said(client) == 0
    store.load(b"<http://x/a> <http://x/b> <http://x/c> .", "application/n-triples", NamedNode("http://x/g"))
    assert triples_said(client) == 1


def test_void_cache_not_ready_is_503_then_served(store):
    """A description that takes longer than the wait: 503 with Retry-After while it is computed in the
    background, then the description. (A wait of a microsecond stands in for a very large graph.)"""
    import time

    graph = NamedNode(BASE + "sources/big")
    store.replace_graph(graph, [Quad(NamedNode(f"{BASE}entities/e{i}"), vocab.RDFS_LABEL, Literal(f"e {i}"), graph)
                                for i in range(20_000)])
    client = create_app({"STORE_OBJECT": store, "BASE_IRI": BASE, "QUERY_TIMEOUT": 1e-6}).test_client()
    first = client.get("/.well-known/void")
    assert first.status_code == 503 and first.headers["Retry-After"] == "60"
    assert first.get_json()["error"]["code"] == "not_ready"
    deadline = time.monotonic() + 60
    while (response := client.get("/.well-known/void")).status_code == 503 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert response.status_code == 200 and triples_said(client) == 20_000
