"""Counts of what the store holds (documents, triples), for /healthz, kept cheap to ask.

Counting is linear in the store (about 0.3 s per million quads in Oxigraph), so the counts are computed
once per store generation (the embedded store bumps it on every write) or, for a store others write to
(remote), at most every `max_age` seconds in the background while the last counts are served. One
computation runs at a time: a request that finds one running waits at most `wait` seconds for it,
then gets NotReady (503, retry) rather than a second scan of a large store. A server has its first
counts made in a child process (`apart`: qa/apart.build), so that the engine memory of scanning the
whole store leaves with the child (about 35 MB of a server's peak at a million facts, docs/memory.md).
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from ..errors import NotReady
from ..store.base import Store
from . import sources

log = logging.getLogger(__name__)


class Counts(dict):
    """{"sources": N, "triples": N}: what the store holds."""

    def __init__(self, store: Store):
        super().__init__(sources=sources.count(store), triples=store.count_triples())


class StoreStats:
    def __init__(self, store: Store, *, max_age: float = 60.0, wait: float = 2.0):
        self.store = store
        self.apart: Callable | None = None  # (store, Counts) -> Counts made in a child: the first counts
        self.max_age = max_age
        self.wait = wait
        self._lock = threading.Lock()
        self._counts: dict | None = None
        self._generation: int | None = None
        self._taken = 0.0
        self._running: threading.Event | None = None  # set when the running computation ends

    def counts(self) -> dict:
        """{"sources": N, "triples": N}: fresh after a write through this process's store; for a
        store others write to, possibly up to `max_age` seconds old."""
        generation = self.store.generation
        with self._lock:
            current = self._counts
            if current is not None and generation is not None and generation == self._generation:
                return current
            if current is not None and generation is None:  # others may write: serve, refresh when old
                if time.monotonic() - self._taken > self.max_age and self._running is None:
                    self._start_locked(background=True)
                return current
            running = self._running
            if running is None:
                running = self._start_locked(background=False)
                owner = True
            else:
                owner = False
        if owner:
            return self._compute(running)
        if running.wait(self.wait) and self._counts is not None:
            return self._counts
        raise NotReady("The store's contents are still being counted (a large store takes a while "
                       "after start); retry in a few seconds.", details={"retry_after": 5})

    def warm(self) -> None:
        """Compute the counts in the background, so the first /healthz need not wait for them."""
        with self._lock:
            if self._running is None and self._counts is None:
                self._start_locked(background=True)

    def _start_locked(self, *, background: bool) -> threading.Event:
        event = threading.Event()
        self._running = event
        if background:
            threading.Thread(target=self._compute_logged, args=(event,), daemon=True, name="kgqa-stats").start()
        return event

    def _compute_logged(self, event: threading.Event) -> None:
        """A background computation: a failure (a remote store that is down) is logged; the next
        request tries again and reports the error itself."""
        try:
            self._compute(event)
        except Exception as err:  # noqa: BLE001 - nothing above this thread to report to
            log.warning("counting the store failed: %s", getattr(err, "message", err))

    def _compute(self, event: threading.Event) -> dict:
        generation = self.store.generation
        try:
            first = self.apart is not None and self._counts is None
            counts = dict(self.apart(self.store, Counts) if first else Counts(self.store))
            with self._lock:
                self._counts, self._generation, self._taken = counts, generation, time.monotonic()
            return counts
        finally:
            with self._lock:
                self._running = None
            event.set()
