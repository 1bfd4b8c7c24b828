"""A query worker process: runs the pool's /sparql jobs on a read-only checkpoint of the store, several
at once in threads over one open store (python -m service.sparql.worker FD THREADS MAX_MEMORY_MB CPU_LIMIT).

Why threads over one store: the engine releases the interpreter's lock while it evaluates and
serializes, so queries in threads run in parallel, and they share one set of the engine's caches (its
block cache and open table files) instead of each process holding its own copy (docs/memory.md). The
pool kills the whole process when one query passes its time limit or the memory bound ends it; it
runs the other queries of that process again (workers.WorkerPool).

The time limit counts each query's own processor time (its thread's CPU clock, read by a watch
thread): queries that share the cores with each other are not cut short for that sharing. A query past
it is answered QueryTimeout at once while it runs on; the pool then retires this process (workers.py).

Protocol on the socket: the pool sends (job id, checkpoint path, Job) pickled; the worker answers one
message per job: the id (8 bytes), then b"o" and the result, or b"e" and a pickled (error name, message).
"""
from __future__ import annotations

import os
import pickle
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection

OK, ERROR = b"o", b"e"  # the byte after a job id in an answer: the result follows, or a pickled error
ID_BYTES = 8


def answer_bytes(job_id: int, status: bytes, payload: bytes) -> bytes:
    return job_id.to_bytes(ID_BYTES, "big") + status + payload


class Stores:
    """The checkpoints open in this worker: the newest stays open for the next jobs, an older one is
    closed when its last job ends."""

    def __init__(self):
        self._lock = threading.Lock()
        self._open: dict[str, list] = {}  # path -> [store, jobs reading it]
        self._newest: str | None = None

    def take(self, path: str):
        import pyoxigraph as ox

        with self._lock:
            entry = self._open.get(path)
            if entry is None:
                entry = self._open[path] = [ox.Store.read_only(path), 0]
                self._newest = path
                self._drop_unused()
            entry[1] += 1
            return entry[0]

    def give_back(self, path: str) -> None:
        with self._lock:
            entry = self._open.get(path)
            if entry is not None:
                entry[1] -= 1
            self._drop_unused()

    def _drop_unused(self) -> None:
        for path in [p for p, (_, jobs) in self._open.items() if jobs <= 0 and p != self._newest]:
            del self._open[path]


class CpuWatch:
    """The running jobs' threads and their CPU clocks: `over()` names the jobs past `limit` seconds of
    processor time; each job is answered once, by its thread or by the watch (`claim`)."""

    def __init__(self, limit: float):
        self.limit = limit
        self._lock = threading.Lock()
        # job id -> (CPU clock of the thread running it, its reading when the job started): a pool's
        # threads run one job after another, and a clock counts every job its thread ran
        self._clocks: dict[int, tuple[int, float]] = {}
        self._answered: set[int] = set()

    def start(self, job_id: int) -> None:
        """Called in the thread that runs the job."""
        with self._lock:
            clock = time.pthread_getcpuclockid(threading.get_ident())
            self._clocks[job_id] = (clock, _cpu(clock))

    def claim(self, job_id: int) -> bool:
        """True once per job: whoever claims it first answers it."""
        with self._lock:
            self._clocks.pop(job_id, None)
            if job_id in self._answered:
                self._answered.discard(job_id)
                return False
            return True

    def over(self) -> list[int]:
        """The jobs past the limit, each claimed for the watch (their threads' answers are dropped)."""
        with self._lock:
            late = [job_id for job_id, (clock, started) in self._clocks.items()
                    if _cpu(clock) - started >= self.limit]
            for job_id in late:
                del self._clocks[job_id]
                self._answered.add(job_id)
            return late


def _cpu(clock: int) -> float:
    try:
        return time.clock_gettime(clock)
    except OSError:  # its thread ended between the job's end and its claim
        return 0.0


WATCH_INTERVAL = 0.05  # seconds between two reads of the running queries' CPU clocks


def serve(conn: Connection, threads: int, cpu_limit: float = 0.0) -> None:
    """Receive jobs until the pool closes the socket; run each in a thread, answer each when done (or
    when it passes `cpu_limit` seconds of processor time, 0: no limit)."""
    from .. import errors
    from .limits import run_on_oxigraph

    stores, send_lock = Stores(), threading.Lock()
    watch = CpuWatch(cpu_limit)

    def send(message: bytes) -> None:
        with send_lock:  # one message per write: answers of two threads never interleave
            conn.send_bytes(message)

    def watching() -> None:
        while True:
            time.sleep(WATCH_INTERVAL)
            for job_id in watch.over():
                send(answer_bytes(job_id, ERROR, pickle.dumps(("QueryTimeout", ""))))

    if cpu_limit > 0:
        threading.Thread(target=watching, daemon=True, name="kgqa-cpu-watch").start()

    def run(job_id: int, checkpoint: str, job) -> None:
        watch.start(job_id)
        try:
            store = stores.take(checkpoint)
            try:
                data = run_on_oxigraph(store, job)
            finally:
                stores.give_back(checkpoint)
        except errors.KgqaError as err:
            answer = answer_bytes(job_id, ERROR, pickle.dumps((type(err).__name__, err.message)))
        except MemoryError:  # Python's own allocation failed past the bound: the engine's aborts instead
            answer = answer_bytes(job_id, ERROR, pickle.dumps(("QueryOutOfMemory", "")))
        except Exception as err:  # the engine failed: report it, keep serving
            error = ("StoreUnavailable", f"the query failed in the store: {err}")
            answer = answer_bytes(job_id, ERROR, pickle.dumps(error))
        else:
            answer = answer_bytes(job_id, OK, data)
        if watch.claim(job_id):  # not already answered past the CPU limit
            send(answer)

    pool = ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="kgqa-query")
    while True:
        try:
            job_id, checkpoint, job = conn.recv()
        except (EOFError, OSError):
            os._exit(0)  # the pool is gone: nobody reads the answers of queries still running
        pool.submit(run, job_id, checkpoint, job)


if __name__ == "__main__":
    from ..memory import limit_memory

    limit_memory(int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    serve(Connection(int(sys.argv[1])), int(sys.argv[2]), float(sys.argv[4]) if len(sys.argv) > 4 else 0.0)
