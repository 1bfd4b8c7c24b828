"""ingest_paths: files -> documents -> facts -> one named graph per document in the store.

Unchanged documents (same content hash and pipeline version) are skipped; the pipeline version is the
package version plus a digest of the lexicon data and the extraction code, so a changed rule or
lexicon re-extracts everything. Graphs are written in batches of about Store.write_batch_quads quads
with Store.replace_graphs: the embedded store bulk-writes each batch under a journal, so a failure or
crash midway leaves no half-written document (the store removes the batch's graphs when it is opened
again, and this ingest, finding them missing, re-extracts them). A bad document is reported in
IngestReport.errors and skipped; the others are ingested. A document whose id was derived from its
file name is refused when a document derived from a different file name holds that id (two files whose
names slug alike never replace each other); re-ingesting the same file, or a given id, replaces.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode

from .. import iris, vocab
from ..errors import DocumentError
from ..model import Document
from ..read.sources import list_sources
from ..store.base import Store, graph_quads
from . import graph, read
from .extractor import Extractor
from .facts import extract as extract_facts
from .workers import extract_graphs


@dataclass
class IngestReport:
    documents: int = 0  # ingested (extracted and written)
    facts: int = 0
    triples: int = 0
    seconds: float = 0.0
    skipped: int = 0  # unchanged since the last ingest
    recovered: int = 0  # graphs of an interrupted earlier write, removed when the store was opened
    errors: list[tuple[str, str]] = field(default_factory=list)  # (document or file, message)

    def fail(self, message: str) -> None:
        """Record a document's error; messages start with the file (and line): 'path[:line]: problem'."""
        name, _, problem = message.partition(": ")
        self.errors.append((name, problem or message))

    def summary(self) -> str:
        line = (f"ingested {self.documents} document(s), skipped {self.skipped} unchanged: "
                f"{self.facts} facts, {self.triples} triples in {self.seconds:.1f} s")
        if self.recovered:
            line += f"; {self.recovered} document(s) left half-written by an interrupted write were removed"
        return line + (f"; {len(self.errors)} error(s)" if self.errors else "")


def read_all(paths: list[str], report: IngestReport) -> list[Document]:
    docs: dict[str, Document] = {}
    try:
        files = read.find_files(paths)
    except DocumentError as err:
        report.fail(err.message)
        files = read.find_files([p for p in paths if Path(p).exists()])
    for path in files:
        try:
            for item in read.read_file(path):
                if isinstance(item, DocumentError):
                    report.fail(item.message)
                elif item.id in docs:
                    report.fail(f"{item.origin}: document id {item.id!r} already used by {docs[item.id].origin}")
                else:
                    docs[item.id] = item
        except DocumentError as err:
            report.fail(err.message)
    return list(docs.values())


