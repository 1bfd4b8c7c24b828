"""The worker processes seen from the server: the cores they share, the wall-time backstop of a query's
CPU limit, how a worker is ended, and how a death by the memory bound is told."""
from __future__ import annotations

import logging
import os
import signal
import subprocess

log = logging.getLogger(__name__)


def cores() -> int:
    """The processor cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # no affinity on this platform
        return os.cpu_count() or 1


def wall_limit(timeout: float, size: int) -> float:
    """Wall time a query may run: its CPU limit, times the queries that share each core at most."""
    return timeout * max(1.0, size / cores())


def stop(worker) -> None:
    """Kill the worker, then close the socket (its reader thread sees the end and tells the waiting)."""
    if worker.process.poll() is None:
        worker.process.kill()
    try:
        worker.process.wait(timeout=2)
    except subprocess.TimeoutExpired:
        log.warning("SPARQL worker %s did not exit after SIGKILL", worker.process.pid)
    try:
        worker.conn.close()
    except OSError:
        pass


def died_of_memory(process: subprocess.Popen) -> bool:
    """Whether the worker ended as an engine ends when an allocation fails: by SIGABRT."""
    try:
        code = process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        return False
    return code == -signal.SIGABRT


def memory_message(limit_mb: int) -> str:
    return (f"the query needed more than {limit_mb} MB of memory, the memory limit of a SPARQL query "
            "(QUERY_MAX_MEMORY), and was stopped; narrow it or add a LIMIT")
