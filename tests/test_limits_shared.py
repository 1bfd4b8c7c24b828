"""Queries share one worker process (threads over one open checkpoint) and run again when that process
is ended for another query: a time limit, or a death under several queries at once (each then runs
again alone, so that only the query that ended it gets the error)."""
from __future__ import annotations

import os
import threading
import time

from service.web import kgqa_of

from .test_limits_timeout import RUNAWAY, generated  # noqa: F401 - the fixture: 3000 triples in 30 graphs

# a finite query of seconds: the first 3 million rows of a cross join, counted
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 3000000 }"


def _get(client, query: str, into: dict, key: str) -> threading.Thread:
    thread = threading.Thread(target=lambda: into.update({key: client.get("/sparql", query_string={"query": query})}))
    thread.start()
    return thread


def _in_flight(pool, n: int) -> None:
    deadline = time.monotonic() + 30
    while not (pool.busy and len(next(iter(pool.busy)).pending) >= n):
        assert time.monotonic() < deadline, "the queries never reached the worker"
        time.sleep(0.02)


def _count(response) -> str:
    assert response.status_code == 200, response.get_data()[:300]
    return response.json["results"]["bindings"][0]["n"]["value"]


def _two_slow_queries(make_app):
    """A server with two query slots, both busy with a slow count: its pool, the threads and their results."""
    app = make_app(QUERY_WORKERS=2, QUERY_TIMEOUT=60)
    client, out = app.test_client(), {}
    assert client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    pool = kgqa_of(app).open_runner
    threads = [_get(client, SLOW, out, "first"), _get(client, SLOW, out, "second")]
    _in_flight(pool, 2)
    return pool, threads, out


def test_limits_shared_one_process_runs_the_queries_at_once(generated, make_app):  # noqa: F811
    pool, threads, out = _two_slow_queries(make_app)
    (worker,) = pool.busy  # one process holds both
    assert len(worker.pending) == 2 and worker.process.poll() is None
    for thread in threads:
        thread.join(60)
    assert (_count(out["first"]), _count(out["second"])) == ("3000000", "3000000")


def test_limits_shared_queries_of_a_crashed_worker_run_again_alone(generated, make_app):  # noqa: F811
    pool, threads, out = _two_slow_queries(make_app)
    next(iter(pool.busy)).process.kill()  # as the kernel's OOM killer would, under both queries
    for thread in threads:
        thread.join(120)
    assert (_count(out["first"]), _count(out["second"])) == ("3000000", "3000000")
    assert pool.reruns == 2


def test_limits_shared_query_beside_a_runaway_is_answered(generated, make_app):  # noqa: F811
    limit = 8.0
    app = make_app(QUERY_WORKERS=2, QUERY_TIMEOUT=limit)
    client, out = app.test_client(), {}
    assert client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    pool = kgqa_of(app).open_runner
    runaway = _get(client, RUNAWAY, out, "runaway")
    _in_flight(pool, 1)
    time.sleep(limit - 1.5)  # the slow query is still running when the runaway's worker is killed
    beside = _get(client, SLOW, out, "beside")
    runaway.join(60)
    beside.join(60)
    assert out["runaway"].status_code == 504
    assert _count(out["beside"]) == "3000000"  # run again on the replacement, with its full time
    assert pool.kills == 1


def test_limits_shared_worker_has_an_arena_per_thread(generated, make_app):  # noqa: F811
    pool, threads, out = _two_slow_queries(make_app)
    (worker,) = pool.busy
    environ = open(f"/proc/{worker.process.pid}/environ", "rb").read().split(b"\0")
    running = len(os.listdir(f"/proc/{worker.process.pid}/task"))  # its threads, the engine's included
    for thread in threads:
        thread.join(60)
    arenas = int(next(e for e in environ if e.startswith(b"MALLOC_ARENA_MAX=")).split(b"=")[1])
    assert arenas >= running  # an arena for every thread: no two queries take turns on one malloc lock
