"""Counts of what the store holds (documents, triples), for /healthz, kept cheap to ask.

Counting is linear in the store (about 0.5 s per 2 M quads in Oxigraph), so the counts are computed
once per store generation (the embedded store bumps it on every write) or, for a store others write to
(remote), at most every `max_age` seconds in the background while the last counts are served.
"""
from __future__ import annotations

import threading
import time

from . import sources
from .store.base import Store


class StoreStats:
    def __init__(self, store: Store, *, max_age: float = 60.0):
        self.store = store
        self.max_age = max_age
        self._lock = threading.Lock()
        self._counts: dict | None = None
        self._generation: int | None = None
        self._taken = 0.0
        self._refreshing = False

    def counts(self) -> dict:
        """{"sources": N, "triples": N}: fresh after a write through this process's store; for a
        store others write to, possibly up to `max_age` seconds old."""
        generation = self.store.generation
        with self._lock:
            current = self._counts
            if current is not None and generation is not None and generation == self._generation:
                return current
            stale = current is not None and generation is None and time.monotonic() - self._taken > self.max_age
            if stale and not self._refreshing:
                self._refreshing = True
                threading.Thread(target=self._refresh, daemon=True, name="kgqa-stats").start()
            if current is not None and generation is None:
                return current
        return self._refresh()

    def warm(self) -> None:
        """Compute the counts in the background, so the first /healthz need not wait for them."""
        threading.Thread(target=self.counts, daemon=True, name="kgqa-stats-warm").start()

    def _refresh(self) -> dict:
        generation = self.store.generation
        try:
            counts = {"sources": sources.count(self.store), "triples": self.store.count_triples()}
        finally:
            with self._lock:
                self._refreshing = False
        with self._lock:
            self._counts, self._generation, self._taken = counts, generation, time.monotonic()
        return counts
