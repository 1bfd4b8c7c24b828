"""The time limit and the result-size limit of user queries, and the runners that enforce them.

pyoxigraph cannot cancel a query (no timeout, SIGALRM not honoured), so a time limit needs somewhere
to run the query that can be abandoned or killed:
- `workers.WorkerPool` (embedded store on disk, QUERY_WORKERS > 0): worker processes over a
  `Store.backup` checkpoint, killed and replaced at the limit. The engine really stops.
- `ThreadRunner` (a remote store, an in-memory store, the one-shot CLI, or QUERY_WORKERS = 0): the query
  runs in a thread and the caller stops waiting at the limit. For a remote store the endpoint's HTTP
  timeout ends the request; in the CLI the process ends; in-memory, the engine runs on (so the number
  of such threads is bounded by the same semaphore that bounds running queries).

Result size is bounded while serializing: rows are counted in the serializer's output stream (SELECT)
or in the triple stream (CONSTRUCT/DESCRIBE), and serialization stops at QUERY_MAX_ROWS + 1; the bytes
written are counted too, and serialization stops past QUERY_MAX_BYTES (two rows can be megabytes).
"""
from __future__ import annotations

import io
import re
import threading
import time
from dataclasses import dataclass
from typing import Protocol

import pyoxigraph as ox

from .. import formats
from ..errors import KgqaError, QuerySyntaxError, QueryTimeout, ResultTooLarge, StoreUnavailable
from .queue import SlotQueue

# The RDF types a CONSTRUCT or DESCRIBE is served in, in order of preference.
GRAPH_FORMATS = {t: formats.RDF[t] for t in (formats.TURTLE, formats.NTRIPLES, formats.JSONLD, formats.RDFXML)}
# What starts a new row in each results format, as pyoxigraph writes it. JSON: the first row, then a
# row that follows a non-empty row ("}},{") or an empty one ("{},{", counted overlapping); strings
# escape '"', so only a literal holding those exact brackets could overcount (a conservative error).
# XML escapes '<' in values. TSV escapes line breaks. CSV is read with its quotes (_count_csv).
# Counted with bytes.count (a regex scan of every position cost a tenth of a millisecond per 7 kB).
_ROW_MARKS = {
    formats.JSON: (b'"bindings":[{', b"}},{", b"{},{"),
    formats.XML: (b"<result>",),
    formats.CSV: None,
    formats.TSV: (b"\n",),
}
_EMPTY_ROWS = re.compile(rb"(?=\{\},\{)")  # "{},{" overlaps itself in a run of empty rows


def _count_marks(marks: tuple[bytes, ...], data: bytes) -> int:
    """Occurrences of the marks in `data`, overlapping ones included (no mark overlaps another)."""
    count = 0
    for mark in marks:
        if mark == b"{},{":
            count += len(_EMPTY_ROWS.findall(data)) if mark in data else 0
        else:
            count += data.count(mark)
    return count


@dataclass(frozen=True)
class Job:
    """One checked query, ready to run: everything a worker process needs (it pickles)."""

    query: str
    media_type: str  # the canonical media type the result is serialized as
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    has_dataset: bool = False  # the query names its own dataset (FROM / FROM NAMED)
    default_graphs: tuple[str, ...] | None = None  # protocol dataset (default-graph-uri)
    named_graphs: tuple[str, ...] | None = None  # protocol dataset (named-graph-uri)
    max_rows: int = 10_000
    max_bytes: int = 5_000_000  # the serialized result's size limit
    base_iri: str | None = None  # relative IRIs resolve against it: the endpoint's URL
    prefixes: tuple[tuple[str, str], ...] = ()  # the query's prefixes, used in Turtle and RDF/XML output
    light: int = 0  # light.is_light: the most rows of a query bounded by construction; 0: not light

    @property
    def is_graph(self) -> bool:  # CONSTRUCT / DESCRIBE: an RDF graph, not a results table
        return self.form in ("CONSTRUCT", "DESCRIBE")


class Runner(Protocol):
    def run(self, job: Job) -> bytes: ...

    def close(self) -> None: ...


