"""/sparql queries beyond the workers wait their turn: in arrival order, in a line bounded in length
(QUERY_QUEUE: one more gets 503 at once, with Retry-After) and in time (QUERY_QUEUE_TIMEOUT), and the
wait never counts against the query's own time limit (QUERY_TIMEOUT)."""
from __future__ import annotations

import threading
import time

import pyoxigraph as ox
import pytest

from service.errors import StoreUnavailable
from service.sparql.queue import SlotQueue
from service.web import kgqa_of

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def add(store, n: int) -> None:
    store.ox.extend([ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                             ox.Literal(str(i)), ox.NamedNode("http://example.org/g")) for i in range(n)])


def get(client, query: str = COUNT):
    return client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/sparql-results+json"})


def in_background(fn) -> tuple[threading.Thread, dict]:
    box: dict = {}
    thread = threading.Thread(target=lambda: box.update(result=fn()))
    thread.start()
    return thread, box


def wait_for(condition, limit: float = 10.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.01)


def test_sparql_queue_first_come_first_served():
    line = SlotQueue(1, depth=5, wait=10)
    line.acquire()
    order: list[int] = []
    threads = []
    for i in range(4):
        def take(i=i):
            line.acquire()
            order.append(i)
            line.release()
        threads.append(threading.Thread(target=take))
        threads[-1].start()
        wait_for(lambda i=i: line.waiting == i + 1)  # each is in line before the next arrives
    line.release()
    for thread in threads:
        thread.join(10)
    assert order == [0, 1, 2, 3]


def test_sparql_queue_waits_longer_than_the_query_time_limit(store, make_app):
    add(store, 3)
    app = make_app(QUERY_TIMEOUT=1, QUERY_WORKERS=1, QUERY_QUEUE=2, QUERY_QUEUE_TIMEOUT=20)
    client = app.test_client()
    assert get(client).status_code == 200
    line = kgqa_of(app).open_runner.line
    line.acquire()  # the only worker's slot, taken for longer than QUERY_TIMEOUT
    thread, box = in_background(lambda: get(client))
    wait_for(lambda: line.waiting == 1)
    time.sleep(1.5)
    line.release()
    thread.join(20)
    assert box["result"].status_code == 200
    assert box["result"].json["results"]["bindings"][0]["n"]["value"] == "3"


@pytest.mark.parametrize("depth, wait, named", [(0, 10, "QUERY_QUEUE"), (2, 0.5, "QUERY_QUEUE_TIMEOUT")],
                         ids=["line full", "wait ran out"])
def test_sparql_queue_busy_is_a_503_with_retry_after(store, make_app, depth, wait, named):
    app = make_app(QUERY_WORKERS=1, QUERY_QUEUE=depth, QUERY_QUEUE_TIMEOUT=wait)
    client = app.test_client()
    assert get(client).status_code == 200  # the pool exists, its worker started
    line = kgqa_of(app).open_runner.line
    line.acquire()
    try:
        response = get(client)
    finally:
        line.release()
    assert response.status_code == 503
    assert response.json["error"]["code"] == "sparql_busy"
    assert named in response.json["error"]["message"]
    assert int(response.headers["Retry-After"]) >= 1
    assert get(client).status_code == 200


def test_sparql_queue_a_waiting_query_reads_writes_made_while_it_waited(store, make_app):
    add(store, 2)
    app = make_app(QUERY_WORKERS=1, QUERY_REFRESH=0)  # a checkpoint after every write (no reuse window)
    client = app.test_client()
    assert get(client).json["results"]["bindings"][0]["n"]["value"] == "2"
    line = kgqa_of(app).open_runner.line
    line.acquire()
    thread, box = in_background(lambda: get(client))
    wait_for(lambda: line.waiting == 1)
    add(store, 7)
    line.release()
    thread.join(20)
    assert box["result"].json["results"]["bindings"][0]["n"]["value"] == "7"


@pytest.mark.parametrize("workers", [0, 2], ids=["threads", "workers"])
def test_sparql_queue_eight_clients_on_two_slots_all_answered(store, make_app, workers):
    add(store, 5)
    client = make_app(QUERY_WORKERS=workers, QUERY_QUEUE=8, QUERY_QUEUE_TIMEOUT=30).test_client()
    runs = [in_background(lambda: get(client)) for _ in range(8)]
    for thread, _ in runs:
        thread.join(60)
    assert [box["result"].status_code for _, box in runs] == [200] * 8


def test_sparql_queue_closed_line_refuses():
    line = SlotQueue(1, depth=1, wait=10)
    line.acquire()
    thread, box = in_background(lambda: pytest.raises(StoreUnavailable, line.acquire).value)
    wait_for(lambda: line.waiting == 1)
    line.close()
    thread.join(10)
    assert "shut down" in str(box["result"])
