"""Worker processes read a checkpoint of the store that follows every committed write, and old
checkpoints are removed; QUERY_WORKERS=0 runs queries in threads instead."""
from __future__ import annotations

import os

import pyoxigraph as ox
import pytest

from service.sparql import limits, runners
from service.sparql import query as core
from service.sparql.workers import WorkerPool
from tests.support import bare

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(runner) -> int:
    job = core.prepare(COUNT, "text/csv", bare({}))
    return int(runner.run(job).decode().split()[1])


def add(store, n: int, graph: str = "http://example.org/g") -> None:
    store.ox.extend([ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                             ox.Literal(str(i)), ox.NamedNode(graph)) for i in range(n)])


@pytest.fixture
def pool(store):
    runner = runners.open_runner(store, bare({"QUERY_TIMEOUT": 10, "QUERY_WORKERS": 2}))
    yield runner
    runner.close()


def test_limits_checkpoint_pool_for_a_store_on_disk(pool):
    assert isinstance(pool, WorkerPool)


@pytest.mark.parametrize("write", ["extend", "bulk_extend", "update", "replace_graph", "remove_graph"])
def test_limits_checkpoint_follows_each_kind_of_write(store, pool, write):
    add(store, 3)
    assert count(pool) == 3
    if write == "extend":
        add(store, 5, "http://example.org/h")
    elif write == "bulk_extend":
        store.ox.bulk_extend([ox.Quad(ox.NamedNode("http://example.org/x"), ox.NamedNode("http://example.org/p"),
                                      ox.Literal(str(i)), ox.NamedNode("http://example.org/h")) for i in range(5)])
    elif write == "update":
        store.ox.update("INSERT DATA { GRAPH <http://example.org/h> { <http://example.org/x> "
                        "<http://example.org/p> 1, 2, 3, 4, 5 } }")
    elif write == "replace_graph":
        store.replace_graph(ox.NamedNode("http://example.org/g"), [ox.Quad(
            ox.NamedNode("http://example.org/x"), ox.NamedNode("http://example.org/p"), ox.Literal(str(i)),
            ox.NamedNode("http://example.org/g")) for i in range(8)])
    else:
        store.remove_graph(ox.NamedNode("http://example.org/g"))
    assert count(pool) == (0 if write == "remove_graph" else 8)


def test_limits_checkpoint_old_ones_removed(store, pool):
    for n in range(1, 5):
        add(store, n * 2)
        assert count(pool) == n * 2
    assert len(os.listdir(pool.root)) == 1


def test_limits_checkpoint_all_removed_on_close(store):
    runner = runners.open_runner(store, bare({"QUERY_TIMEOUT": 10, "QUERY_WORKERS": 1}))
    add(store, 2)
    count(runner)
    root = runner.root
    runner.close()
    assert not os.path.exists(root)


@pytest.mark.parametrize("settings", [{"QUERY_WORKERS": 0}], ids=["no workers"])
def test_limits_checkpoint_thread_runner_when_workers_are_off(store, settings):
    runner = runners.open_runner(store, bare({"QUERY_TIMEOUT": 10, **settings}))
    assert isinstance(runner, limits.ThreadRunner)
    add(store, 4)
    assert count(runner) == 4


def test_limits_checkpoint_thread_runner_for_a_store_in_memory():
    from service.store.embedded import EmbeddedStore

    memory = EmbeddedStore(None)
    runner = runners.open_runner(memory, bare({"QUERY_TIMEOUT": 10, "QUERY_WORKERS": 2}))
    assert isinstance(runner, limits.ThreadRunner)
    add(memory, 2)
    assert count(runner) == 2


def test_limits_checkpoint_two_pools_over_one_store_keep_their_own(store):
    first = runners.open_runner(store, bare({"QUERY_TIMEOUT": 10, "QUERY_WORKERS": 1}))
    second = runners.open_runner(store, bare({"QUERY_TIMEOUT": 10, "QUERY_WORKERS": 1}))
    try:
        add(store, 2)
        assert count(first) == 2
        add(store, 6)
        assert count(second) == 6  # its new checkpoint leaves the first pool's alone
        assert count(first) == 6
    finally:
        first.close()
        second.close()
