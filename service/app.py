"""The application object: built once from Settings, it owns what the service runs on (the store, the
lexicons, the spaCy loader, the extractor, the name index, the store's counts, the SPARQL runner) and
hands it to the rooms that need it. Web (service/web: `init_app`), the CLI, ingest and question
answering receive it; none of them reads settings or builds these on its own.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from .lexicon import Lexicons
from .model import Document
from .models import Models
from .qa import answer, apart, clause
from .qa import lexicon as question_words
from .qa.docwords import DocWords
from .qa.names import Names
from .qa.wordfile import sidecar_path
from .read.stats import StoreStats
from .read.void import Cache as VoidCache
from .settings import Settings
from .sparql.limits import Runner
from .sparql.runners import open_runner
from .store import open_store
from .store.base import Store

if TYPE_CHECKING:  # ingest imports spaCy (70 MB): only a process that ingests loads it
    from .ingest.extractor import Extractor
    from .ingest.pipeline import IngestReport


class Kgqa:
    """One service: `Kgqa(Settings.from_env())`, or with a ready store (tests, embedding). Things are
    built on first use, or at once by warm(); close() lets go of the SPARQL workers and the store."""

    def __init__(self, settings: Settings, *, store: Store | None = None, lexicons: Lexicons | None = None,
                 models: Models | None = None, read_only: bool = False):
        self.settings = settings
        self.store = store if store is not None else open_store(settings, read_only=read_only)
        self._owns_store = store is None
        self.lexicons = lexicons if lexicons is not None else Lexicons(settings.lexicon_dir)
        self.models = models if models is not None else Models(settings.spacy_model)
        self.stats = StoreStats(self.store)
        self.void = VoidCache(settings.void_max_age, settings.query_timeout)
        self.names = Names(self.store, lambda: self.words, apart=False)
        self.doc_words = DocWords(self.store, sidecar_path(self.store, settings.words_index))
        self.write_lock = threading.Lock()  # one live ingest or removal at a time
        self.run_token = ""  # the per-run token `kgqa serve` accepts from `kgqa ingest` on loopback
        self._lock = threading.Lock()
        self._runner: Runner | None = None
        self._asking: threading.Thread | None = None
        self._extractors: dict[int, Extractor] = {}

    @property
    def words(self) -> question_words.QuestionLexicon:
        """The question lexicon, built once."""
        return self.lexicons.view(question_words.build)

    def question_model(self):
        """The spaCy pipeline questions are parsed with (the extraction's, without the components the
        question parser does not run), loaded on the first question."""
        return self.models.get(leave_out=clause.UNNEEDED_PIPES)

    def runner(self) -> Runner:
        """The /sparql query runner (worker processes for an embedded store), made on first use."""
        with self._lock:
            if self._runner is None:
                self._runner = open_runner(self.store, self.settings)
            return self._runner

    @property
    def open_runner(self) -> Runner | None:
        """The /sparql runner if one was made already (the fast path leaves the first query to Flask)."""
        return self._runner

    def ask(self, question, *, link_root: str, plain: bool = False) -> dict:
        """The answer document of a question (service/qa/answer.py)."""
        return answer.ask(self, question, link_root=link_root, plain=plain)

    def extractor(self, processes: int | None = None) -> Extractor:
        """The extractor of these settings (INGEST_PROCESSES, or `processes`), sharing the lexicons and
        the spaCy loader; a live ingest in a threaded server takes 1 (no processes forked from it)."""
        from .ingest.extractor import Extractor

        processes = self.settings.ingest_processes if processes is None else processes
        with self._lock:
            if processes not in self._extractors:
                self._extractors[processes] = Extractor(self.settings.with_values(ingest_processes=processes),
                                                        self.lexicons, self.models)
            return self._extractors[processes]

    def ingest_paths(self, paths, *, force: bool = False,
                     progress: Callable[[str], None] | None = None) -> IngestReport:
        """Ingest files and folders (service/ingest/pipeline.py)."""
        from .ingest.pipeline import ingest_paths

        return ingest_paths(paths, self.store, self.extractor(), force=force, progress=progress)

    def ingest_documents(self, documents: list[Document], *, processes: int | None = None,
                         **options) -> IngestReport:
        """Ingest documents already read (distinct ids), in `processes` worker processes."""
        from .ingest.pipeline import ingest_documents

        return ingest_documents(documents, self.store, self.extractor(processes), **options)

    def serve_names_apart(self) -> None:
        """Build the name index and the first counts in a child process (a server: the scans' memory
        is given back)."""
        self.names.apart = True
        self.stats.apart = apart.build
        self.doc_words.apart = True

    def warm(self) -> None:
        """What a server starts computing as it starts: the counts /healthz reports."""
        self.stats.warm()

    def warm_for_questions(self) -> None:
        """The name index and the question lexicon, built in the background once, on the first question
        (a server that only answers SPARQL and linked data never holds them)."""
        with self._lock:
            if self._asking is None:
                self._asking = answer.warm(self)
                self.doc_words.warm()

    def close(self) -> None:
        with self._lock:
            runner, self._runner = self._runner, None
        if runner is not None:
            runner.close()
        self.doc_words.close()
        if self._owns_store:
            self.store.close()

    def __enter__(self) -> Kgqa:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
