"""Worker processes that run /sparql queries over a checkpoint of the embedded store, killed at the
time limit and replaced.

Why processes: pyoxigraph cannot cancel a query, and a query left running in a thread keeps a core
busy for as long as it likes. A process can be killed. Why a checkpoint: one process owns a
read-write store (RocksDB lock), and `Store.read_only` on a live store can fail while a writer is
active, but a `Store.backup` checkpoint (hard links, milliseconds) opens read-only safely.

The checkpoint follows the store: before each query the pool compares a fingerprint of the store's
write-ahead logs and manifest (names, sizes, mtimes; any committed write changes them) with the one
taken at the last checkpoint, and makes a new checkpoint when they differ. Each job names the
checkpoint it must read; a worker reopens when it changes. Old checkpoints are deleted once no
running query reads them. A checkpoint is reused for `refresh` seconds after it is taken (writes
meanwhile show that much later): each one flushes the store's write buffers into new files, and under
continuous writes a checkpoint per write made the server's memory grow (docs/soak.md).

Memory: each worker's address space is bounded (RLIMIT_AS, `max_memory` MB, set before the engine
loads). The engine aborts (SIGABRT) when an allocation fails past it, which only a separate process
survives: the pool answers QueryOutOfMemory, naming the limit, and replaces the worker.
"""
from __future__ import annotations

import atexit
import logging
import os
import pickle
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from .. import errors
from ..memory import limit_arenas
from .limits import Job, run_light, timeout_message
from .queue import SlotQueue

log = logging.getLogger(__name__)


