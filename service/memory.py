"""The server's memory allocator: a few malloc arenas, not one per thread.

glibc gives each thread that allocates under contention an arena of its own, up to eight per core,
and an arena keeps the memory freed in it for reuse by its own threads. A server with dozens of
request threads (waitress), each of which at some point runs a large query or a spaCy parse, so grows
an arena per thread to that query's size and keeps them all: resident memory after the bench's /ask
load was more than twice what it was at start, with no object alive. With two arenas the freed memory
is reused by the next request instead (docs/memory.md has the figures).

An operator's own MALLOC_ARENA_MAX wins; on a C library without mallopt (musl) nothing changes.
"""
from __future__ import annotations

import ctypes
import os
import resource

ARENAS = 2  # one per core of a small server; more only help under heavy malloc contention
_M_ARENA_MAX = -8  # glibc's mallopt parameter number (malloc.h)


def limit_arenas(count: int = ARENAS) -> bool:
    """Cap this process's malloc arenas at `count` (before its threads start), and its children's
    (MALLOC_ARENA_MAX in the environment they inherit: query workers, ingest processes). True when
    the cap is in place."""
    if os.environ.get("MALLOC_ARENA_MAX"):
        return True  # the operator's own choice, already read by the C library at start
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    if not mallopt(_M_ARENA_MAX, count):
        return False
    os.environ["MALLOC_ARENA_MAX"] = str(count)
    return True


ENGINE_THREADS = 3  # threads the query engine starts in a worker besides Python's (counted in /proc)


def worker_arenas(env: dict, threads: int) -> dict:
    """The environment of a child process whose `threads` threads each run an engine query: an arena for
    every thread it runs (its main thread, the query threads, the engine's own), at least. Two query
    threads sharing one arena take turns on its lock: each query cost twice the CPU and they no longer
    ran in parallel (with one arena per query thread and one for the main thread, still in some starts)."""
    have = int(env.get("MALLOC_ARENA_MAX") or 0)
    return dict(env, MALLOC_ARENA_MAX=str(max(have, threads + 1 + ENGINE_THREADS)))


def limit_memory(limit_mb: int) -> None:
    """Bound this process's address space (a worker, before the engine loads). The malloc arenas are
    capped first: each thread's arena reserves 64 MB of address space, so a worker started without the
    server's cap (by `kgqa query`) could hit the bound on a small query."""
    limit_arenas()
    if limit_mb > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))


def trim() -> bool:
    """Give the C library's free memory back to the system (glibc's malloc_trim), after a large one-off
    build whose objects are gone: without it the freed pages stay resident (and count in the peak)
    until reused. False where there is no malloc_trim (musl)."""
    try:
        return bool(ctypes.CDLL(None).malloc_trim(0))
    except (OSError, AttributeError):
        return False
