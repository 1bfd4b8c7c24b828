"""The document word index: which documents' texts hold a few lower-case substrings, without the engine
reading every text (the publishers template's cut; docs/ask-latency.md says why and what it costs).

A sidecar of the store in SQLite (stdlib), an FTS5 table with the trigram tokenizer over each document's
texts in lower case (Python's str.lower, as publishers.answers tests them), case-sensitive: a MATCH of a
substring of 3 characters or more finds exactly the documents whose lower-cased text holds it. It lives
beside an on-disk store (`<store>.words.sqlite`, never inside the store's folder), in memory for an
in-memory store, or where WORDS_INDEX names it (a read-only store's own index); none for a remote store.

A derived cache: the store is the truth. The index knows each document it holds by its IRI and an
identity (kg:contentHash, which ingest changes with the text or metadata, its identifiers and dates of
publication; a document without a hash by a digest of its texts). It answers only when it was checked
against the store at the store's current write generation, and against its own file as last written; else
the caller scans as before and a catch-up runs in the background: the store's documents and identities
read (no texts), the changed and new documents' texts read and written, the removed ones dropped; or,
when there is no index yet or much changed, a whole build into a new file that then replaces the old
(in a child process for a server). A missing, replaced or corrupt file is made anew; nothing here raises
into a question. wordfile.py writes the file; wordcut.py reads a question's documents from it.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading

from ..store.base import Store
from . import wordfile
from .wordcut import Cut, Stale

log = logging.getLogger(__name__)
TAIL = 256  # documents added or dropped since the last build past which (or past 5 % of all) it is built anew
TIMEOUT = 1800.0  # seconds a child process may take to build the index (a million facts: about a minute alone)


class DocWords:
    """The word index of one store, owned by the application object. documents() answers from it when
    it is current; otherwise it returns None and starts a catch-up in the background."""

    def __init__(self, store: Store, path: str | None):
        self.store, self.path = store, path
        self._lock = threading.Lock()  # the connection: one user at a time
        self._db: sqlite3.Connection | None = None
        self._file: tuple[int, int] | None = None  # (device, inode) of the file opened
        self._checked: tuple | None = None  # (store generation, data_version) when last found current
        self._running: threading.Thread | None = None
        self._serial = threading.Lock()  # one catch-up at a time
        self._closed = False
        self.apart = False  # whole builds in a child process (a server)

    @property
    def usable(self) -> bool:
        return self.path is not None and self.store.generation is not None

    @property
    def state(self) -> str:
        """"off" (no index for this store), "current" (questions read it), else "catching up" (they scan)."""
        if not self.usable:
            return "off"
        with self._lock:
            return "current" if self._current() else "catching up"

    def documents(self, substrings: list[str]) -> Cut | None:
        """The documents whose lower-cased text holds every substring of 3 characters or more (shorter
        ones are left to the caller); None when the index cannot tell (not current, no substring long
        enough, no index): the caller scans every text."""
        wanted = [s for s in substrings if len(s) >= 3]
        if not wanted or not self.usable:
            return None
        match = " AND ".join('"' + s.replace('"', '""') + '"' for s in dict.fromkeys(wanted))
        try:
            with self._lock:
                if self._current():
                    return Cut(self, match, self._checked, wordfile.meta(self._db, "upto"))
        except sqlite3.Error as err:  # a corrupt or vanished file: made anew by the catch-up
            log.warning("the document word index %s failed (%s); rebuilding it", self.path, err)
            self._drop()
        self.warm()
        return None

    def read(self, checked: tuple, match: str, where: str, args: tuple) -> list[tuple]:
        """(row number, IRI, date, identifier, ordered) of the documents matching, as the index stood when
        `checked`; Stale when it changed since, or fails."""
        try:
            with self._lock:
                if self._checked != checked or not self._current():
                    raise Stale
                return self._db.execute(
                    "SELECT texts.rowid, d.iri, d.published, d.id, d.ordered FROM texts JOIN docs d ON d.n = "
                    f"texts.rowid WHERE texts MATCH ? AND {where}", (match, *args)).fetchall()
        except sqlite3.Error as err:
            raise Stale from err

    def warm(self) -> threading.Thread | None:
        """Catch up with the store in the background (one catch-up at a time)."""
        if not self.usable:
            return None
        with self._lock:
            if self._running is not None and self._running.is_alive():
                return self._running
            self._running = threading.Thread(target=self._catch_up_logged, daemon=True, name="kgqa-docwords")
            self._running.start()
            return self._running

    def catch_up(self) -> dict:
        """Bring the index level with the store now: the documents removed or changed dropped, the new
        and changed written; the whole index written anew, earliest first, into a new file that then
        replaces the old, when there is none yet or when what was added or dropped since its last
        build outweighs a share of it. With `apart` (a server) a child process does it from a checkpoint
        of the store, and here the index is taken as it is when nothing was written since the
        checkpoint (else caught up here). What it did: {"added": n, "removed": n, "built": bool}."""
        if not self.usable:
            return {"added": 0, "removed": 0, "built": False}
        with self._serial:
            for _ in range(2 if self.apart else 0):
                done = self._catch_up_apart()
                if done is None:
                    break
                at, did = done
                with self._lock:
                    if self._closed:  # the application let go of the index meanwhile
                        return did
                    db = self._open()
                    if at == self.store.generation:
                        self._checked = (at, wordfile.version(db))
                        return did
            generation = self.store.generation  # read first: a write during the catch-up leaves it stale
            state, texts = wordfile.state_of(self.store)
            with self._lock:
                db = self._open()
                have = dict(db.execute("SELECT iri, ident FROM docs"))
                garbage, tail = wordfile.meta(db, "garbage"), db.execute(
                    "SELECT COUNT(*) FROM docs WHERE n > ?", (wordfile.meta(db, "upto"),)).fetchone()[0]
                never = not wordfile.meta(db, "built")
            gone = [iri for iri, ident in have.items() if state.get(iri, (None,))[0] != ident]
            new = [iri for iri in state if have.get(iri) != state[iri][0]]
            if never or garbage + len(gone) + tail + len(new) > max(TAIL, len(state) // 20):
                fresh = self._fresh()
                if fresh == ":memory:":
                    wordfile.fill(self.store, self._db, state, texts, self._lock)
                else:
                    with contextlib.closing(wordfile.connect(fresh)) as into:
                        wordfile.fill(self.store, into, state, texts)
                self._swap(fresh, (generation, None))
                return {"added": len(state), "removed": len(have), "built": True}
            with self._lock:
                if gone or new:
                    self._checked = None
                with db:
                    db.executemany("DELETE FROM docs WHERE iri = ?", ((iri,) for iri in gone))
                    wordfile.bump(db, "garbage", len(gone))
            wordfile.write(self.store, db, new, state, texts, self._lock)
            with self._lock:
                self._checked = (generation, wordfile.version(db))
            return {"added": len(new), "removed": len(gone), "built": False}

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._db is not None:
                self._db.close()
                self._db = None

    def _fresh(self) -> str:
        """Where a new build is written: beside the index, or (in memory) the index itself, emptied."""
        if self.path == ":memory:":
            with self._lock:
                self._drop()
                self._open()
            return self.path
        fresh = self.path + ".new"
        wordfile.remove(fresh)
        return fresh

    def _swap(self, fresh: str, checked: tuple | None) -> None:
        """The new build in place of the index (questions read the old one until now); checked: the
        store's generation it was built at, when built here from the store itself."""
        with self._lock:
            if self._closed:  # the application let go of the index meanwhile
                return
            if fresh != ":memory:":
                self._drop(remove=False)
                wordfile.remove(self.path, ("-wal", "-shm"))
                os.replace(fresh, self.path)
            db = self._open()
            if checked:
                self._checked = (checked[0], wordfile.version(db))

    def _catch_up_apart(self) -> tuple[int, dict] | None:
        """The catch-up run by a child process against a checkpoint of the store, writing this index's
        file (the scans' memory and processor time stay out of the process that answers questions; the
        file is let go of meanwhile); (the store's generation at the checkpoint, what the child did), or
        None when it cannot or failed (then it is done here)."""
        from ..store.embedded import EmbeddedStore, beside
        from .apart import child_env

        store = self.store
        if not isinstance(store, EmbeddedStore) or not store.path or self.path == ":memory:":
            return None
        parent, prefix = beside(store.path, "words")  # those of a server killed while it built removed
        with self._lock:
            self._drop(remove=False)  # the child may replace the file: no connection of ours across it
        try:
            with tempfile.TemporaryDirectory(prefix=prefix, dir=parent) as tmp:
                at = store.generation
                source = store.path if store.read_only else os.path.join(tmp, "c")
                if not store.read_only:
                    store.backup(source)
                run = subprocess.run([sys.executable, "-m", __name__, source, self.path], env=child_env(),
                                     timeout=TIMEOUT, stdin=subprocess.DEVNULL, capture_output=True)
            if run.returncode == 0:
                return at, json.loads(run.stdout)
            why = run.stderr.decode(errors="replace").strip().splitlines()[-1:]
        except (OSError, subprocess.SubprocessError, ValueError) as err:
            why = err
        log.warning("catching up the document word index in a child process failed (%s); doing it here", why)
        return None

    # --- inside the lock
    def _current(self) -> bool:
        if self._db is None or self._checked is None:
            return False
        if self.path != ":memory:" and wordfile.identity(self.path) != self._file:
            return False
        return self._checked == (self.store.generation, wordfile.version(self._db))

    def _open(self) -> sqlite3.Connection:
        if self._db is not None and (self.path == ":memory:" or wordfile.identity(self.path) == self._file):
            return self._db
        self._drop(remove=False)
        try:
            db = wordfile.connect(self.path)
        except sqlite3.DatabaseError as err:
            log.warning("the document word index %s is unreadable (%s); made anew", self.path, err)
            self._remove_files()
            db = wordfile.connect(self.path)
        self._db, self._file = db, wordfile.identity(self.path)
        return db

    def _drop(self, remove: bool = True) -> None:
        """Forget the connection (and, with remove, the files: the index is made anew)."""
        self._checked = None
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
        if remove:
            self._remove_files()

    def _remove_files(self) -> None:
        if self.path and self.path != ":memory:":
            wordfile.remove(self.path)

    def _catch_up_logged(self) -> None:
        try:
            self.catch_up()
        except Exception as err:  # noqa: BLE001 - questions scan meanwhile; the next one tries again
            if self._closed:  # the application closed the store and the index under it
                return
            log.warning("catching up the document word index %s failed: %s", self.path, err)
            with self._lock:
                self._drop(remove=type(err) is sqlite3.DatabaseError)  # an unreadable file: made anew


if __name__ == "__main__":  # python -m service.qa.docwords STORE INDEX: INDEX caught up with STORE, read-only
    from ..store.embedded import EmbeddedStore

    index = DocWords(EmbeddedStore(sys.argv[1], read_only=True), sys.argv[2])
    print(json.dumps(index.catch_up()))
    index.close()
