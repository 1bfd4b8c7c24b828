"""The time limit counts a query's own processor time (the worker's CPU watch), so that queries sharing
the cores with each other are not stopped for that sharing; the wall time is a backstop, times the
queries per core (the plain wall-clock limit with no more queries at once than cores)."""
from __future__ import annotations

import threading
import time

import pytest

from service.sparql import processes
from service.sparql.worker import CpuWatch
from service.web import kgqa_of

from .test_limits_timeout import RUNAWAY, generated  # noqa: F401 - the fixture: 3000 triples in 30 graphs


def _spin(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def _over_while_running(watch: CpuWatch, job) -> list:
    """What the watch names over its limit while `job` (run in a thread of its own) still runs."""
    worked, release = threading.Event(), threading.Event()

    def body():
        job()
        worked.set()
        release.wait(30)  # still running while the watch reads its clock

    thread = threading.Thread(target=body)
    thread.start()
    assert worked.wait(30)
    late = watch.over()
    release.set()
    thread.join(30)
    return late


@pytest.mark.parametrize(("work", "named"), [(_spin, True), (time.sleep, False)])
def test_limits_cpu_watch_names_a_job_past_its_processor_time(work, named):
    watch = CpuWatch(0.2)

    def job():
        watch.start(7)
        work(0.6)

    assert (_over_while_running(watch, job) == [7]) is named
    assert watch.claim(7) is not named  # a job the watch answered is not answered again by its thread


@pytest.mark.parametrize(("before", "during", "named"), [(0.6, 0.0, False), (0.6, 0.3, True), (0.0, 0.3, True)])
def test_limits_cpu_watch_counts_a_job_from_its_start(before, during, named):
    """A pool's thread runs one job after another: a job is named for its own CPU time (limit 0.2 s), never
    for what the jobs before it on the same thread spent."""
    watch = CpuWatch(0.2)

    def thread_of_the_pool():
        _spin(before)  # an earlier job on this thread
        watch.start(8)
        _spin(during)

    assert (_over_while_running(watch, thread_of_the_pool) == [8]) is named


@pytest.mark.parametrize(("size", "cores", "limit", "wall"), [(2, 2, 10.0, 10.0), (1, 4, 10.0, 10.0),
                                                              (8, 2, 10.0, 40.0), (3, 2, 2.0, 3.0)])
def test_limits_cpu_wall_backstop_scales_with_queries_per_core(monkeypatch, size, cores, limit, wall):
    monkeypatch.setattr(processes, "cores", lambda: cores)
    assert processes.wall_limit(limit, size) == wall


def test_limits_cpu_runaway_stopped_by_the_watch_far_before_the_backstop(generated, make_app):  # noqa: F811
    app = make_app(QUERY_TIMEOUT=1.0, QUERY_WORKERS=256)  # backstop: 128 s and more
    client = app.test_client()
    assert client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    pool = kgqa_of(app).open_runner
    assert pool.wall >= 128
    response = client.get("/sparql", query_string={"query": RUNAWAY})
    assert response.status_code == 504
    assert response.json["error"]["code"] == "query_timeout"
    assert (pool.kills, pool.watched) == (1, 1)
    after = client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    assert after.json["results"]["bindings"][0]["n"]["value"] == "3000"  # the replacement answers
