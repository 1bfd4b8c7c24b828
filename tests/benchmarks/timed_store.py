"""A store that times every call it passes on: how the ingest benchmark isolates the store stage.

It implements the store interface by delegation, so the pipeline under test cannot tell it from the
store it wraps, and the seconds spent inside the store (writes, and the reads ingestion makes to skip
unchanged documents) add up in `seconds`.
"""
from __future__ import annotations

import time
from collections import Counter

from service.store.base import Store


class TimedStore(Store):
    def __init__(self, inner: Store):
        self.inner = inner
        self.description = inner.description
        self.seconds = 0.0
        self.calls: Counter[str] = Counter()
        self.quads_written = 0
        self.written: list[tuple] = []  # (graph, quads) of each replace_graph, to replay them
        self.batches: list[list[tuple]] = []  # the (graph, data) pairs of each replace_graphs call

    def _timed(self, name: str, fn, *args, **kw):
        start = time.perf_counter()
        try:
            return fn(*args, **kw)
        finally:
            self.seconds += time.perf_counter() - start
            self.calls[name] += 1

    def replace_graph(self, graph, quads):
        quads = list(quads)  # materialized outside the timer: building quads is the graph stage's work
        self.quads_written += len(quads)
        self.written.append((graph, quads))
        return self._timed("replace_graph", self.inner.replace_graph, graph, quads)

    @property
    def write_batch_quads(self):
        return self.inner.write_batch_quads

    def replace_graphs(self, graphs):
        # materialized outside the timer (as above); N-Quads bytes pass as they are
        graphs = [(g, d if isinstance(d, bytes) else list(d)) for g, d in graphs]
        self.batches.append(graphs)
        return self._timed("replace_graphs", self.inner.replace_graphs, graphs)

    def remove_graph(self, graph):
        return self._timed("remove_graph", self.inner.remove_graph, graph)

    def load(self, data, media_type, graph=None):
        return self._timed("load", self.inner.load, data, media_type, graph)

    def select(self, query, bindings=None):
        return self._timed("select", self.inner.select, query, bindings)

    def ask(self, query, bindings=None):
        return self._timed("ask", self.inner.ask, query, bindings)

    def construct(self, query, bindings=None):
        return self._timed("construct", self.inner.construct, query, bindings)

    def execute(self, query, media_type, *, default_graphs=None, named_graphs=None):
        return self._timed("execute", self.inner.execute, query, media_type,
                           default_graphs=default_graphs, named_graphs=named_graphs)

    def dump(self, media_type, graph=None):
        return self._timed("dump", self.inner.dump, media_type, graph)

    def count_triples(self):
        return self._timed("count_triples", self.inner.count_triples)

    def __getattr__(self, name):
        # Anything else the embedded store offers (backup, bulk writes added later) is passed on timed.
        attr = getattr(self.inner, name)
        if not callable(attr):
            return attr
        return lambda *a, **kw: self._timed(name, attr, *a, **kw)

    def close(self):
        self.inner.close()