def fingerprint(path: str) -> tuple:
    """What changes when a write is committed: the write-ahead logs, the manifest, CURRENT."""
    entries = []
    with os.scandir(path) as it:
        for entry in it:
            if entry.name.endswith(".log") or entry.name.startswith(("MANIFEST", "CURRENT")):
                try:
                    st = entry.stat()
                except FileNotFoundError:  # a log that a flush made obsolete and deleted meanwhile
                    continue
                entries.append((entry.name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(entries))


def serve(conn) -> None:
    """A worker's loop: receive (checkpoint, job), answer ("ok", bytes) or ("error", (name, msg)).

    Workers run at the server's CPU priority. They used to be niced (5) so that /ask would win the
    CPU, but then anything else at normal priority, the server's own RocksDB compaction after a bulk
    load, its /ask warm-up, any other process, took three quarters of a core from each query: at 1 M
    facts on a busy 2-core machine /sparql fell to 0.4x of Oxigraph's server, and 1.3x once reniced."""
    import pyoxigraph as ox

    from .limits import run_on_oxigraph

    opened, store = None, None
    while True:
        try:
            checkpoint, job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if checkpoint != opened:
                store, opened = ox.Store.read_only(checkpoint), checkpoint
            data = run_on_oxigraph(store, job)
        except errors.KgqaError as err:
            _answer(conn, ERROR, (type(err).__name__, err.message))
        except MemoryError:  # Python's own allocation failed past the bound: the engine's aborts instead
            _answer(conn, ERROR, ("QueryOutOfMemory", ""))
        except Exception as err:  # the engine failed: report it, keep serving
            _answer(conn, ERROR, ("StoreUnavailable", f"the query failed in the store: {err}"))
        else:
            conn.send_bytes(OK + data)  # one message: one write here, one wake-up in the server


OK, ERROR = b"o", b"e"  # the first byte of a worker's answer: the result follows, or a pickled error


def _answer(conn, status: bytes, error: tuple[str, str]) -> None:
    conn.send_bytes(status + pickle.dumps(error))


@dataclass(eq=False)
class Worker:
    process: subprocess.Popen
    conn: Connection
    checkpoint: str | None = None  # the checkpoint of the job it is running, while busy
    jobs: int = field(default=0)


class WorkerPool:
    """Up to `size` worker processes, started on demand. `run(job)` is thread-safe. Queries beyond
    `size` wait in a `SlotQueue` (at most `queue` of them, each at most `queue_timeout` seconds)."""

    def __init__(self, store, *, size: int = 2, timeout: float = 10.0, queue: int = 16,
                 queue_timeout: float = 60.0, max_memory: int = 0, refresh: float = 0.0):
        self.store, self.size, self.timeout = store, max(1, size), timeout
        self.refresh = max(0.0, refresh)  # seconds a checkpoint is reused although writes followed it
        self._taken = 0.0  # time.monotonic() of the current checkpoint
        self.max_memory = max(0, int(max_memory))  # MB of address space per worker; 0: unbounded
        self.line = SlotQueue(self.size, depth=queue, wait=queue_timeout)
        self._idle: list[Worker] = []
        self._busy: set[Worker] = set()
        self._lock = threading.Lock()
        self._ckpt_lock = threading.Lock()
        self._root: str | None = None
        self._current: str | None = None
        self._print: tuple | None = None
        self._serial = 0
        self._closed = False
        self.kills = 0  # queries stopped at the time limit (for tests and the benchmark)
        self.out_of_memory = 0  # workers ended by the memory bound
        self.checkpoints = 0  # checkpoints taken (each makes the workers reopen the store)
        self.light = 0  # light queries answered in the caller's thread
        _POOLS.add(self)

    # --- checkpoints
    def checkpoint(self, worker: Worker | None = None) -> str:
        """The path of a checkpoint holding every write committed so far, marked as read by `worker`
        before any old checkpoint is collected (so a query never gets a checkpoint deleted under it)."""
        with self._ckpt_lock:
            due = self._current is None or time.monotonic() - self._taken >= self.refresh
            now = fingerprint(self.store.path) if due else self._print  # no listing while a checkpoint is reused
            fresh = due and (self._current is None or now != self._print)
            if fresh:
                root = self._checkpoint_root()
                self._serial += 1
                target = os.path.join(root, f"c{self._serial}")
                self.store.backup(target)
                self._current, self._print, self._taken = target, now, time.monotonic()
                self.checkpoints += 1
            if worker is not None:
                worker.checkpoint = self._current
            if fresh:
                self._collect(root)
            return self._current

    def _checkpoint_root(self) -> str:
        if self._root is None:
            store = os.path.abspath(self.store.path)
            parent, name = os.path.dirname(store), os.path.basename(store)
            prefix = f".{name}.sparql-"
            for stale in os.listdir(parent):  # left by a server that was killed
                if stale.startswith(prefix) and not _alive(stale[len(prefix):].split("-")[0]):
                    shutil.rmtree(os.path.join(parent, stale), ignore_errors=True)
            # one folder per pool: two apps over one store (tests) must not collect each other's
            self._root = tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=parent)
        return self._root

    def _collect(self, root: str) -> None:
        with self._lock:
            in_use = {w.checkpoint for w in self._busy} | {self._current}
        for name in os.listdir(root):
            path = os.path.join(root, name)
            if path not in in_use:
                shutil.rmtree(path, ignore_errors=True)

    # --- workers
    def _take(self) -> Worker:
        """An idle worker, or a new one: the slot queue lets at most `size` queries in at once."""
        with self._lock:
            if self._closed:
                raise errors.StoreUnavailable("the SPARQL workers are shut down")
            while self._idle:
                worker = self._idle.pop()
                if worker.process.poll() is None:
                    break
                _stop(worker)
            else:
                worker = self._start()
            self._busy.add(worker)
            return worker

    def _start(self) -> Worker:
        """A fresh interpreter running `serve` (never a fork of a threaded server holding RocksDB, and
        unlike multiprocessing's spawn, it never re-imports the caller's __main__)."""
        mine, theirs = socket.socketpair()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")])))
        process = subprocess.Popen([sys.executable, "-m", __name__, str(theirs.fileno()), str(self.max_memory)],
                                   pass_fds=(theirs.fileno(),), env=env, stdin=subprocess.DEVNULL)
        theirs.close()
        return Worker(process, Connection(mine.detach()))

    def _release(self, worker: Worker, healthy: bool) -> None:
        with self._lock:
            self._busy.discard(worker)
            worker.checkpoint = None
            keep = healthy and not self._closed
            if keep:
                self._idle.append(worker)
            elif not self._closed:
                self._idle.append(self._start())  # the replacement boots while the old one is killed
        if not keep:
            _stop(worker)

    def run(self, job: Job) -> bytes:
        """Run the job in a worker. Waiting for a turn (SlotQueue: QUERY_QUEUE, QUERY_QUEUE_TIMEOUT) and
        running (QUERY_TIMEOUT) are bounded separately: a query queued behind others gets its full time
        once it runs (503 sparql_busy if the line is full or no worker frees up in time; 504
        query_timeout if it runs too long). A light job (guard.is_light: one triple pattern's range,
        bounded by its LIMIT) runs at once in the caller's thread on the store itself: a hop to a
        worker would cost more than the query, and it needs neither bound."""
        data = run_light(self.store, job)
        if data is not None:
            self.light += 1
            return data
        with self.line.slot():
            worker = self._take()
            healthy = False
            try:
                checkpoint = self.checkpoint(worker)
                worker.jobs += 1
                worker.conn.send((checkpoint, job))
                if not worker.conn.poll(self.timeout):
                    self.kills += 1
                    raise errors.QueryTimeout(timeout_message(self.timeout))
                answer = worker.conn.recv_bytes()
                if answer[:1] == OK:
                    healthy = True
                    return answer[1:]
                name, message = pickle.loads(answer[1:])
                if name == "QueryOutOfMemory":
                    self.out_of_memory += 1
                    raise errors.QueryOutOfMemory(memory_message(self.max_memory),
                                                  details={"max_memory_mb": self.max_memory})
                healthy = True
                raise getattr(errors, name, errors.StoreUnavailable)(message)
            except (EOFError, OSError, BrokenPipeError) as err:
                if self.max_memory and _died_of_memory(worker.process):
                    self.out_of_memory += 1
                    raise errors.QueryOutOfMemory(memory_message(self.max_memory),
                                                  details={"max_memory_mb": self.max_memory}) from None
                raise errors.StoreUnavailable(f"a SPARQL worker process failed: {err or 'it exited'}") from None
            finally:
                self._release(worker, healthy)

    def close(self) -> None:
        self.line.close()
        with self._lock:
            self._closed = True
            for worker in self._idle + list(self._busy):
                _stop(worker)
            self._idle.clear()
        if self._root:
            shutil.rmtree(self._root, ignore_errors=True)


