"""workers: a worker process that dies or hangs mid-ingest is noticed; the documents it was extracting
get a one-line error naming what happened, every other document is ingested, and the ingest ends.

A hang must fail the test rather than block the suite: the ingest runs in a thread given a generous
bound (no timing is asserted, the bound only stops a hung run)."""
import os
import signal
import threading

import pytest

from service.ingest import workers
from service.ingest.pipeline import ingest_paths
from service.read.sources import list_sources
from tests.support import extractor

BASE = "http://kgqa.test/"
HUNG_RUN_S = 600  # far above any healthy run of these six short documents
SENTENCES = [
    "The foreign minister of Ruritania met the envoy of Freedonia in Vienna on Monday.",
    "Prime Minister Ada Lindqvist proposed a new trade agreement at the summit.",
    "Senator Paul Okafor said the budget would be cut by ten percent.",
    "The defence secretary of Borduria visited the border region on Tuesday.",
    "President Marta Ilves accepted the invitation to the conference in Oslo.",
    "The finance minister of Syldavia estimated the cost of the bridge at two billion euros.",
]


def _folder(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, sentence in enumerate(SENTENCES):
        (folder / f"doc-{i}.txt").write_text(sentence + "\n", encoding="utf-8")
    return folder


def _ingest_bounded(folder, store):
    """ingest_paths in a thread; the test fails, rather than hangs, if it does not end."""
    out: dict = {}
    conf = extractor(INGEST_PROCESSES=2)
    thread = threading.Thread(target=lambda: out.update(report=ingest_paths([str(folder)], store, conf)),
                              daemon=True)
    thread.start()
    thread.join(HUNG_RUN_S)
    assert not thread.is_alive(), "the ingest hung"
    return out["report"]


@pytest.mark.parametrize("harm, message", [
    (signal.SIGKILL, "its worker process died before finishing it, killed by signal SIGKILL; ingest it again"),
    (signal.SIGSTOP, "its worker process died before finishing it, hung: no CPU used for 1 s, killed; "
                     "ingest it again"),
], ids=["killed", "hung"])
def test_workers_harmed_worker_is_reported_and_the_others_ingested(store, tmp_path, monkeypatch, harm, message):
    monkeypatch.setattr(workers, "CHUNK_DOCS", 2)  # jobs of documents 0-1, 2-3, 4-5
    monkeypatch.setattr(workers, "STALL_S", 1.0)
    monkeypatch.setattr(workers, "POLL_S", 0.5)
    submit = workers._Worker.submit
    harmed = []

    def submit_then_harm(worker, number, job):
        submit(worker, number, job)
        if number == 0:  # the worker of the first job, as soon as it has it
            os.kill(worker.process.pid, harm)
            harmed.append(worker.process.pid)

    monkeypatch.setattr(workers._Worker, "submit", submit_then_harm)
    report = _ingest_bounded(_folder(tmp_path), store)
    failed = {name.rsplit("/", 1)[-1] for name, _ in report.errors}
    assert harmed and failed == {"doc-0.txt", "doc-1.txt"}
    assert {problem for _, problem in report.errors} == {f"extraction failed ({message})"}
    assert sorted(s["id"] for s in list_sources(store)) == ["doc-2", "doc-3", "doc-4", "doc-5"]
    assert report.documents == 4


def test_workers_ingest_again_after_a_death_completes_the_store(store, tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    submit = workers._Worker.submit

    def submit_then_kill(worker, number, job):
        submit(worker, number, job)
        if number == 0:
            os.kill(worker.process.pid, signal.SIGKILL)

    monkeypatch.setattr(workers._Worker, "submit", submit_then_kill)
    assert _ingest_bounded(folder, store).errors
    monkeypatch.setattr(workers._Worker, "submit", submit)
    again = _ingest_bounded(folder, store)
    assert not again.errors and again.skipped + again.documents == len(SENTENCES)
    assert len(list_sources(store)) == len(SENTENCES)


def test_workers_a_paused_job_does_not_stop_the_others(store, tmp_path, monkeypatch):
    """The worker of the first job pauses (SIGSTOP, resumed 3 s later, a long document's stand-in)
    while the other finishes later jobs past what may wait for the caller: all end in the store."""
    monkeypatch.setattr(workers, "CHUNK_DOCS", 1)
    monkeypatch.setattr(workers, "BUFFERED", 0)
    submit = workers._Worker.submit

    def submit_then_pause(worker, number, job):
        submit(worker, number, job)
        if number == 0:
            os.kill(worker.process.pid, signal.SIGSTOP)
            threading.Timer(3.0, os.kill, (worker.process.pid, signal.SIGCONT)).start()

    monkeypatch.setattr(workers._Worker, "submit", submit_then_pause)
    report = _ingest_bounded(_folder(tmp_path), store)
    assert not report.errors and report.documents == len(SENTENCES)
