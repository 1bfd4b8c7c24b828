"""The document word index's file (qa/docwords.py owns it): its tables, and what it is built from, the
store's documents (each known by an identity: its content hash, identifiers and dates; a document
without a hash by its texts too) and their texts, lower-cased as publishers.answers tests them.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading

from ..store.base import Store
from .facts import values

BATCH = 400  # documents whose texts are read in one query and written in one transaction
SEP = "\x00"  # between a document's texts (no substring looked for holds it)

_PREFIX = """PREFIX kg: <https://w3id.org/kgqa/ns#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""
_STATE = _PREFIX + """SELECT ?doc ?hash ?id ?published WHERE { ?doc a kg:Document
  OPTIONAL { ?doc kg:contentHash ?hash } OPTIONAL { ?doc dcterms:identifier ?id }
  OPTIONAL { ?doc schema:datePublished ?published } }"""
_TEXTS = _PREFIX + "SELECT ?doc ?text WHERE { %s ?doc a kg:Document ; nif:isString ?text }"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs(n INTEGER PRIMARY KEY AUTOINCREMENT, iri TEXT UNIQUE NOT NULL, ident TEXT NOT NULL,
  published TEXT, id TEXT, ordered INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5(text, tokenize='trigram case_sensitive 1', content='');
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v INTEGER NOT NULL);
"""


def fill(store: Store, db: sqlite3.Connection, state: dict, texts: dict, lock: threading.Lock | None = None) -> None:
    """Every document into an empty index, earliest first: their row numbers in that order."""
    write(store, db, sorted(state, key=lambda i: (state[i][1] or "9999", state[i][2] or "", i)), state, texts, lock)
    with lock or contextlib.nullcontext(), db:
        db.execute("INSERT OR REPLACE INTO meta(k, v) VALUES ('upto', (SELECT COALESCE(MAX(n), 0) FROM docs))")
        db.execute("INSERT OR REPLACE INTO meta(k, v) VALUES ('built', 1)")


def write(store: Store, db: sqlite3.Connection, iris: list[str], state: dict, texts: dict,
           lock: threading.Lock | None = None) -> None:
    """Each document's row and lower-cased texts, in that order, BATCH documents a transaction."""
    for at in range(0, len(iris), BATCH):
        batch = iris[at:at + BATCH]
        read = texts_of(store, [i for i in batch if i not in texts])
        with lock or contextlib.nullcontext(), db:
            for iri in batch:
                ident, pub, id_ = state[iri]
                body = texts.get(iri) or read.get(iri, [])
                ordered = id_ is not None and pub != "\x01" and len(body) == 1  # one row, one key
                cur = db.execute("INSERT INTO docs(iri, ident, published, id, ordered) VALUES (?, ?, ?, ?, ?)",
                                 (iri, ident, pub, id_, int(ordered)))
                db.execute("INSERT INTO texts(rowid, text) VALUES (?, ?)",
                           (cur.lastrowid, SEP.join(t.lower() for t in sorted(body))))


def state_of(store: Store) -> tuple[dict[str, tuple[str, str | None, str | None]], dict[str, list[str]]]:
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
        texts.update(texts_of(store, unhashed[at:at + BATCH]))
    out = {}
    for iri, (hashes, ids, pubs) in seen.items():
        pub = None if not pubs else next(iter(pubs)) if len(pubs) == 1 else "\x01"
        id_ = next(iter(ids)) if len(ids) == 1 else None
        what = [sorted(hashes), sorted(ids), sorted(pubs)] + ([] if hashes else [sorted(texts.get(iri, []))])
        out[iri] = (hashlib.sha256(json.dumps(what, ensure_ascii=False).encode()).hexdigest(), pub, id_)
    return out, texts


def texts_of(store: Store, iris: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in store.select(_TEXTS % values(iris, "doc")):
        out.setdefault(row["doc"].value, []).append(row["text"].value)
    return out


def version(db: sqlite3.Connection) -> int:
    """What changes when another connection (another application object, another process) writes the file."""
    return db.execute("PRAGMA data_version").fetchone()[0]


def meta(db: sqlite3.Connection, key: str) -> int:
    row = db.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
    return row[0] if row else 0


def bump(db: sqlite3.Connection, key: str, by: int) -> None:
    db.execute("INSERT INTO meta(k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = v + ?", (key, by, by))


def connect(path: str) -> sqlite3.Connection:
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


def identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def remove(path: str, suffixes: tuple[str, ...] = ("", "-wal", "-shm")) -> None:
    """An index file and its write-ahead files (those of `suffixes` that exist)."""
    for suffix in suffixes:
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


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
