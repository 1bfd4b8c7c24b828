"""Writing to and reading whole graphs from OpenLink Virtuoso (a private instance, tests/support/virtuoso.py):
documents go in by one Graph Store PUT each (a big one too), a read cut at its ResultSetMaxRows
(10,000) fails loudly, and counts leave its system graphs out."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from pyoxigraph import Literal, NamedNode, Quad

from service.errors import StoreUnavailable

P = NamedNode("http://example.org/says")


def quads(graph: NamedNode, n: int) -> list[Quad]:
    return [Quad(NamedNode(f"http://example.org/s{i}"), P, Literal(f"statement number {i}"), graph) for i in range(n)]


def held(store, graph: NamedNode) -> set:
    return {q.triple for q in ox.parse(store.dump("application/n-triples", graph), format=ox.RdfFormat.N_TRIPLES)}


@pytest.mark.parametrize("size", [3, 4_000])
def test_virtuoso_writes_document_by_graph_store_put(virtuoso_server, size):
    store, graph = virtuoso_server.store(), NamedNode(f"http://example.org/put-{size}")
    store.replace_graph(graph, quads(graph, size + 5))
    store.replace_graph(graph, quads(graph, size))  # replaced, not added to
    assert held(store, graph) == {q.triple for q in quads(graph, size)}


@pytest.mark.parametrize("by_put", [True, False])
def test_virtuoso_writes_seed_document_needs_graph_store(seeded_store, virtuoso_server, by_put):
    """A seed article's graph (over a thousand triples) is more than one of Virtuoso's SPARQL updates
    takes ("generated SQL text" too long): refused with an error naming the way out, the Graph Store
    PUT, which writes it whole."""
    graph = seeded_store.select("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g "
                                "ORDER BY DESC(COUNT(*)) LIMIT 1")[0]["g"]  # the biggest
    document = [Quad(t.subject, t.predicate, t.object, graph) for t in
                (q.triple for q in ox.parse(seeded_store.dump("application/n-triples", graph),
                                            format=ox.RdfFormat.N_TRIPLES))]
    store = virtuoso_server.store()
    store.graph_store = virtuoso_server.graph_store if by_put else None
    if by_put:
        store.replace_graph(graph, document)
        assert held(store, graph) == {q.triple for q in document}
    else:
        with pytest.raises(StoreUnavailable, match="KGQA_GRAPH_STORE_ENDPOINT"):
            store.replace_graph(graph, document)


@pytest.fixture(scope="module")
def past_row_limit(virtuoso_server) -> NamedNode:
    """A graph of 10,500 triples: past Virtuoso's ResultSetMaxRows (10,000)."""
    graph = NamedNode("http://example.org/many")
    virtuoso_server.store().replace_graph(graph, quads(graph, 10_500))
    return graph


def test_virtuoso_writes_graph_past_row_limit_fails_loudly(virtuoso_server, past_row_limit):
    """Its dump is refused naming the setting, never cut short (as a CONSTRUCT would be, silently)."""
    with pytest.raises(StoreUnavailable, match="ResultSetMaxRows"):
        virtuoso_server.store().dump("application/n-triples", past_row_limit)


def test_virtuoso_writes_select_cut_at_row_limit_fails_loudly(virtuoso_server, past_row_limit):
    with pytest.raises(StoreUnavailable, match="ResultSetMaxRows"):
        virtuoso_server.store().select(f"SELECT ?s WHERE {{ GRAPH {past_row_limit} {{ ?s ?p ?o }} }}")


def test_virtuoso_writes_counts_leave_system_graphs_out(virtuoso_server):
    store, graph = virtuoso_server.store(), NamedNode("http://example.org/counted")
    before = store.count_triples()
    store.replace_graph(graph, quads(graph, 7))
    everything = int(store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"].value)
    assert store.count_triples() == before + 7 < everything  # Virtuoso's own graphs hold the rest
