"""A query worker process: runs the pool's /sparql jobs on a read-only checkpoint of the store, several
at once in threads over one open store (python -m service.sparql.worker FD THREADS MAX_MEMORY_MB).

Why threads over one store: the engine releases the interpreter's lock while it evaluates and
serializes, so queries in threads run in parallel, and they share one set of the engine's caches (its
block cache and open table files) instead of each process holding its own copy (docs/memory.md). The
pool kills the whole process when one query passes its time limit or the memory bound ends it; it
runs the other queries of that process again (workers.WorkerPool).

Protocol on the socket: the pool sends (job id, checkpoint path, Job) pickled; the worker answers one
message per job: the id (8 bytes), then b"o" and the result, or b"e" and a pickled (error name, message).
"""
from __future__ import annotations

import os
import pickle
import sys
import threading
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


def serve(conn: Connection, threads: int) -> None:
    """Receive jobs until the pool closes the socket; run each in a thread, answer each when done."""
    from .. import errors
    from .limits import run_on_oxigraph

    stores, send_lock = Stores(), threading.Lock()

    def send(message: bytes) -> None:
        with send_lock:  # one message per write: answers of two threads never interleave
            conn.send_bytes(message)

    def run(job_id: int, checkpoint: str, job) -> None:
        try:
            store = stores.take(checkpoint)
            try:
                data = run_on_oxigraph(store, job)
            finally:
                stores.give_back(checkpoint)
        except errors.KgqaError as err:
            send(answer_bytes(job_id, ERROR, pickle.dumps((type(err).__name__, err.message))))
        except MemoryError:  # Python's own allocation failed past the bound: the engine's aborts instead
            send(answer_bytes(job_id, ERROR, pickle.dumps(("QueryOutOfMemory", ""))))
        except Exception as err:  # the engine failed: report it, keep serving
            error = ("StoreUnavailable", f"the query failed in the store: {err}")
            send(answer_bytes(job_id, ERROR, pickle.dumps(error)))
        else:
            send(answer_bytes(job_id, OK, data))

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
    serve(Connection(int(sys.argv[1])), int(sys.argv[2]))