class _RowCounter(io.RawIOBase):
    """A writable stream that counts rows in serialized SPARQL results and stops past the limit."""

    def __init__(self, media_type: str, max_rows: int, max_bytes: int = 0):
        self.mark, self.max_rows, self.max_bytes = _ROW_MARKS[media_type], max_rows, max_bytes
        self.csv = media_type == formats.CSV
        self.header = 1 if media_type in (formats.CSV, formats.TSV) else 0  # CSV/TSV: a header line
        self.buffer, self.rows, self.tail, self.quoted = io.BytesIO(), 0, b"", False

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        data = bytes(data)
        if self.csv:
            self._count_csv(data)
        else:
            window = self.tail + data  # a mark may straddle two writes
            self.rows += _count_marks(self.mark, window) - _count_marks(self.mark, self.tail)
            self.tail = window[-16:]
        if self.rows - self.header > self.max_rows:
            raise ResultTooLarge(too_large(self.max_rows, "rows"))
        _check_bytes(self.buffer.tell() + len(data), self.max_bytes)
        self.buffer.write(data)
        return len(data)

    def _count_csv(self, data: bytes) -> None:
        """CSV rows end with a line break outside quotes (a quoted value may hold line breaks; a
        doubled quote inside one toggles twice, so the state stays right across writes)."""
        pos = 0
        while pos <= len(data):
            quote = data.find(b'"', pos)
            end = len(data) if quote < 0 else quote
            if not self.quoted:
                self.rows += data.count(b"\n", pos, end)
            if quote < 0:
                return
            self.quoted, pos = not self.quoted, quote + 1

    def getvalue(self) -> bytes:
        return self.buffer.getvalue()


class _ByteCounter(io.RawIOBase):
    """A writable stream that stops past `max_bytes` (0: no limit)."""

    def __init__(self, max_bytes: int):
        self.buffer, self.max_bytes = io.BytesIO(), max_bytes

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        _check_bytes(self.buffer.tell() + len(data), self.max_bytes)
        return self.buffer.write(data)

    def getvalue(self) -> bytes:
        return self.buffer.getvalue()


def too_large(limit: int, unit: str) -> str:
    setting = "QUERY_MAX_BYTES" if unit == "bytes" else "QUERY_MAX_ROWS"
    return (f"the result has more than {limit} {unit}, the result-size limit ({setting}); "
            "add a LIMIT or narrow the query")


def _check_bytes(size: int, max_bytes: int) -> None:
    if max_bytes and size > max_bytes:
        raise ResultTooLarge(too_large(max_bytes, "bytes"), details={"max_bytes": max_bytes})


def _bounded(triples, max_rows: int):
    for count, triple in enumerate(triples, 1):
        if count > max_rows:
            raise ResultTooLarge(too_large(max_rows, "triples"))
        yield triple


def dataset_options(job: Job) -> dict:
    """pyoxigraph keyword arguments for the job's dataset. A protocol dataset replaces the query's
    (SPARQL 1.1 Protocol 2.1.4), and one of its two halves left out is empty; with no dataset at all,
    the default graph is the union of every graph."""
    if job.default_graphs is not None or job.named_graphs is not None:
        return {"default_graph": [ox.NamedNode(g) for g in job.default_graphs or ()],
                "named_graphs": [ox.NamedNode(g) for g in job.named_graphs or ()]}
    if job.has_dataset:
        return {}
    return {"use_default_graph_as_union": True}


def run_on_oxigraph(store: ox.Store, job: Job) -> bytes:
    """Run the job on a pyoxigraph store, serialized as job.media_type within job.max_rows."""
    try:
        result = store.query(job.query, base_iri=job.base_iri, **dataset_options(job))
    except SyntaxError as err:
        raise QuerySyntaxError(f"malformed query: {err}") from None
    except ValueError as err:  # e.g. a protocol graph IRI that is not an IRI
        raise QuerySyntaxError(f"bad dataset or query: {err}") from None
    if isinstance(result, ox.QueryTriples) != job.is_graph:
        raise QuerySyntaxError("the query form could not be read reliably; write the query keyword "
                               "(SELECT, ASK, CONSTRUCT, DESCRIBE) on its own")
    if job.is_graph:
        out = _ByteCounter(job.max_bytes)
        ox.serialize(_bounded(result, job.max_rows), out, format=GRAPH_FORMATS[job.media_type],
                     prefixes=dict(job.prefixes) or None)
        return out.getvalue()
    if isinstance(result, ox.QueryBoolean):
        return result.serialize(format=formats.RESULTS[job.media_type])
    if 0 < job.light <= job.max_rows:  # its LIMIT keeps it within the row limit: only bytes are counted
        counter = _ByteCounter(job.max_bytes)
    else:
        counter = _RowCounter(job.media_type, job.max_rows, job.max_bytes)
    result.serialize(counter, format=formats.RESULTS[job.media_type])
    return counter.getvalue()