def ingest_paths(paths, store: Store, extractor: Extractor, *, force: bool = False,
                 progress: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest files and folders into the store; see the module docstring."""
    started = time.perf_counter()
    report = IngestReport()
    documents = read_all([str(p) for p in paths], report)
    return ingest_documents(documents, store, extractor, force=force, progress=progress, report=report,
                            started=started)


def ingest_documents(documents: list[Document], store: Store, extractor: Extractor, *, force: bool = False,
                     progress: Callable[[str], None] | None = None, report: IngestReport | None = None,
                     started: float | None = None, atomic: bool = False) -> IngestReport:
    """Ingest documents already read (distinct ids) into the store, adding to `report`. `atomic`: each
    document's graph replaced in one transaction of its own (a server answering questions meanwhile),
    not in journaled bulk batches."""
    started = time.perf_counter() if started is None else started
    report = report or IngestReport()
    report.recovered = len(getattr(store, "recovered", None) or ())
    version = extractor.version
    base = iris.base(extractor.settings.base_iri)
    # The skip key: content hash, pipeline version and the document's IRI, which holds the base IRI, so
    # that a server moved to another address re-mints; the graph under the old base is then removed.
    known = {m["id"]: (m["content_hash"], m["pipeline_version"], m["iri"]) for m in list_sources(store)}
    names = source_names(store)
    todo, stale = [], {}
    for d in documents:
        other = names.get(d.id)
        iri = iris.document(base, d.id).value
        old = known.get(d.id)
        if d.name and other and other != d.name:
            report.fail(f"{d.origin or d.name}: document id {d.id!r} is already used by another source "
                        f"({other}); give this one an id of its own (\"id\" in its sidecar or JSON), or remove "
                        "the other first")
        elif not force and old == (graph.content_hash(d), version, iri):
            report.skipped += 1
        else:
            todo.append(d)
            if old and old[2] != iri:
                stale[d.id] = old[2]
    batch = _Batch(store, report, atomic=atomic)
    seen = 0
    for document, data, n_quads, facts, error in _graphs(todo, extractor, base, version):
        seen += 1
        where = document.origin or document.id
        if error is not None:
            report.fail(f"{where}: extraction failed ({error})")
            stale.pop(document.id, None)  # its old graph stays until it is ingested again
            continue
        batch.add(iris.document(base, document.id), data, n_quads, facts, remaining=len(todo) - seen)
        if progress:
            progress(f"[{seen}/{len(todo)}] {document.id}: {facts} facts")
    batch.write()
    for old_iri in stale.values():  # written under the new base: the old graph goes
        store.remove_graph(NamedNode(old_iri))
    report.seconds = time.perf_counter() - started
    return report


_NAMES = (f"SELECT ?id ?name WHERE {{ ?doc a {vocab.C_DOCUMENT} ; {vocab.DCT_IDENTIFIER} ?id ; "
          f"{vocab.SOURCENAME} ?name }}")


def source_names(store: Store) -> dict[str, str]:
    """id -> the file name (and line) it was derived from, for documents whose id was not given."""
    return {row["id"].value: row["name"].value for row in store.select(_NAMES)}


class _Batch:
    """Extracted graphs waiting to be written: one replace_graphs call per Store.write_batch_quads
    quads. Near the end (no more documents to come than the batch holds) a batch goes out at a quarter
    of that, so that the write left after the last document, which no extraction overlaps, stays
    short. A document counts as ingested only once its batch is written."""

    def __init__(self, store: Store, report: IngestReport, *, atomic: bool = False):
        self.store, self.report, self.atomic = store, report, atomic
        self.limit = 0 if atomic else max(0, int(getattr(store, "write_batch_quads", 0) or 0))
        self.graphs: list = []
        self.quads = self.facts = 0

    def add(self, graph_iri, data, n_quads: int, facts: int, remaining: int) -> None:
        self.graphs.append((graph_iri, data))
        self.quads += n_quads
        self.facts += facts
        if self.quads >= self.limit or (4 * self.quads >= self.limit and len(self.graphs) >= remaining):
            self.write()

    def write(self) -> None:
        if not self.graphs:
            return
        if self.atomic:
            for graph_iri, data in self.graphs:
                self.store.replace_graph(graph_iri, graph_quads(data))
        else:
            self.store.replace_graphs(self.graphs)
        self.report.documents += len(self.graphs)
        self.report.facts += self.facts
        self.report.triples += self.quads
        self.graphs, self.quads, self.facts = [], 0, 0


def _graphs(todo: list[Document], extractor: Extractor, base: str, version: str):
    """(document, its graph as N-Quads bytes or quads, quads, facts, error) per document: in worker
    processes when INGEST_PROCESSES > 1 (workers.py: the whole extraction runs there, with the default
    facts stage), else here."""
    processes = extractor.settings.ingest_processes
    if processes > 1 and len(todo) > 1 and extractor.facts_stage is extract_facts:
        yield from extract_graphs(todo, extractor.settings, base, version, min(processes, len(todo)))
        return
    for document, ex, doc in extractor.stream(todo):
        if isinstance(ex, Exception):
            yield document, None, 0, 0, f"{type(ex).__name__}: {ex}"
        else:
            quads = graph.quads(ex, base, version, doc)
            yield document, quads, len(quads), len(ex.facts), None
