"""Dumps: the whole dataset, or one source's named graph, in an RDF format, written as it is read.

The whole dataset can be large (a million quads is about 200 MB of N-Quads), so it is streamed: a
thread runs the store's dump_to() into a pipe of bounded chunks that the caller iterates, and stopping
the iteration (a client that hangs up) stops the writer. A source's graph is one article's facts (a few
thousand triples at most), small enough to serialize in one piece.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

import pyoxigraph as ox
from pyoxigraph import NamedNode, Quad

from .. import formats
from ..errors import BadRequest
from ..store.base import Store
from .linked import FORMATS, prefixes, serialize_triples

# ?format= names, for links and people without an Accept header
BY_NAME = {n: formats.NAMES[n] for n in ("nquads", "trig", "turtle", "ntriples", "jsonld")}
DATASET_TYPES = formats.DATASETS  # whole-dataset dumps keep the graphs
GRAPH_TYPES = [*DATASET_TYPES, formats.TURTLE, formats.NTRIPLES, formats.JSONLD]
CHUNK = 1 << 16


def media_type_named(name: str, offered: list[str]) -> str:
    """The media type of a ?format= value, if it is offered here; BadRequest naming the choices."""
    kind = BY_NAME.get(name.lower())
    if kind not in offered:
        choices = ", ".join(n for n, t in BY_NAME.items() if t in offered)
        raise BadRequest(f"Unknown format {name!r}; choose one of: {choices}")
    return kind


class _Closed(BrokenPipeError):
    """The reader went away: the writer stops."""


class _Pipe:
    """A binary file object whose writes become chunks of about CHUNK bytes on a bounded queue."""

    def __init__(self, chunks: queue.Queue, stopped: threading.Event):
        self.chunks, self.stopped, self.buffer = chunks, stopped, bytearray()

    def write(self, data) -> int:
        self.buffer += data
        if len(self.buffer) >= CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.buffer:
            self._put(bytes(self.buffer))
            self.buffer.clear()

    def _put(self, item) -> None:
        while not self.stopped.is_set():
            try:
                self.chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _Closed("the reader stopped")


_DONE = object()


def stream(store: Store, media_type: str) -> Iterator[bytes]:
    """The whole dataset as `media_type` (N-Quads or TriG), in chunks, while a thread writes it.
    Errors of the store are raised from the iteration; closing the iterator stops the writer."""
    chunks: queue.Queue = queue.Queue(maxsize=8)
    stopped = threading.Event()
    pipe = _Pipe(chunks, stopped)

    def write():
        try:
            store.dump_to(pipe, media_type)
            pipe.flush()
            pipe._put(_DONE)
        except _Closed:
            pass
        except BaseException as err:  # handed to the reader, who raises it
            try:
                pipe._put(err)
            except _Closed:
                pass

    writer = threading.Thread(target=write, name="kgqa-dump", daemon=True)
    writer.start()
    try:
        while True:
            item = chunks.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stopped.set()


def graph(store: Store, graph_iri: NamedNode, media_type: str, base_iri: str) -> bytes:
    """One named graph as `media_type`: N-Quads and TriG keep the graph's name (so loading the dump
    restores the graph), the triple formats hold its triples, sorted and with the prefixes of
    /entities (the store's own per-graph dump is triples without prefixes)."""
    data = store.dump(formats.NTRIPLES, graph_iri)
    triples = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    if media_type in DATASET_TYPES:
        quads = sorted((Quad(t.subject, t.predicate, t.object, graph_iri) for t in triples), key=str)
        return ox.serialize(quads, format=FORMATS[media_type], prefixes=prefixes(base_iri))
    return serialize_triples(triples, media_type, base_iri)