def check_size(data: bytes, job: Job) -> bytes:
    """The result-size limit applied to results a store has already serialized (a remote store):
    parsed back lazily, so any endpoint's formatting is understood."""
    _check_bytes(len(data), job.max_bytes)
    if job.is_graph:
        items = ox.parse(data, format=GRAPH_FORMATS[job.media_type])
    elif job.form == "SELECT" and job.media_type == formats.CSV:  # pyoxigraph cannot parse CSV back
        _RowCounter(job.media_type, job.max_rows).write(data)
        return data
    elif job.form == "SELECT":
        items = ox.parse_query_results(data, format=formats.RESULTS[job.media_type])
    else:
        return data
    for count, _ in enumerate(items, 1):
        if count > job.max_rows:
            raise ResultTooLarge(too_large(job.max_rows, "triples" if job.is_graph else "rows"))
    return data


def run_light(store, job: Job) -> bytes | None:
    """A light job (light.is_light) run at once in this thread on an embedded store: no worker hop,
    no thread, no checkpoint. Its work is bounded by its LIMIT (or an ASK's first match), its result
    by the same row and byte limits as any other. None: not light, or not an embedded engine."""
    engine = getattr(store, "ox", None)
    if not job.light or not isinstance(engine, ox.Store):
        return None
    return run_on_oxigraph(engine, job)


def execute(store, job: Job) -> bytes:
    """Run the job in this thread on any store: on the engine itself for an embedded store (exact
    dataset semantics, streamed limits), through the store interface otherwise."""
    engine = getattr(store, "ox", None)
    if isinstance(engine, ox.Store):
        return run_on_oxigraph(engine, job)
    query = f"BASE <{job.base_iri}>\n{job.query}" if job.base_iri else job.query
    data = store.execute(query, job.media_type, default_graphs=list(job.default_graphs or []) or None,
                         named_graphs=list(job.named_graphs or []) or None, max_bytes=job.max_bytes)
    return check_size(data, job)


class ThreadRunner:
    """Runs each query in a daemon thread and stops waiting at the time limit. At most `slots`
    queries run at once, counting abandoned ones until they really end; more wait in a SlotQueue."""

    def __init__(self, store, *, timeout: float, slots: int = 2, queue: int = 16, queue_timeout: float = 60.0):
        self.store, self.timeout = store, timeout
        self.line = SlotQueue(slots, depth=queue, wait=queue_timeout)

    def run(self, job: Job) -> bytes:
        """Waiting for a slot and running are bounded separately (as in workers.WorkerPool). A light job
        on an embedded store runs at once in the caller's thread (run_light)."""
        data = run_light(self.store, job)
        if data is not None:
            return data
        self.line.acquire()
        started = time.monotonic()
        box: dict = {}
        done = threading.Event()

        def work():
            try:
                box["data"] = execute(self.store, job)
            except KgqaError as err:
                # a fresh error without the traceback, whose frames hold pyoxigraph results that must
                # be dropped on this thread (they are not sendable)
                box["error"] = type(err)(err.message, details=err.details)
            except Exception as err:  # an engine or network failure, reported to the caller
                box["error"] = StoreUnavailable(f"the query failed in the store: {err}")
            finally:
                done.set()
                self.line.release(time.monotonic() - started)

        threading.Thread(target=work, name="kgqa-sparql-query", daemon=True).start()
        if not done.wait(self.timeout):
            raise QueryTimeout(timeout_message(self.timeout))
        if "error" in box:
            raise box["error"]
        return box["data"]

    def close(self) -> None:
        """Nothing to release: running threads end with their query."""


def timeout_message(limit: float) -> str:
    return (f"the query ran longer than {limit:g} s, the time limit of a SPARQL query (QUERY_TIMEOUT), "
            "and was stopped; narrow it or add a LIMIT")
