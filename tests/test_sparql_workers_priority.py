"""Query workers run at the server's CPU priority: niced, they lost most of a core to anything else
running (the server's own RocksDB compaction after a bulk load, other processes)."""
from __future__ import annotations

import os
from pathlib import Path

from service.web import kgqa_of


def nice_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])


def test_sparql_workers_priority_same_as_the_server(make_app):
    app = make_app(QUERY_WORKERS=1)
    assert app.test_client().get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    workers = list(kgqa_of(app).open_runner.idle)
    assert workers and all(nice_of(w.process.pid) == nice_of(os.getpid()) for w in workers)
