"""The name index of one store, held by the application object: built on first use or at start, rebuilt
when the store's documents change, answered from the previous index while a rebuild runs (linking.py
says what the index holds).
"""
from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable

from ..errors import NotReady
from ..store.base import Store
from . import apart
from .lexicon import QuestionLexicon
from .linking import PREFIX, Index

log = logging.getLogger(__name__)
_VERSION = PREFIX + "SELECT (COUNT(*) AS ?n) (MIN(?h) AS ?low) (MAX(?h) AS ?high) WHERE { ?d kg:contentHash ?h }"

RECHECK_SECONDS = 1.0  # how often a store is asked whether its documents changed (documents, hashes)


class Names:
    """The name index of one store, owned by the application object: built on first use (or by warm()),
    rebuilt when the store's documents change (checked at most every RECHECK_SECONDS: a count of
    documents and a sample of their content hashes, so that asking costs a few milliseconds even at a
    million facts; a re-ingested document that keeps the count and neither extreme hash goes unnoticed
    until the next such change). A store that counts its own writes (store.generation, the embedded
    store: one process owns it) is checked without a query, on every call, so a live ingest's documents
    are answerable at the next question. `words` gives the question lexicon (descriptions: "the Russian
    leader"). `apart`: built in a child process (qa/apart.py; a server)."""

    def __init__(self, store: Store, words: Callable[[], QuestionLexicon], *, apart: bool = False):
        self.store, self.words, self.apart = store, words, apart
        self._lock = threading.Lock()
        self._cached: tuple[float, tuple, Index] | None = None
        self._building: threading.Event | None = None  # set when the running build ends

    def index(self, *, wait: float | None = None) -> Index:
        """The current index. One build runs at a time (it scans every name: seconds at a million
        facts). A caller that finds one running gets the previous index if there is one; if not, it
        waits for the build, at most `wait` seconds when given, then gets NotReady (503, retry) while
        the build goes on."""
        store, now = self.store, time.monotonic()
        with self._lock:
            cached = self._cached
        if cached and now - cached[0] < RECHECK_SECONDS and store.generation is None:
            return cached[2]
        if store.generation is not None:  # a store this process owns counts its own writes: no query
            version: tuple = ("generation", store.generation)
        else:
            row = (store.select(_VERSION) or [{}])[0]
            version = tuple(v.value for v in row.values())
        if cached and cached[1] == version:
            with self._lock:
                self._cached = (now, version, cached[2])
            return cached[2]
        with self._lock:
            running, owner = self._building, self._building is None
            if owner:
                running = self._building = threading.Event()
        if owner:
            try:
                built = apart.build(store, Index) if self.apart else Index(store)
                words = self.words()
                built.demonyms, built.leader_titles = words.demonyms, words.leader_titles
                built.version = version
                # what is alive now (the index, the parser's model) lives as long as the process or the
                # graph's version: left out of the cyclic collector's full passes, which otherwise walk
                # every name at each pass, inside whichever question triggers it
                gc.freeze()
                with self._lock:
                    self._cached = (time.monotonic(), version, built)
                return built
            finally:
                with self._lock:
                    self._building = None
                running.set()
        if cached:  # another thread is rebuilding: the previous index answers meanwhile
            return cached[2]
        running.wait(wait)
        with self._lock:
            done = self._cached
        if done:
            return done[2]
        raise NotReady("The question answerer is still indexing the names in the store (a large store takes "
                       "a while after start); retry in a few seconds.", details={"retry_after": 5})

    def warm(self) -> threading.Thread:
        """Build the index in the background (at server start), so the first question need not."""
        def build():
            try:
                self.index()
            except Exception as err:  # noqa: BLE001 - nothing above this thread to report to; the next
                log.warning("indexing the names failed: %s", getattr(err, "message", err))  # question retries
        thread = threading.Thread(target=build, daemon=True, name="kgqa-names")
        thread.start()
        return thread

    def forget(self) -> None:
        """Drop the cached index (after writing to the store in the same process)."""
        with self._lock:
            self._cached = None
