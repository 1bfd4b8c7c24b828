"""The worker pool reuses a checkpoint for QUERY_REFRESH seconds once taken (writes meanwhile show that
much later, so continuous writes do not make a checkpoint each); past it, the next query sees them."""
from __future__ import annotations

import time

import pyoxigraph as ox
import pytest

from service.sparql import query as core
from service.sparql import runners
from tests.support import bare

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _count(runner) -> int:
    return int(runner.run(core.prepare(COUNT, "text/csv", bare({}))).decode().split()[1])


def _add(store, first: int, n: int) -> None:
    g, p = ox.NamedNode("http://example.org/g"), ox.NamedNode("http://example.org/p")
    store.ox.extend([ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), p, ox.Literal(str(i)), g)
                     for i in range(first, first + n)])


@pytest.mark.parametrize("refresh, seen", [(3600.0, 2), (0.0, 5)])
def test_limits_refresh_reuses_a_checkpoint_within_the_window(store, refresh, seen):
    pool = runners.open_runner(store, bare({"QUERY_TIMEOUT": 10, "QUERY_WORKERS": 1, "QUERY_REFRESH": refresh}))
    try:
        _add(store, 0, 2)
        assert _count(pool) == 2
        _add(store, 2, 3)
        assert (_count(pool), pool.checkpoints) == (seen, 1 if seen == 2 else 2)
    finally:
        pool.close()


def test_limits_refresh_window_past_sees_every_write(store):
    pool = runners.open_runner(store, bare({"QUERY_TIMEOUT": 10, "QUERY_WORKERS": 1, "QUERY_REFRESH": 0.2}))
    try:
        _add(store, 0, 2)
        assert _count(pool) == 2
        _add(store, 2, 3)
        time.sleep(0.3)  # a quiet spell longer than the window
        assert _count(pool) == 5
    finally:
        pool.close()
