"""The embedded store: pyoxigraph on disk (or in memory for tests), one named graph per document.

Writes of many graphs at once (ingest's replace_graphs, `kgqa load` of new graphs) take pyoxigraph's
bulk path: 3-4x faster than any transactional write (measured 36-58 k quads/s against 145 k), but
not atomic. They are journaled instead: the names of the graphs about to be written go first, in one
transaction, into the journal graph (kg:writeJournal, flushed to disk), then the data is bulk-written,
then the journal is cleared. A write that fails, or a process that dies, leaves the journal behind;
opening the store read-write again removes every graph it names (so a document is either complete or
absent, never half-written and looking complete) and clears it, and the next ingest re-ingests those
documents, since they are no longer in the store. One process owns a read-write store, so nobody
reads while a bulk write runs. Single-graph writes (replace_graph) stay one transaction.
"""
from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterable

import pyoxigraph as ox
from pyoxigraph import NamedNode, Quad, QueryBoolean, QuerySolutions, QueryTriples, Variable

from .. import formats
from ..errors import QuerySyntaxError, ResultTooLarge, StoreLocked
from ..vocab import PENDINGGRAPH, WRITEJOURNAL
from .base import GraphData, Store, Term, parse_into

JOURNAL = WRITEJOURNAL  # graph naming the graphs of a bulk write under way: <journal> kg:pendingGraph <g>
PENDING = PENDINGGRAPH
BATCH_QUADS = 200_000  # a bulk write costs 0.1-0.2 s whatever its size (journal, flush, RocksDB ingest):
# batches this big (about 300 news articles, 40 MB of N-Quads) keep that within a few per cent
BULK_LOAD_MIN_BYTES = 1 << 20  # smaller loads go in one transaction: the journal costs more than it saves
FLUSH_QUADS = 10_000  # live writes held in RocksDB's write buffers before settle() flushes them: a
# flush per document made new files so often that their cached blocks piled up (docs/soak.md)


