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
read (no texts), the changed and new documents' texts read and written, the removed ones dropped. A
missing, replaced or corrupt file is made anew; nothing here raises into a question.
"""
from __future__ import annotations

import contextlib
import hashlib
import heapq
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator

from pyoxigraph import NamedNode

from ..store.base import Store

log = logging.getLogger(__name__)
BATCH = 400  # documents whose texts are read in one query and written in one transaction
PAGE = 64  # documents of a cut read at a time, earliest first
TAIL = 256  # documents added or dropped since the last build past which (or past 5 % of all) it is built anew
SEP = "\x00"  # between a document's texts (no substring looked for holds it)

_PREFIX = """PREFIX kg: <https://w3id.org/kgqa/ns#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""
_STATE = _PREFIX + """SELECT ?doc ?hash ?id ?published WHERE { ?doc a kg:Document
  OPTIONAL { ?doc kg:contentHash ?hash } OPTIONAL { ?doc dcterms:identifier ?id }
  OPTIONAL { ?doc schema:datePublished ?published } }"""
_TEXTS = _PREFIX + "SELECT ?doc ?text WHERE { VALUES ?doc { %s } ?doc a kg:Document ; nif:isString ?text }"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs(n INTEGER PRIMARY KEY AUTOINCREMENT, iri TEXT UNIQUE NOT NULL, ident TEXT NOT NULL,
  published TEXT, id TEXT, ordered INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5(text, tokenize='trigram case_sensitive 1', content='');
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v INTEGER NOT NULL);
"""


def sidecar_path(store: Store, configured: str = "") -> str | None:
    """Where the index of `store` lives: `configured` (WORDS_INDEX; "off": nowhere), else beside an
    embedded store on disk opened read-write, in memory for an in-memory store, nowhere for another."""
    if configured:
        return None if configured == "off" else configured
    path = getattr(store, "path", False)
    if path is False or store.generation is None:  # a remote store: others write it unseen
        return None
    if path is None:
        return ":memory:"
    return None if getattr(store, "read_only", False) else os.path.abspath(path).rstrip(os.sep) + ".words.sqlite"


class Stale(Exception):
    """The index changed (or went) while a question read it: the question scans instead."""


class Unordered(Exception):
    """A document of the cut has several dates or identifiers, or several texts: no order to trust."""


class Cut:
    """The documents holding every substring: earliest first by (date of publication or "9999",
    identifier), read a page at a time (iter), or all of them in no order (iris). Documents written in
    one build hold row numbers in that order; those added since (the tail, a few) are sorted here."""

    def __init__(self, index: DocWords, match: str, checked: tuple, upto: int):
        self.index, self.match, self.checked, self.upto = index, match, checked, upto

    def __iter__(self) -> Iterator[tuple[str, tuple]]:
        tail = sorted(self._page("texts.rowid > ?", (self.upto,)), key=_key)
        yield from heapq.merge(self._head(), tail, key=_key)

    def iris(self) -> list[str]:
        return [iri for iri, _ in self._page("1", ())]

    def _head(self) -> Iterator[tuple[str, tuple]]:
        after = 0
        while True:
            page = self._page("texts.rowid > ? AND texts.rowid <= ? ORDER BY texts.rowid LIMIT ?",
                              (after, self.upto, PAGE), rowids=True)
            if not page:
                return
            after = page[-1][0]
            for _, iri, key in page:
                yield iri, key

    def _page(self, where: str, args: tuple, rowids: bool = False) -> list:
        index = self.index
        try:
            with index._lock:
                if index._checked != self.checked or not index._current():
                    raise Stale
                rows = index._db.execute(
                    "SELECT texts.rowid, d.iri, d.published, d.id, d.ordered FROM texts JOIN docs d ON d.n = "
                    f"texts.rowid WHERE texts MATCH ? AND {where}", (self.match, *args)).fetchall()
        except sqlite3.Error as err:
            raise Stale from err
        out = [(n, iri, (pub or "9999", id_) if ordered else None) for n, iri, pub, id_, ordered in rows]
        return out if rowids else [(iri, key) for _, iri, key in out]


def _key(item: tuple[str, tuple | None]) -> tuple:
    if item[1] is None:
        raise Unordered
    return item[1]


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

    @property
    def usable(self) -> bool:
        return self.path is not None and self.store.generation is not None

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
                    return Cut(self, match, self._checked, _meta(self._db, "upto"))
        except sqlite3.Error as err:  # a corrupt or vanished file: made anew by the catch-up
            log.warning("the document word index %s failed (%s); rebuilding it", self.path, err)
            self._drop()
        self.warm()
        return None

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
        build outweighs a share of it. What it did: {"added": n, "removed": n, "built": bool}."""
        with self._serial:
            generation = self.store.generation  # read first: a write during the catch-up leaves it stale
            state, texts = _state(self.store)
            with self._lock:
                db = self._open()
                have = dict(db.execute("SELECT iri, ident FROM docs"))
                garbage, tail = _meta(db, "garbage"), db.execute(
                    "SELECT COUNT(*) FROM docs WHERE n > ?", (_meta(db, "upto"),)).fetchone()[0]
            gone = [iri for iri, ident in have.items() if state.get(iri, (None,))[0] != ident]
            new = [iri for iri in state if have.get(iri) != state[iri][0]]
            if not have or garbage + len(gone) + tail + len(new) > max(TAIL, len(state) // 20):
                self._build(state, texts, generation)
                return {"added": len(state), "removed": len(have), "built": True}
            with self._lock:
                if gone or new:
                    self._checked = None
                with db:
                    db.executemany("DELETE FROM docs WHERE iri = ?", ((iri,) for iri in gone))
                    _bump(db, "garbage", len(gone))
            self._write(db, new, state, texts, lock=True)
            with self._lock:
                self._checked = (generation, _version(db))
            return {"added": len(new), "removed": len(gone), "built": False}

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _build(self, state: dict, texts: dict, generation) -> None:
        """Every document, earliest first, into a new file (in place for an index in memory), which then
        replaces the old one: questions read the old one until then."""
        order = sorted(state, key=lambda i: (state[i][1] or "9999", state[i][2] or "", i))
        if self.path == ":memory:":
            with self._lock:
                self._drop()
                db = self._open()
            self._write(db, order, state, texts, lock=True)
        else:
            fresh = self.path + ".new"
            for suffix in ("", "-wal", "-shm"):
                _remove(fresh + suffix)
            db = _connect(fresh)
            self._write(db, order, state, texts, lock=False)
            db.close()
            with self._lock:
                self._drop(remove=False)
                for suffix in ("-wal", "-shm"):
                    _remove(self.path + suffix)
                os.replace(fresh, self.path)
                db = self._open()
        with self._lock, db:
            db.execute("INSERT OR REPLACE INTO meta(k, v) VALUES ('upto', (SELECT COALESCE(MAX(n), 0) FROM docs))")
        with self._lock:
            self._checked = (generation, _version(db))

    def _write(self, db: sqlite3.Connection, iris: list[str], state: dict, texts: dict, *, lock: bool) -> None:
        """Each document's row and lower-cased texts, in that order, BATCH documents a transaction."""
        for at in range(0, len(iris), BATCH):
            batch = iris[at:at + BATCH]
            read = _texts(self.store, [i for i in batch if i not in texts])
            with self._lock if lock else contextlib.nullcontext(), db:
                for iri in batch:
                    ident, pub, id_ = state[iri]
                    body = texts.get(iri) or read.get(iri, [])
                    ordered = id_ is not None and pub != "\x01" and len(body) == 1  # one row, one key
                    cur = db.execute("INSERT INTO docs(iri, ident, published, id, ordered) VALUES (?, ?, ?, ?, ?)",
                                     (iri, ident, pub, id_, int(ordered)))
                    db.execute("INSERT INTO texts(rowid, text) VALUES (?, ?)",
                               (cur.lastrowid, SEP.join(t.lower() for t in sorted(body))))

    # --- inside the lock
    def _current(self) -> bool:
        if self._db is None or self._checked is None:
            return False
        if self.path != ":memory:" and _identity(self.path) != self._file:
            return False
        return self._checked == (self.store.generation, _version(self._db))

    def _open(self) -> sqlite3.Connection:
        if self._db is not None and (self.path == ":memory:" or _identity(self.path) == self._file):
            return self._db
        self._drop(remove=False)
        try:
            db = _connect(self.path)
        except sqlite3.DatabaseError as err:
            log.warning("the document word index %s is unreadable (%s); made anew", self.path, err)
            self._remove_files()
            db = _connect(self.path)
        self._db, self._file = db, _identity(self.path)
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
            for suffix in ("", "-wal", "-shm"):
                _remove(self.path + suffix)

    def _catch_up_logged(self) -> None:
        try:
            self.catch_up()
        except Exception as err:  # noqa: BLE001 - questions scan meanwhile; the next one tries again
            log.warning("catching up the document word index %s failed: %s", self.path, err)
            with self._lock:
                self._drop(remove=isinstance(err, sqlite3.DatabaseError))


def _connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    try:
        if path != ":memory:":
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(_SCHEMA)
        db.execute("PRAGMA quick_check(1)").fetchone()
        db.isolation_level = ""  # `with db:` commits or rolls back a transaction
    except sqlite3.Error:
        db.close()
        raise
    return db


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def _state(store: Store) -> tuple[dict[str, tuple[str, str | None, str | None]], dict[str, list[str]]]:
    """Each document of the store: (identity, its date of publication, its identifier); the date is
    "\x01" when it has several, the identifier None when it has none or several. And the texts of
    those without a content hash, which the identity of these includes."""
    seen: dict[str, tuple[set, set, set]] = {}
    for row in store.select(_STATE):
        hashes, ids, pubs = seen.setdefault(row["doc"].value, (set(), set(), set()))
        for name, into in (("hash", hashes), ("id", ids), ("published", pubs)):
            if name in row:
                into.add(row[name].value)
    unhashed = [iri for iri, (hashes, _, _) in seen.items() if not hashes]
    texts: dict[str, list[str]] = {}
    for at in range(0, len(unhashed), BATCH):
        texts.update(_texts(store, unhashed[at:at + BATCH]))
    out = {}
    for iri, (hashes, ids, pubs) in seen.items():
        pub = None if not pubs else next(iter(pubs)) if len(pubs) == 1 else "\x01"
        id_ = next(iter(ids)) if len(ids) == 1 else None
        what = [sorted(hashes), sorted(ids), sorted(pubs)] + ([] if hashes else [sorted(texts.get(iri, []))])
        out[iri] = (hashlib.sha256(json.dumps(what, ensure_ascii=False).encode()).hexdigest(), pub, id_)
    return out, texts


def _texts(store: Store, iris: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in store.select(_TEXTS % " ".join(str(NamedNode(i)) for i in iris)):
        out.setdefault(row["doc"].value, []).append(row["text"].value)
    return out


def _version(db: sqlite3.Connection) -> int:
    """What changes when another connection (another application object, another process) writes the file."""
    return db.execute("PRAGMA data_version").fetchone()[0]


def _meta(db: sqlite3.Connection, key: str) -> int:
    row = db.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
    return row[0] if row else 0


def _bump(db: sqlite3.Connection, key: str, by: int) -> None:
    db.execute("INSERT INTO meta(k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = v + ?", (key, by, by))
