"""The worker process that runs /sparql queries over a checkpoint of the embedded store, killed at the
time limit and replaced.

Why a process: pyoxigraph cannot cancel a query, and a query left running in a thread keeps a core
busy for as long as it likes. A process can be killed. Why one process for all queries: they run in
its threads over one open checkpoint (worker.py) and share the engine's caches; a process per query
held a copy of them each (docs/memory.md). A query past its time limit gets its 504 at once; its
worker takes no new query and is killed as soon as the queries running beside it end (each within
its own limit), so their work is neither lost nor done twice. A process that dies (the memory bound,
the kernel) ends the queries running in it: those run again, with their full time, on the
replacement, alone when several ran at once, so that the query that ended it is the one told so.

Each job names the checkpoint of the store it reads (checkpoints.py): a `Store.backup` taken after
any committed write, at most every `refresh` seconds; the worker opens it and closes the older one
once no query reads it.

Memory: the worker's address space is bounded (RLIMIT_AS, `max_memory` MB, set before the engine
loads). The engine aborts (SIGABRT) when an allocation fails past it, which only a separate process
survives: the pool answers QueryOutOfMemory, naming the limit, and replaces the worker.

The time limit is the processor time a query uses (the worker's CPU watch), with a wall-time backstop
(processes.wall_limit). More queries run at once than there are cores, since queries in flight together
share the engine's block reads; workers run at the server's CPU priority (both measured in
docs/sparql-overhead.md).
"""
from __future__ import annotations

import atexit
import logging
import os
import pickle
import socket
import subprocess
import sys
import threading
import weakref
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from .. import errors
from ..memory import worker_arenas
from . import processes
from .checkpoints import Checkpoints
from .limits import Job, run_light, timeout_message
from .queue import AloneGate, SlotQueue
from .worker import ID_BYTES, OK

log = logging.getLogger(__name__)


@dataclass(eq=False)
class Pending:
    """One job sent to a worker, until its answer comes or the worker ends."""

    job_id: int
    checkpoint: str | None = None
    done: threading.Event = field(default_factory=threading.Event)
    answer: bytes = b""  # the worker's answer: OK + result, or ERROR + pickled (name, message)
    fate: str = ""  # "stopped": its worker was killed for another query; "died": its worker ended
    shared: bool = False  # other queries ran in the worker when it died (which one killed it is unknown)


@dataclass(eq=False)
class Worker:
    process: subprocess.Popen
    conn: Connection
    pending: dict[int, Pending] = field(default_factory=dict)
    send_lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: bool = False  # retired by the pool: it gets no new query, and ends with its last one
    killed: bool = False  # killed by the pool while queries ran in it (closing): they are run again
    jobs: int = 0


RUNS = 3  # times a query is run at most when the worker under it is ended for another query


