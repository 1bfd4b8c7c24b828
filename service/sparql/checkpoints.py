"""Checkpoints of the embedded store that the query worker reads: taken when a write has been
committed since the last one (at most every `refresh` seconds), deleted once no query reads them.

A `Store.backup` checkpoint (hard links, milliseconds) opens read-only safely while the server keeps
writing to the store (`Store.read_only` on the live store can fail while a writer is active). The
fingerprint of the store's write-ahead logs and manifest (names, sizes, mtimes) changes with any
committed write. Reusing a checkpoint for `refresh` seconds keeps continuous writes from making one
per write: each flushes the store's write buffers into new files, whose cached blocks made the
server's memory grow (docs/soak.md).
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable

from ..store.embedded import beside


def fingerprint(path: str) -> tuple:
    """What changes when a write is committed: the write-ahead logs, the manifest, CURRENT."""
    entries = []
    with os.scandir(path) as it:
        for entry in it:
            if entry.name.endswith(".log") or entry.name.startswith(("MANIFEST", "CURRENT")):
                try:
                    st = entry.stat()
                except FileNotFoundError:  # a log that a flush made obsolete and deleted meanwhile
                    continue
                entries.append((entry.name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(entries))


class Checkpoints:
    """The checkpoints of one pool, in a folder of its own beside the store (`.NAME.sparql-PID-*`)."""

    def __init__(self, store, refresh: float, in_use: Callable[[], set]):
        self.store, self.refresh, self.in_use = store, max(0.0, refresh), in_use
        self.taken = 0  # checkpoints taken (each makes the worker open the store again)
        self.root: str | None = None
        self._lock = threading.Lock()
        self._current: str | None = None
        self._print: tuple | None = None
        self._at = 0.0  # time.monotonic() of the current checkpoint
        self._serial = 0

    @property
    def current(self) -> str | None:
        return self._current

    def take(self, mark: Callable[[str], None]) -> str:
        """The path of a checkpoint holding every write committed so far; `mark(path)` records its
        reader before any old checkpoint is collected (a query never gets one deleted under it)."""
        with self._lock:
            due = self._current is None or time.monotonic() - self._at >= self.refresh
            now = fingerprint(self.store.path) if due else self._print  # no listing while one is reused
            fresh = due and (self._current is None or now != self._print)
            if fresh:
                root = self._folder()
                self._serial += 1
                target = os.path.join(root, f"c{self._serial}")
                self.store.backup(target)
                self._current, self._print, self._at = target, now, time.monotonic()
                self.taken += 1
            mark(self._current)
            if fresh:
                self._collect(root)
            return self._current

    def _folder(self) -> str:
        if self.root is None:
            parent, prefix = beside(self.store.path, "sparql")  # those of a killed server removed
            # one folder per pool: two apps over one store (tests) must not collect each other's
            self.root = tempfile.mkdtemp(prefix=prefix, dir=parent)
        return self.root

    def _collect(self, root: str) -> None:
        keep = self.in_use() | {self._current}
        for name in os.listdir(root):
            path = os.path.join(root, name)
            if path not in keep:
                shutil.rmtree(path, ignore_errors=True)

    def remove_all(self) -> None:
        if self.root:
            shutil.rmtree(self.root, ignore_errors=True)
