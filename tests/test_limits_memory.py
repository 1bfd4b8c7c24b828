"""The memory bound (QUERY_MAX_MEMORY, RLIMIT_AS of the query worker processes) and the byte bound on
results (QUERY_MAX_BYTES). A 1 KB query doubling a document's text with CONCAT thirty times asks for
gigabytes; the engine aborts when an allocation fails past the bound, so only a worker process can take
it: the client gets 422 naming the limit and the worker is replaced. Two rows can be megabytes: the
byte bound answers 413 result_too_large, on both stores and in `kgqa query`."""
from __future__ import annotations

import os
import subprocess
import sys

import pyoxigraph as ox
import pytest

from service.errors import ResultTooLarge
from service.store.embedded import EmbeddedStore
from service.web import create_app, kgqa_of
from tests.support import BASE

TEXT = ox.NamedNode("http://example.org/text")
DOUBLINGS = "".join(f"BIND(CONCAT(?t{i}, ?t{i}) AS ?t{i + 1}) " for i in range(30))
EXPLODE = f"SELECT (STRLEN(?t30) AS ?n) WHERE {{ ?d <{TEXT.value}> ?t0 {DOUBLINGS}}}"  # 1 KB, 4 TB asked for
BIG_ROWS = (f"SELECT ?d ?t5 WHERE {{ ?d <{TEXT.value}> ?t0 "
            + "".join(f"BIND(CONCAT(?t{i}, ?t{i}) AS ?t{i + 1}) " for i in range(5)) + "}")  # 2 rows, 6.4 MB
BIG_GRAPH = (f"CONSTRUCT {{ ?d <{TEXT.value}> ?t5 }} WHERE {{ ?d <{TEXT.value}> ?t0 "
             + "".join(f"BIND(CONCAT(?t{i}, ?t{i}) AS ?t{i + 1}) " for i in range(5)) + "}")
SMALL = f"SELECT (STRLEN(?t) AS ?n) WHERE {{ ?d <{TEXT.value}> ?t }}"
MEMORY_MB = 768  # the small test store opens in less
MAX_BYTES = 1_000_000


def quads():
    """Two documents of 100 kB of text each."""
    return [ox.Quad(ox.NamedNode(f"http://example.org/d{i}"), TEXT, ox.Literal("word " * 20_000),
                    ox.NamedNode(f"http://example.org/g{i}")) for i in range(2)]


@pytest.fixture
def text_store(store):
    store.ox.extend(quads())
    return store


def get(client, query, accept="application/sparql-results+json"):
    return client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})


def test_limits_memory_query_refused_and_worker_replaced(text_store, make_app):
    app = make_app(QUERY_MAX_MEMORY=MEMORY_MB, QUERY_WORKERS=1, QUERY_TIMEOUT=60)
    client = app.test_client()
    response = get(client, EXPLODE)
    assert response.status_code == 422, response.get_data()
    error = response.get_json()["error"]
    assert error["code"] == "query_out_of_memory" and f"{MEMORY_MB} MB" in error["message"]
    assert "QUERY_MAX_MEMORY" in error["message"]
    assert kgqa_of(app).open_runner.out_of_memory == 1
    assert get(client, SMALL).status_code == 200  # a fresh worker answers the next query


@pytest.mark.parametrize("query, accept", [(BIG_ROWS, "application/sparql-results+json"),
                                          (BIG_ROWS, "text/csv"), (BIG_GRAPH, "text/turtle")])
@pytest.mark.parametrize("workers", [0, 1], ids=["in-process", "worker"])
def test_limits_bytes_embedded(text_store, make_app, workers, query, accept):
    client = make_app(QUERY_MAX_BYTES=MAX_BYTES, QUERY_WORKERS=workers).test_client()
    response = get(client, query, accept)
    assert response.status_code == 413, response.get_data()[:200]
    assert response.get_json()["error"]["code"] == "result_too_large"
    assert "QUERY_MAX_BYTES" in response.get_json()["error"]["message"]
    assert get(client, SMALL).status_code == 200


@pytest.mark.parametrize("query, accept", [(BIG_ROWS, "application/sparql-results+json"), (BIG_GRAPH, "text/turtle")])
def test_limits_bytes_remote(remote_store, query, accept):
    remote_store.load(ox.serialize(quads(), format=ox.RdfFormat.N_QUADS), "application/n-quads")
    client = create_app({"STORE_OBJECT": remote_store, "BASE_IRI": BASE, "TESTING": True,
                         "QUERY_MAX_BYTES": MAX_BYTES}).test_client()
    response = get(client, query, accept)
    assert response.status_code == 413 and "QUERY_MAX_BYTES" in response.get_json()["error"]["message"]


@pytest.fixture
def text_store_dir(tmp_path):
    st = EmbeddedStore(str(tmp_path / "store"))
    st.ox.extend(quads())
    st.close()
    return str(tmp_path / "store")


@pytest.mark.parametrize("query, setting", [(EXPLODE, "QUERY_MAX_MEMORY"), (BIG_ROWS, "QUERY_MAX_BYTES")])
def test_limits_cli_query_bounded(text_store_dir, query, setting):
    env = dict(os.environ, KGQA_QUERY_MAX_MEMORY=str(MEMORY_MB), KGQA_QUERY_MAX_BYTES=str(MAX_BYTES),
               KGQA_QUERY_TIMEOUT="60")
    done = subprocess.run([sys.executable, "-m", "service.cli", "query", "--store", text_store_dir, query],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2 and setting in done.stderr.splitlines()[-1], done.stderr[-500:]
    done = subprocess.run([sys.executable, "-m", "service.cli", "query", "--store", text_store_dir, SMALL],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0 and "100000" in done.stdout


def test_limits_bytes_remote_read_stops_at_bound(remote_store):
    """The remote answer is read no further than the bound (never whole into this server's memory)."""
    remote_store.load(ox.serialize(quads(), format=ox.RdfFormat.N_QUADS), "application/n-quads")
    with pytest.raises(ResultTooLarge, match="more than 1000000 bytes"):
        remote_store.execute(BIG_ROWS, "application/sparql-results+json", max_bytes=MAX_BYTES)
    assert remote_store.execute(SMALL, "application/sparql-results+json", max_bytes=MAX_BYTES)


@pytest.mark.parametrize("rows, status", [("10000", 2), ("5000000", 0)])
def test_limits_cli_byte_bound_follows_row_limit(text_store_dir, rows, status):
    """With no QUERY_MAX_BYTES, the byte bound is 500 bytes per allowed row: 6.4 MB in two rows is past
    the default (5 MB), and an operator who raised the row limit gets the answer."""
    env = {k: v for k, v in os.environ.items() if k != "KGQA_QUERY_MAX_BYTES"}
    env.update(KGQA_QUERY_MAX_ROWS=rows, KGQA_QUERY_TIMEOUT="60")
    done = subprocess.run([sys.executable, "-m", "service.cli", "query", "--store", text_store_dir, BIG_ROWS],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == status, done.stderr[-500:]
    assert (status == 0) == (len(done.stdout) > 6_000_000)