def _stop(worker: Worker) -> None:
    try:
        worker.conn.close()
    except OSError:
        pass
    if worker.process.poll() is None:
        worker.process.kill()
    try:
        worker.process.wait(timeout=2)
    except subprocess.TimeoutExpired:
        log.warning("SPARQL worker %s did not exit after SIGKILL", worker.process.pid)


def _died_of_memory(process: subprocess.Popen) -> bool:
    """Whether the worker ended as an engine ends when an allocation fails: by SIGABRT."""
    try:
        code = process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        return False
    return code == -signal.SIGABRT


def memory_message(limit_mb: int) -> str:
    return (f"the query needed more than {limit_mb} MB of memory, the memory limit of a SPARQL query "
            "(QUERY_MAX_MEMORY), and was stopped; narrow it or add a LIMIT")


def limit_memory(limit_mb: int) -> None:
    """Bound this process's address space (a worker, before the engine loads). The malloc arenas are
    capped first: each thread's arena reserves 64 MB of address space, so a worker started without the
    server's cap (by `kgqa query`) could hit the bound on a small query."""
    limit_arenas()
    if limit_mb > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding the `service` package
_POOLS: weakref.WeakSet[WorkerPool] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    for pool in list(_POOLS):
        pool.close()


if __name__ == "__main__":  # a worker: python -m service.sparql.workers FD MAX_MEMORY_MB
    limit_memory(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    serve(Connection(int(sys.argv[1])))