class EmbeddedStore(Store):
    write_batch_quads = BATCH_QUADS

    def __init__(self, path: str | None, *, read_only: bool = False):
        """`path` None: an in-memory store. read_only: a consistent snapshot (e.g. of a backup).
        Opened read-write, a bulk write that never finished is undone first (see `recovered`)."""
        self.path = path
        self.read_only = read_only
        self.generation = 0  # bumped by every write, so caches of counts know when to refresh
        self.recovered: list[NamedNode] = []  # graphs of an interrupted bulk write, removed on opening
        self.description = f"embedded store {path}" if path else "in-memory store"
        self._disk = threading.Lock()  # a flush deletes write-ahead logs that a running backup is copying
        self._unflushed = 0  # quads of live writes since the last flush (see settle)
        try:
            if path is None:
                self.ox = ox.Store()
            elif read_only:
                self.ox = ox.Store.read_only(path)
            else:
                os.makedirs(path, exist_ok=True)
                self.ox = ox.Store(path)
        except OSError as err:
            raise StoreLocked(f"cannot open the {self.description}: {err}. Is another kgqa process "
                              "using it? One process owns a store.") from None
        if not read_only:
            self.recover()

    # --- writing
    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        # One SPARQL update is one Oxigraph transaction: the old graph is dropped and the new one
        # inserted together, so readers never see a half-written document. The data is written from
        # term objects (their N-Triples form), never from raw text.
        triples = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
        self.ox.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{triples} }} }}")
        self.generation += 1

    def replace_graphs(self, graphs: list[tuple[NamedNode, GraphData]]) -> None:
        """One journaled bulk write for the whole batch (module docstring). N-Quads bytes come from
        pyoxigraph terms (ingest's workers, graph.nquads), so they are loaded without re-checking IRIs."""
        if not graphs:
            return
        names = list(dict.fromkeys(g for g, _ in graphs))
        raw = b"".join(d for _, d in graphs if isinstance(d, bytes))
        quads = [q for _, d in graphs if not isinstance(d, bytes) for q in d]

        def write() -> None:
            if raw:
                self.ox.bulk_load(raw, format=ox.RdfFormat.N_QUADS, lenient=True)
            if quads:
                self.ox.bulk_extend(quads)

        self._journaled(names, write, replace=True)

    def remove_graph(self, graph: NamedNode) -> None:
        if self.ox.contains_named_graph(graph):
            self.ox.remove_graph(graph)
            self.generation += 1

    def load(self, data: bytes, media_type: str, graph: NamedNode | None = None) -> int:
        """Checked first, so bad RDF fails before anything is written. A large load whose graphs are
        all new named graphs (a dump of documents into a fresh store, or a file into a new --graph)
        takes the journaled bulk path, parsed natively from the bytes: if it dies midway, opening the
        store removes those graphs again. Anything else (the default graph, graphs that already hold
        data) is one transaction, since a half-done load there could not be told from what was there."""
        fmt = formats.RDF.get(media_type)
        if fmt is not None and len(data) >= BULK_LOAD_MIN_BYTES:
            checked = self._new_graphs(data, fmt, graph)
            if checked is not None:
                names, count = checked
                self._journaled(names, lambda: self.ox.bulk_load(
                    data, format=fmt, base_iri=graph.value if graph else None, to_graph=graph, lenient=True),
                    replace=False)
                return count
        quads = parse_into(data, media_type, graph)
        self.ox.extend(quads)
        self.generation += 1
        return len(quads)

    def _new_graphs(self, data: bytes, fmt, graph: NamedNode | None) -> tuple[list[NamedNode], int] | None:
        """(the graphs `data` goes into, its quads) when they are all named graphs the store does not
        hold yet, else None. Reads every quad (without keeping them), so bad RDF raises here."""
        if fmt.supports_datasets == (graph is not None):  # quads into a --graph: parse_into's mapping
            return None
        names: set = set()
        count = 0
        for quad in ox.parse(data, format=fmt, base_iri=graph.value if graph else None):
            count += 1
            if graph is None:
                names.add(quad.graph_name)
        if graph is not None:
            names = {graph}
        if not names or not all(isinstance(g, NamedNode) and g != JOURNAL and not self.ox.contains_named_graph(g)
                                for g in names):
            return None
        return sorted(names, key=str), count

    def _journaled(self, graphs: list[NamedNode], write: Callable[[], None], *, replace: bool) -> None:
        """Journal the graphs (durably), empty those that exist when replacing, run the bulk `write`,
        clear the journal. A failure leaves the journal for recover()."""
        self.ox.extend([Quad(JOURNAL, PENDING, g, JOURNAL) for g in graphs])
        if self.path:
            self.ox.flush()  # on disk before any bulk data, which RocksDB ingests as files of its own
        self.generation += 1
        if replace:
            existing = [g for g in graphs if self.ox.contains_named_graph(g)]
            if existing:  # one transaction, however many
                self.ox.update(" ;\n".join(f"DROP SILENT GRAPH {g}" for g in existing))
        write()
        self.ox.remove_graph(JOURNAL)
        self.generation += 1

    def recover(self) -> list[NamedNode]:
        """Remove the graphs of a bulk write that never finished (their documents are re-ingested by
        the next ingest, which finds them missing), then the journal. Safe to repeat if it dies too."""
        if not self.ox.contains_named_graph(JOURNAL):
            return []
        pending = [q.object for q in self.ox.quads_for_pattern(JOURNAL, PENDING, None, JOURNAL)]
        for g in pending:
            if isinstance(g, NamedNode) and self.ox.contains_named_graph(g):
                self.ox.remove_graph(g)
        self.ox.remove_graph(JOURNAL)
        self.generation += 1
        self.recovered = [g for g in pending if isinstance(g, NamedNode)]
        return self.recovered

    # --- reading
    def _run(self, query: str, bindings: dict[str, Term] | None = None, **kw):
        subs = {Variable(k): v for k, v in (bindings or {}).items()}
        try:
            return self.ox.query(query, use_default_graph_as_union=not (kw.get("default_graph")),
                                 substitutions=subs or None, **kw)
        except SyntaxError as err:
            raise QuerySyntaxError(f"malformed query: {err}") from None

    def select(self, query, bindings=None):
        result = self._run(query, bindings)
        if not isinstance(result, QuerySolutions):
            raise QuerySyntaxError("expected a SELECT query")
        names = [v.value for v in result.variables]  # values read by position: 2x faster than by name
        return [{n: v for n, v in zip(names, row, strict=False) if v is not None} for row in result]

    def ask(self, query, bindings=None):
        result = self._run(query, bindings)
        if not isinstance(result, QueryBoolean):
            raise QuerySyntaxError("expected an ASK query")
        return bool(result)

    def construct(self, query, bindings=None):
        result = self._run(query, bindings)
        if not isinstance(result, QueryTriples):
            raise QuerySyntaxError("expected a CONSTRUCT or DESCRIBE query")
        return list(result)

    def execute(self, query, media_type, *, default_graphs=None, named_graphs=None, max_bytes=0):
        kw = {}
        if default_graphs:
            kw["default_graph"] = [NamedNode(g) for g in default_graphs]
        if named_graphs:
            kw["named_graphs"] = [NamedNode(g) for g in named_graphs]
        result = self._run(query, **kw)
        if isinstance(result, QueryTriples):
            data = result.serialize(format=formats.RDF[media_type])
        else:
            data = result.serialize(format=formats.RESULTS[media_type])
        if max_bytes and len(data) > max_bytes:
            raise ResultTooLarge(f"the result has more than {max_bytes} bytes, the result-size limit "
                                 "(QUERY_MAX_BYTES); add a LIMIT or narrow the query", details={"max_bytes": max_bytes})
        return data

    def dump(self, media_type, graph=None):
        fmt = formats.RDF[media_type]
        if graph is None:
            return self.ox.dump(format=fmt)
        return self.ox.dump(format=fmt, from_graph=graph)

    def dump_to(self, output, media_type, graph=None):
        kw = {"from_graph": graph} if graph is not None else {}
        self.ox.dump(output, formats.RDF[media_type], **kw)

    def count_triples(self) -> int:
        """Every quad in the store, counted natively (about twice as fast as a SPARQL COUNT)."""
        return len(self.ox)

    def backup(self, target: str) -> None:
        """A consistent checkpoint that read-only processes can open safely."""
        with self._disk:
            self.ox.backup(target)

    def flush(self) -> None:
        """Write what RocksDB holds in memory to disk: a server's live writes would otherwise pile up in
        its write buffers (the server's memory grew with every document written)."""
        if self.path:
            with self._disk:
                self.ox.flush()
            self._unflushed = 0

    def settle(self, quads: int | None = None) -> bool:
        """After a live write of `quads` quads (None: of unknown size, e.g. a removed graph): flush once
        FLUSH_QUADS have accumulated since the last flush, so write buffers stay small and a flush
        is not made per document. Committed writes are in the write-ahead log either way (a killed
        process loses none). True when it flushed."""
        self._unflushed += FLUSH_QUADS if quads is None else max(0, quads)
        if self._unflushed < FLUSH_QUADS:
            return False
        self.flush()
        return True

    def close(self):
        if self.path and not self.read_only:  # a read-only snapshot has nothing to flush (and refuses to)
            self.ox.flush()
        del self.ox


def beside(path: str, kind: str) -> tuple[str, str]:
    """(the folder holding the store at `path`, the name prefix of this process's checkpoint folders of
    `kind` there: ".<store>.<kind>-<pid>-"), once the folders of that kind left by a process that is gone
    (a server killed while it held one; checkpoints are hard links, so they cost disk until removed) are
    removed."""
    store = os.path.abspath(path)
    parent, prefix = os.path.dirname(store), f".{os.path.basename(store)}.{kind}-"
    for stale in os.listdir(parent):
        if stale.startswith(prefix) and not _alive(stale[len(prefix):].split("-")[0]):
            shutil.rmtree(os.path.join(parent, stale), ignore_errors=True)
    return parent, f"{prefix}{os.getpid()}-"


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True
