"""The runner of /sparql queries the settings call for (runners for a time limit: limits.py, workers.py)."""
from __future__ import annotations

import pyoxigraph as ox

from ..settings import Settings
from .limits import Runner, ThreadRunner
from .workers import WorkerPool


def open_runner(store, settings: Settings) -> Runner:
    """The runner the settings call for: worker processes for an embedded store on disk (unless
    QUERY_WORKERS is 0), a thread runner otherwise. The benchmark measures these against a plain
    in-process `execute(store, job)`."""
    timeout, workers = settings.query_timeout, settings.query_workers
    line = {"queue": settings.query_queue, "queue_timeout": settings.query_queue_timeout}
    if workers > 0 and getattr(store, "path", None) and isinstance(getattr(store, "ox", None), ox.Store):
        return WorkerPool(store, size=workers, timeout=timeout, max_memory=settings.query_max_memory,
                          refresh=settings.query_refresh, **line)
    return ThreadRunner(store, timeout=timeout, slots=workers or 2, **line)