class WorkerPool:
    """One worker process running up to `size` queries at once in threads (worker.py), started on demand
    and replaced when it ends. `run(job)` is thread-safe. Queries beyond `size` wait in a `SlotQueue`
    (at most `queue` of them, each at most `queue_timeout` seconds)."""

    def __init__(self, store, *, size: int = 2, timeout: float = 10.0, queue: int = 16,
                 queue_timeout: float = 60.0, max_memory: int = 0, refresh: float = 0.0):
        self.store, self.size, self.timeout = store, max(1, size), timeout
        self.wall = processes.wall_limit(timeout, self.size)  # the backstop: the CPU watch in the worker stops first
        # a checkpoint is reused for `refresh` seconds although writes followed it
        self._checkpoints = Checkpoints(store, refresh, self._in_use)
        self.max_memory = max(0, int(max_memory))  # MB of address space of the worker; 0: unbounded
        self.line = SlotQueue(self.size, depth=queue, wait=queue_timeout)
        self._gate = AloneGate()
        self._worker: Worker | None = None
        self._inflight: set[Pending] = set()
        self._lock = threading.Lock()
        self._ids = 0
        self._closed = False
        self.kills = 0  # queries stopped at the time limit (for tests and the benchmark)
        self.watched = 0  # of them, stopped by the worker's CPU watch (not the wall-time backstop)
        self.out_of_memory = 0  # queries that ended the worker past the memory bound
        self.reruns = 0  # queries run again because the worker under them was ended for another
        self.light = 0  # light queries answered in the caller's thread
        _POOLS.add(self)

    @property
    def busy(self) -> set[Worker]:
        """The worker while it runs queries: what a test or a monitor can look at."""
        worker = self._worker
        return {worker} if worker is not None and worker.pending else set()

    @property
    def idle(self) -> list[Worker]:
        worker = self._worker
        return [worker] if worker is not None and not worker.pending else []

    # --- checkpoints
    def checkpoint(self, pending: Pending | None = None) -> str:
        """The path of a checkpoint holding every write committed so far, marked as read by `pending`
        before any old checkpoint is collected."""
        return self._checkpoints.take(lambda path: setattr(pending, "checkpoint", path) if pending else None)

    def _in_use(self) -> set:
        with self._lock:
            return {p.checkpoint for p in self._inflight}

    @property
    def checkpoints(self) -> int:
        return self._checkpoints.taken

    @property
    def root(self) -> str | None:
        return self._checkpoints.root

    # --- the worker
    def _submit(self, pending: Pending) -> Worker:
        """The running worker (a new one if it ended), with `pending` registered on it."""
        with self._lock:
            if self._closed:
                raise errors.StoreUnavailable("the SPARQL workers are shut down")
            worker = self._worker
            if worker is None or worker.stopping or worker.process.poll() is not None:
                worker = self._worker = self._start()
            worker.pending[pending.job_id] = pending
            self._inflight.add(pending)
            return worker

    def _start(self) -> Worker:
        """A fresh interpreter running worker.serve (never a fork of a threaded server holding RocksDB,
        and unlike multiprocessing's spawn, it never re-imports the caller's __main__), and the thread
        that reads its answers."""
        mine, theirs = socket.socketpair()
        env = worker_arenas(dict(os.environ, PYTHONPATH=os.pathsep.join(
            filter(None, [_ROOT, os.environ.get("PYTHONPATH")]))), self.size + 1)  # + the CPU watch
        process = subprocess.Popen([sys.executable, "-m", "service.sparql.worker", str(theirs.fileno()),
                                    str(self.size), str(self.max_memory), repr(float(self.timeout))],
                                   pass_fds=(theirs.fileno(),), env=env, stdin=subprocess.DEVNULL)
        theirs.close()
        worker = Worker(process, Connection(mine.detach()))
        threading.Thread(target=self._read, args=(worker,), daemon=True, name="kgqa-worker-answers").start()
        return worker

    def _read(self, worker: Worker) -> None:
        """Hand each answer to the query waiting for it; when the worker ends, tell those still waiting."""
        while True:
            try:
                message = worker.conn.recv_bytes()
            except (EOFError, OSError):
                break
            with self._lock:
                pending = worker.pending.pop(int.from_bytes(message[:ID_BYTES], "big"), None)
                done = worker.stopping and not worker.pending
            if pending is not None:
                pending.answer = message[ID_BYTES:]
                pending.done.set()
            if done:  # a retired worker's last query answered: the query that passed its limit ends with it
                processes.stop(worker)
        with self._lock:
            orphans = list(worker.pending.values())
            worker.pending.clear()
            if self._worker is worker:
                self._worker = None
        for pending in orphans:
            pending.fate = "stopped" if worker.killed else "died"
            pending.shared = len(orphans) > 1
            pending.done.set()

    def _stop_for(self, worker: Worker, pending: Pending) -> bool:
        """`pending` passed its wall-time backstop (False: its answer came meanwhile): its worker is
        retired (`_retire`)."""
        with self._lock:
            if pending.done.is_set():
                return False
            worker.pending.pop(pending.job_id, None)
        self._retire(worker)
        return True

    def _retire(self, worker: Worker) -> None:
        """A query passed its time limit and runs on in `worker`: a replacement takes the next queries at
        once, and the worker is killed as soon as the queries still running in it end (each within its
        own limit), at once when there are none: a query beside a runaway is neither lost nor run twice."""
        with self._lock:
            worker.stopping = True
            if self._worker is worker and not self._closed:
                self._worker = self._start()  # the replacement boots while the old one ends
            last = not worker.pending
        if last:
            processes.stop(worker)

    def run(self, job: Job) -> bytes:
        """Run the job in the worker. Waiting for a turn (SlotQueue: QUERY_QUEUE, QUERY_QUEUE_TIMEOUT) and
        running (QUERY_TIMEOUT) are bounded separately: a query queued behind others gets its full time
        once it runs (503 sparql_busy if the line is full or no slot frees up in time; 504
        query_timeout if it runs too long). A query whose worker was ended for another query (that
        one's time limit, or a memory bound that several queries shared) runs again with its full time,
        at most RUNS times in all. A light job (light.is_light: one triple pattern's range, bounded by
        its LIMIT) runs at once in the caller's thread on the store itself: a hop to a worker would
        cost more than the query, and it needs neither bound."""
        data = run_light(self.store, job)
        if data is not None:
            self.light += 1
            return data
        with self.line.slot():
            alone = False
            for _ in range(RUNS):
                outcome = self._attempt(job, alone)
                if isinstance(outcome, bytes):
                    return outcome
                self.reruns += 1
                alone = alone or outcome == "alone"
        raise errors.StoreUnavailable("the query was stopped repeatedly together with other queries that "
                                      "passed a limit; retry it")

    def _attempt(self, job: Job, alone: bool) -> bytes | str:
        """One run of the job: its result, or "again" / "alone" when it must run again (alone: by itself)."""
        with self._gate(alone):
            with self._lock:
                self._ids += 1
                pending = Pending(self._ids)
            worker = self._submit(pending)
            try:
                self.checkpoint(pending)
                worker.jobs += 1
                try:
                    with worker.send_lock:
                        worker.conn.send((pending.job_id, pending.checkpoint, job))
                except (OSError, BrokenPipeError):
                    pass  # the worker ended: its reader tells (fate "died")
                if not pending.done.wait(self.wall) and self._stop_for(worker, pending):
                    self.kills += 1
                    raise errors.QueryTimeout(timeout_message(self.timeout))
            finally:
                with self._lock:
                    self._inflight.discard(pending)
            if pending.fate == "stopped":
                return "again"
            if pending.fate == "died":
                if pending.shared:
                    return "alone"
                if self.max_memory and processes.died_of_memory(worker.process):
                    self.out_of_memory += 1
                    raise errors.QueryOutOfMemory(processes.memory_message(self.max_memory),
                                                  details={"max_memory_mb": self.max_memory})
                raise errors.StoreUnavailable("a SPARQL worker process failed: it exited")
        answer = pending.answer
        if answer[:1] == OK:
            return answer[1:]
        name, message = pickle.loads(answer[1:])
        if name == "QueryTimeout":  # past its CPU time: answered by the worker's watch, still running there
            self.kills += 1
            self.watched += 1
            self._retire(worker)
            raise errors.QueryTimeout(timeout_message(self.timeout))
        if name == "QueryOutOfMemory":
            self.out_of_memory += 1
            raise errors.QueryOutOfMemory(processes.memory_message(self.max_memory),
                                          details={"max_memory_mb": self.max_memory})
        raise getattr(errors, name, errors.StoreUnavailable)(message)

    def close(self) -> None:
        self.line.close()
        with self._lock:
            self._closed = True
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.stopping = worker.killed = True
            processes.stop(worker)
        self._checkpoints.remove_all()


_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding the `service` package
_POOLS: weakref.WeakSet[WorkerPool] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    for pool in list(_POOLS):
        pool.close()
