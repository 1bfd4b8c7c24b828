"""Ingest: the real pipeline against bare spaCy on the same texts, and its store stage (the pipeline's
own replace_graphs batches, replayed) against pyoxigraph's raw bulk_extend of the same quads.

Order: bare spaCy, the ingest, bare spaCy again (full run); the baseline is the mean of its runs, so a
machine that slows down or speeds up during the run moves both sides alike.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pyoxigraph as ox

from service.settings import Settings
from service.store.base import graph_quads
from service.store.embedded import EmbeddedStore

from . import corpus as corpus_mod
from .results import Figure, Results
from .timed_store import TimedStore

SECTION = "ingest"
BASE = "http://127.0.0.1:8000/"


def bare_spacy(nlp, texts: list[str], processes: int, batch_size: int) -> float:
    """Seconds for nlp.pipe over the texts, every Doc consumed, the model already loaded."""
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def run(results: Results, work: Path, *, n_docs: int = 500, processes: int = 2,
        words: tuple[int, int] = (250, 450), spacy_runs: int = 2) -> None:
    import spacy

    from service.ingest.extractor import Extractor
    from service.ingest.pipeline import ingest_paths

    corpus = corpus_mod.build(work / "corpus", n_docs, min_words=words[0], max_words=words[1])
    results.facts["ingest_corpus"] = {"documents": len(corpus.texts), "words": corpus.words,
                                      "source_articles": corpus.sources, "paragraphs": corpus.paragraphs,
                                      "processes": processes}
    print(f"ingest corpus: {len(corpus.texts)} documents, {corpus.words:,} words, recombined from "
          f"{corpus.paragraphs} paragraphs of {corpus.sources} articles", flush=True)
    settings = Settings.from_env({"STORE": str(work / "ingest-store"), "INGEST_PROCESSES": processes,
                                  "BASE_IRI": BASE})
    nlp = spacy.load(settings.spacy_model)
    extractor = Extractor(settings)
    batch = max(1, len(corpus.texts) // (processes * 8))

    # warm-up: the pipeline loads its model and lexicons once, as a long-running ingest does
    warm = work / "warm"
    warm.mkdir(parents=True, exist_ok=True)
    for name in sorted(corpus.folder.iterdir())[:4]:
        shutil.copy(name, warm / name.name)
    with EmbeddedStore(str(work / "warm-store")) as st:
        ingest_paths([str(warm)], st, extractor)

    first = bare_spacy(nlp, corpus.texts, processes, batch)
    store = TimedStore(EmbeddedStore(settings.store))
    start = time.perf_counter()
    report = ingest_paths([str(corpus.folder)], store, extractor)
    ingest_s = time.perf_counter() - start
    runs = [first] + [bare_spacy(nlp, corpus.texts, processes, batch) for _ in range(spacy_runs - 1)]
    spacy_s = sum(runs) / len(runs)
    results.facts["ingest_run"] = {"ingest_seconds": ingest_s, "spacy_seconds": runs,
                                   "summary": report.summary(), "store_calls": dict(store.calls),
                                   "store_seconds": store.seconds}
    if report.errors or report.documents != len(corpus.texts):  # a rate over fewer documents means nothing
        results.fail(SECTION, f"{len(report.errors)} documents failed, first: {report.errors[:1]}")
        store.close()
        return
    print(f"  kgqa ingest: {report.summary()}", flush=True)
    n = len(corpus.texts)
    note = f"{processes} processes, {n} docs, {corpus.words:,} words"
    results.add(Figure(SECTION, "documents/s of kgqa ingest", n / ingest_s, "docs/s",
                       f"bare spaCy nlp.pipe (n_process={processes})", n / spacy_s,
                       goal=">= 0.9x", goal_value=0.9, note=note))
    results.add(Figure(SECTION, "words/s of kgqa ingest", corpus.words / ingest_s, "words/s",
                       f"bare spaCy nlp.pipe (n_process={processes})", corpus.words / spacy_s,
                       goal=">= 0.9x", goal_value=0.9))

    # store stage: the graphs the pipeline wrote, written again exactly as it wrote them (the same
    # replace_graphs batches, the same data: N-Quads bytes from the workers) into a fresh store, against
    # a raw bulk_extend of the same quads in one call; both alone on the machine, so that spaCy's
    # processes weigh on neither; twice each, alternating, and the mean of each side
    store.close()
    batches = store.batches + [[(g, qs)] for g, qs in store.written]  # replace_graph calls, if any
    quads = [q for batch in batches for _, data in batch for q in graph_quads(data)]
    ours, theirs = [], []
    for i in range(2):
        with EmbeddedStore(str(work / f"replay-store-{i}")) as replay:
            start = time.perf_counter()
            for batch in batches:
                replay.replace_graphs(batch)
            replay.ox.flush()
            ours.append(time.perf_counter() - start)
        raw = ox.Store(str(work / f"raw-store-{i}"))
        start = time.perf_counter()
        raw.bulk_extend(quads)
        raw.flush()
        theirs.append(time.perf_counter() - start)
        del raw
    replay_s, raw_s = sum(ours) / len(ours), sum(theirs) / len(theirs)
    results.facts["ingest_quads"] = len(quads)
    results.facts["ingest_store_stage"] = {"replace_graphs_seconds": ours, "bulk_extend_seconds": theirs,
                                           "batches": len(batches)}
    results.add(Figure(SECTION, "quads/s of the store stage (replace_graphs: journaled bulk writes)",
                       len(quads) / replay_s, "quads/s", "pyoxigraph Store.bulk_extend, on disk, one call",
                       len(quads) / raw_s, goal=">= 0.8x", goal_value=0.8,
                       note=f"{len(quads):,} quads of {sum(len(b) for b in batches)} graphs in {len(batches)} "
                            f"batches; inside the ingest the store stage took {store.seconds:.1f} s of "
                            f"{ingest_s:.1f} s"))
