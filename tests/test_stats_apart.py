"""read.stats: a server's first counts are made in a child process (qa/apart.py) and are the counts made
here; the counts after a write are made here again (graphs written for the project)."""
from __future__ import annotations

import pytest

from service.qa import apart
from service.read.stats import Counts, StoreStats
from tests.support import DATA


@pytest.mark.parametrize("graph", ["qa-geneva.trig", "summits.trig"])
def test_stats_apart_first_counts_are_the_counts_made_here(store, graph, caplog):
    store.load((DATA / "graphs" / graph).read_bytes(), "application/trig")
    stats, calls = StoreStats(store), []
    stats.apart = lambda st, kind: calls.append(kind) or apart.build(st, kind)
    assert stats.counts() == dict(Counts(store)) and calls == [Counts]
    assert not caplog.records  # made by the child, not by the fallback here


def test_stats_apart_counts_after_a_write_made_here(store):
    store.load((DATA / "graphs" / "qa-geneva.trig").read_bytes(), "application/trig")
    stats, calls = StoreStats(store), []
    stats.apart = lambda st, kind: calls.append(kind) or apart.build(st, kind)
    before = stats.counts()
    store.load((DATA / "graphs" / "summits.trig").read_bytes(), "application/trig")
    after = stats.counts()
    assert calls == [Counts] and after == dict(Counts(store)) and after["triples"] > before["triples"]
