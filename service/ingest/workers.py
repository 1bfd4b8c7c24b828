"""Whole-document extraction in worker processes, for ingest with INGEST_PROCESSES > 1.

Each worker runs everything for a few documents at a time (clean, nlp, actors, facts, graph quads):
the paragraphs of those documents go through spaCy as one stream (docs/ingest-speed.md), and each
document's graph comes back as N-Quads bytes, which the store bulk-loads natively. The main process
only writes graphs to the store; documents come back in input order, each extracted exactly as with
one process, so the graph is the same.

Workers are forked from multiprocessing's fork server, a clean single-threaded process that has the
default pipeline built once (service/ingest/preload.py), never from the caller: a caller holding
threads (RocksDB's, a web server's) can be forked with a lock held, and the child then waits forever.
The main process supervises them instead of trusting a Pool: each has its own job queue and result
pipe, so a worker that dies (killed, crashed) is noticed at once; the documents it had not finished
get a one-line error and the jobs it had not started go to a replacement. A worker that holds work and
uses no CPU for STALL_S seconds is taken for hung and treated as dead. Nothing here waits without bound.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import signal
import sys
import threading
import time
import types
from collections import deque
from collections.abc import Iterator
from multiprocessing.connection import wait

from ..errors import ConfigError, KgqaError
from ..model import Document
from ..settings import Settings
from .extractor import Extractor

CHUNK_DOCS = 4  # documents per job: their paragraphs fill spaCy's batches; more only lengthens the tail
AHEAD = 2  # jobs queued to a worker: the next is there when it finishes one
BUFFERED = 64  # finished jobs the caller has not taken yet, at most, before more are handed out
STALL_S = 120.0  # a worker with work and no CPU used for this long is hung
POLL_S = 5.0  # how often a waiting main process looks at its workers' CPU
STOP_S = 10.0  # at the end, how long workers get to exit before they are killed
PRELOAD = "service.ingest.preload"
Result = tuple[bytes | None, int, int, str | None, bool]


def _start(settings: Settings) -> Extractor:
    """The extractor of one worker process, built: the fork server's when its settings are the same
    (preload.py built it before forking), else one of its own."""
    from . import preload

    made = preload.EXTRACTOR
    same = made is not None and (made.settings.spacy_model, made.settings.lexicon_dir) == (
        settings.spacy_model, settings.lexicon_dir)
    extractor = made if same else Extractor(settings)
    extractor.warm()
    return extractor


def _extract(extractor: Extractor, documents: list[Document], base: str, version: str) -> Iterator[Result]:
    """(N-Quads of the document's graph, facts, triples, error message, error is fatal) for each
    document of a job, in a worker, as each is done."""
    from . import graph

    try:
        for _, ex, doc in extractor.stream(documents):
            if isinstance(ex, Exception):
                yield None, 0, 0, f"{type(ex).__name__}: {ex}", False
                continue
            data, n_quads = graph.nquads(ex, base, version, doc)
            yield data, len(ex.facts), n_quads, None, False
    except KgqaError as err:  # a configuration problem stops the ingest, as with one process
        yield None, 0, 0, err.message, True


def _serve(jobs, results, settings: Settings) -> None:
    """A worker: (job number, documents, base, version) from `jobs` until None; sends
    (job number, document index, Result) for each document."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        extractor = _start(settings)
    except KgqaError as err:
        results.send((-1, 0, (None, 0, 0, err.message, True)))
        return
    while (job := jobs.get()) is not None:
        number, documents, base, version = job
        for i, result in enumerate(_extract(extractor, documents, base, version)):
            results.send((number, i, result))


def _context():
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([PRELOAD])  # effective when the fork server starts (once per process)
    return ctx


class _Worker:
    def __init__(self, ctx, settings: Settings):
        self.jobs = ctx.Queue()
        self.jobs.cancel_join_thread()  # a dead worker's unread jobs must not block our exit
        self.results, send = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=_serve, args=(self.jobs, send, settings), daemon=True,
                                   name="kgqa-ingest-worker")
        with _main_hidden():
            self.process.start()
        send.close()  # ours closed: the worker's death reads as end of file
        self.outstanding: deque[int] = deque()  # job numbers sent, in order, not yet finished
        self.cpu, self.since = _cpu_ticks(self.process.pid), time.monotonic()
        self.hung = False

    def submit(self, number: int, job: tuple) -> None:
        self.outstanding.append(number)
        self.jobs.put((number, *job))

    def how_it_ended(self) -> str:
        if self.hung:
            return f"hung: no CPU used for {STALL_S:.0f} s, killed"
        code = self.process.exitcode
        if code is not None and code < 0:
            return f"killed by signal {signal.Signals(-code).name}"
        return f"exit status {code}"

    def stop(self, wait_s: float) -> None:
        if self.process.is_alive() and wait_s:
            self.jobs.put(None)
            self.process.join(wait_s)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(STOP_S)
        self.jobs.close()
        self.results.close()


@contextlib.contextmanager
def _main_hidden():
    """While a worker starts: multiprocessing would have it run the caller's __main__ again (a script
    without a main guard would then ingest again in each worker); a worker needs nothing from it."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _cpu_ticks(pid: int) -> int | None:
    """User + system CPU of a process in clock ticks (Linux /proc), None where unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return None


