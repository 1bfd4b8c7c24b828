"""The line of /sparql queries waiting for a free query slot: first come, first served, bounded in
length (QUERY_QUEUE) and in time (QUERY_QUEUE_TIMEOUT), apart from a query's own time limit.

Why a line of its own: with more concurrent clients than workers, a query used to wait for a worker
against the same 10 s as its run, so at 1 M facts (queries of seconds) eight clients on two workers got
503s while the workers were busy on exactly the queries they asked for. Now a query waits its turn, in
arrival order (a query that arrives while others wait never overtakes them), for up to
QUERY_QUEUE_TIMEOUT; only then does its QUERY_TIMEOUT start. A line that is already QUERY_QUEUE long
answers at once, 503 with a Retry-After estimated from recent run times, rather than hold one more
server thread for a turn that is seconds away.
"""
from __future__ import annotations

import math
import threading
import time
from collections import deque
from contextlib import contextmanager

from ..errors import SparqlBusy, StoreUnavailable


class SlotQueue:
    """At most `slots` queries run at once; up to `depth` more wait, each at most `wait` seconds."""

    def __init__(self, slots: int, *, depth: int, wait: float):
        self.slots, self.depth, self.wait = max(1, slots), max(0, depth), max(0.0, wait)
        self._lock = threading.Lock()
        self._free = self.slots
        self._line: deque[threading.Event] = deque()
        self._closed = False
        self._mean = 1.0  # seconds a slot stays taken, a moving average (for Retry-After)

    @property
    def waiting(self) -> int:
        return len(self._line)

    def acquire(self) -> None:
        """Take a slot, waiting in line if none is free. SparqlBusy when the line is full or the wait
        runs out; StoreUnavailable once closed."""
        with self._lock:
            if self._closed:
                raise StoreUnavailable("the SPARQL query slots are shut down")
            if self._free and not self._line:
                self._free -= 1
                return
            if len(self._line) >= self.depth:
                raise SparqlBusy(full_message(self.slots, self.depth), details={"retry_after": self._retry_after()})
            ticket = threading.Event()
            self._line.append(ticket)
        ticket.wait(self.wait)
        with self._lock:
            if ticket.is_set() and not self._closed:  # handed a slot (possibly just as the wait ran out)
                return
            if ticket in self._line:
                self._line.remove(ticket)
            if self._closed:
                raise StoreUnavailable("the SPARQL query slots are shut down")
        raise SparqlBusy(waited_message(self.wait), details={"retry_after": self._retry_after()})

    def release(self, held: float | None = None) -> None:
        """Give the slot back (straight to the first in line); `held`: seconds it was taken."""
        with self._lock:
            if held is not None:
                self._mean = 0.8 * self._mean + 0.2 * held
            if self._line:
                self._line.popleft().set()
            else:
                self._free += 1

    @contextmanager
    def slot(self):
        self.acquire()
        start = time.monotonic()
        try:
            yield
        finally:
            self.release(time.monotonic() - start)

    def close(self) -> None:
        """Wake everyone in line with StoreUnavailable; later acquires fail at once."""
        with self._lock:
            self._closed = True
            while self._line:
                self._line.popleft().set()

    def _retry_after(self) -> int:
        """Seconds until a place in line is likely free: the queries ahead, over the slots."""
        return max(1, math.ceil(self._mean * (len(self._line) + 1) / self.slots))


def full_message(slots: int, depth: int) -> str:
    return (f"every query slot is busy ({slots}, QUERY_WORKERS) and {depth} queries already wait for one "
            "(QUERY_QUEUE); retry after the time in Retry-After")


def waited_message(wait: float) -> str:
    return (f"no query slot came free within {wait:g} s (QUERY_QUEUE_TIMEOUT; every slot stayed busy, "
            "QUERY_WORKERS); retry after the time in Retry-After")


class AloneGate:
    """Queries share the worker, except a query run again after a worker died under several: it runs
    alone, so that its own fate tells whether it was the one that ended the worker."""

    def __init__(self):
        self._cond = threading.Condition()
        self._shared, self._alone, self._waiting = 0, False, 0

    @contextmanager
    def __call__(self, alone: bool):
        with self._cond:
            if alone:
                self._waiting += 1
                self._cond.wait_for(lambda: not self._alone and not self._shared)
                self._waiting -= 1
                self._alone = True
            else:
                self._cond.wait_for(lambda: not self._alone and not self._waiting)
                self._shared += 1
        try:
            yield
        finally:
            with self._cond:
                if alone:
                    self._alone = False
                else:
                    self._shared -= 1
                self._cond.notify_all()
