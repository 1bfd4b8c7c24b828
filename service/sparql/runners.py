"""The runner of /sparql queries the settings call for (runners for a time limit: limits.py, workers.py)."""
from __future__ import annotations

import pyoxigraph as ox

from .limits import Runner, ThreadRunner
from .workers import WorkerPool


def open_runner(store, settings: dict) -> Runner:
    """The runner the settings call for: worker processes for an embedded store on disk (unless
    QUERY_WORKERS is 0), a thread runner otherwise. The benchmark measures these against a plain
    in-process `execute(store, job)`."""
    timeout = float(settings.get("QUERY_TIMEOUT") or 10.0)
    workers = int(settings.get("QUERY_WORKERS", 2))
    line = {"queue": int(settings.get("QUERY_QUEUE", 16)),
            "queue_timeout": float(settings.get("QUERY_QUEUE_TIMEOUT", 60.0))}
    if workers > 0 and getattr(store, "path", None) and isinstance(getattr(store, "ox", None), ox.Store):
        return WorkerPool(store, size=workers, timeout=timeout, max_memory=int(settings.get("QUERY_MAX_MEMORY") or 0),
                          refresh=float(settings.get("QUERY_REFRESH") or 0.0), **line)
    return ThreadRunner(store, timeout=timeout, slots=workers or 2, **line)