def extract_graphs(documents: list[Document], settings: Settings, base: str, version: str,
                   processes: int) -> Iterator[tuple[Document, bytes | None, int, int, str | None]]:
    """(document, N-Quads of its graph or None, quads, facts, error message) per document, in order."""
    size = max(1, min(CHUNK_DOCS, -(-len(documents) // processes)))  # a short ingest keeps all busy
    chunks = [documents[i:i + size] for i in range(0, len(documents), size)]
    run = _Run(_context(), settings, [(chunk, base, version) for chunk in chunks], processes)
    try:
        for number, chunk in enumerate(chunks):
            results = run.finished(number)
            for i, document in enumerate(chunk):
                data, facts, triples, error, _ = results.get(i) or (None, 0, 0, run.lost[number], False)
                yield document, data, triples, facts, error
    except BaseException:
        run.stop(0)  # stopped early (an error, the consumer gone): no reason to let workers finish
        raise
    run.stop(STOP_S)


class _Run(threading.Thread):
    """The jobs of one extract_graphs call and the workers doing them, supervised by this thread, so
    that workers get jobs and results are read while the caller writes to the store."""

    def __init__(self, ctx, settings: Settings, jobs: list[tuple], processes: int):
        super().__init__(name="kgqa-ingest-supervisor", daemon=True)
        self.ctx, self.settings, self.jobs = ctx, settings, jobs
        self.pending = deque(range(len(jobs)))
        self.done: dict[int, dict[int, Result]] = {}
        self.lost: dict[int, str] = {}  # job number -> error for its documents without a result
        self.complete: set[int] = set()  # jobs with a result or an error for each document
        self.error: BaseException | None = None
        self.stopping = False
        self.changed = threading.Condition()
        self.workers = [_Worker(ctx, settings) for _ in range(min(processes, len(jobs)))]
        self.start()

    def finished(self, number: int) -> dict[int, Result]:
        """The results of job `number` (a document without one is lost), once they are all in."""
        with self.changed:
            while number not in self.complete and self.error is None:
                self.changed.wait(POLL_S)
            if self.error is not None:
                raise self.error
            self.changed.notify_all()  # room for more jobs
            return self.done.pop(number, {})

    def run(self) -> None:
        try:
            while not self.stopping and len(self.complete) < len(self.jobs):
                self._dispatch()
                self._collect()
        except BaseException as err:  # handed to the caller, which stops the workers
            self.error = err
        with self.changed:
            self.changed.notify_all()

    def _dispatch(self) -> None:
        for worker in [w for w in self.workers if not w.process.is_alive()]:
            self._bury(worker)
        while self.pending and len(self.done) <= BUFFERED:  # results the caller has not taken bound it
            if not self.workers:  # every worker died: start another for what is left
                self.workers.append(_Worker(self.ctx, self.settings))
            worker = min(self.workers, key=lambda w: len(w.outstanding))
            if len(worker.outstanding) >= AHEAD:
                break
            number = self.pending.popleft()
            worker.submit(number, self.jobs[number])

    def _collect(self) -> None:
        busy = [w for w in self.workers if w.outstanding]
        if not busy:  # nothing running: the caller has results to take first
            with self.changed:
                self.changed.wait(POLL_S)
            return
        ready = wait([w.results for w in busy] + [w.process.sentinel for w in busy], timeout=POLL_S)
        for worker in busy:
            if worker.results in ready or worker.process.sentinel in ready:
                self._read(worker)
        if not ready:
            self._check_stalls(busy)

    def _read(self, worker: _Worker) -> None:
        try:
            while worker.results.poll():
                number, i, result = worker.results.recv()
                if result[4]:  # fatal: a configuration problem
                    raise ConfigError(result[3] or "extraction failed")
                with self.changed:
                    self.done.setdefault(number, {})[i] = result
                    if len(self.done[number]) == len(self.jobs[number][0]):
                        self.complete.add(number)
                        worker.outstanding.remove(number)
                        self.changed.notify_all()
                worker.cpu, worker.since = _cpu_ticks(worker.process.pid), time.monotonic()
        except (EOFError, OSError):
            pass
        if not worker.process.is_alive():
            self._bury(worker)

    def _bury(self, worker: _Worker) -> None:
        """A worker that ended with work: what it was doing is lost, what it had not begun goes back."""
        worker.process.join(STOP_S)
        self.workers.remove(worker)
        if worker.outstanding:
            with self.changed:
                current = worker.outstanding.popleft()
                self.lost[current] = (f"its worker process died before finishing it, {worker.how_it_ended()}; "
                                      "ingest it again")
                self.complete.add(current)
                self.changed.notify_all()
            self.pending.extendleft(reversed(worker.outstanding))
            worker.outstanding.clear()
        worker.stop(0)

    def _check_stalls(self, busy: list[_Worker]) -> None:
        now = time.monotonic()
        for worker in busy:
            cpu = _cpu_ticks(worker.process.pid)
            if cpu is None or cpu != worker.cpu:
                worker.cpu, worker.since = cpu, now
            elif now - worker.since > STALL_S:
                worker.hung = True
                worker.process.kill()
                self._read(worker)

    def stop(self, wait_s: float) -> None:
        self.stopping = True
        with self.changed:
            self.changed.notify_all()
        self.join(POLL_S + STOP_S)
        for worker in self.workers:
            worker.stop(wait_s)
        self.workers = []
