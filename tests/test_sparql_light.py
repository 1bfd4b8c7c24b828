"""Light queries (light.is_light: one triple pattern with a constant subject or object, no repeated
variable, no expression, an ASK or a SELECT with a LIMIT of at most 1,000) run in the server's own
thread, without the hop to a worker; everything else still runs in a worker, under the time and
memory bounds, and the byte bound holds on both paths."""
from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest

from service.sparql import guard, runners
from service.sparql import query as core
from tests.support import bare

EX = "http://example.org/"
LIGHT = {  # query -> the most rows it can give
    f"SELECT ?p ?o WHERE {{ <{EX}a> ?p ?o }} LIMIT 50": 50,
    f"PREFIX ex: <{EX}> SELECT * {{ ex:a ex:p ?o . }} LIMIT 1000": 1000,
    f"SELECT ?s WHERE {{ ?s <{EX}p> \"x\"@en }} LIMIT 3": 3,
    f"SELECT $s ?p {{ ?s ?p <{EX}b> }} LIMIT 7": 7,
    f"BASE <{EX}> select ?o where {{ <a> a ?o }} limit 2": 2,
    f"ASK {{ <{EX}a> ?p ?o }}": 1,
}
HEAVY = {  # shapes that must go to a worker, however cheap they may be
    "no LIMIT": f"SELECT ?p ?o WHERE {{ <{EX}a> ?p ?o }}",
    "LIMIT over 1000": f"SELECT ?p ?o WHERE {{ <{EX}a> ?p ?o }} LIMIT 1001",
    "OFFSET": f"SELECT ?p ?o WHERE {{ <{EX}a> ?p ?o }} LIMIT 5 OFFSET 100000",
    "DISTINCT": f"SELECT DISTINCT ?p WHERE {{ <{EX}a> ?p ?o }} LIMIT 5",
    "ORDER BY": f"SELECT ?p ?o WHERE {{ <{EX}a> ?p ?o }} ORDER BY ?o LIMIT 5",
    "no constant subject or object": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5",
    "repeated variable": f"SELECT ?p WHERE {{ <{EX}a> ?p ?p }} LIMIT 5",
    "two patterns": f"SELECT * WHERE {{ <{EX}a> ?p ?o . ?o ?q ?r }} LIMIT 5",
    "FILTER": f"SELECT * WHERE {{ <{EX}a> ?p ?o FILTER(?o > 1) }} LIMIT 5",
    "BIND CONCAT": f"SELECT * WHERE {{ <{EX}a> ?p ?o BIND(CONCAT(?o, ?o) AS ?x) }} LIMIT 5",
    "OPTIONAL": f"SELECT * WHERE {{ <{EX}a> ?p ?o OPTIONAL {{ ?o ?q ?r }} }} LIMIT 5",
    "GRAPH": f"SELECT * WHERE {{ GRAPH ?g {{ <{EX}a> ?p ?o }} }} LIMIT 5",
    "path": f"SELECT * WHERE {{ <{EX}a> <{EX}p>+ ?o }} LIMIT 5",
    "sequence path": f"SELECT * WHERE {{ <{EX}a> <{EX}p>/<{EX}q> ?o }} LIMIT 5",
    "VALUES": f"SELECT * WHERE {{ VALUES ?p {{ <{EX}p> }} <{EX}a> ?p ?o }} LIMIT 5",
    "FROM": f"SELECT * FROM <{EX}g> WHERE {{ <{EX}a> ?p ?o }} LIMIT 5",
    "aggregate": f"SELECT (COUNT(*) AS ?n) WHERE {{ <{EX}a> ?p ?o }} LIMIT 5",
    "subquery": f"SELECT * WHERE {{ {{ SELECT * WHERE {{ <{EX}a> ?p ?o }} }} }} LIMIT 5",
    "CONSTRUCT": f"CONSTRUCT {{ <{EX}a> ?p ?o }} WHERE {{ <{EX}a> ?p ?o }} LIMIT 5",
    "DESCRIBE": f"DESCRIBE <{EX}a>",
    "escaped keyword": f"SELECT * WHERE {{ <{EX}a> ?p ?o }} \\u004CIMIT 5",
    "empty pattern": "ASK {}",
}


@pytest.mark.parametrize("query, rows", LIGHT.items())
def test_sparql_light_shapes_classified(query, rows):
    assert guard.inspect(query).light == rows


@pytest.mark.parametrize("query", HEAVY.values(), ids=HEAVY.keys())
def test_sparql_light_other_shapes_go_to_a_worker(query):
    assert guard.inspect(query).light == 0


def test_sparql_light_repeated_text_inspected_once():
    query = f"SELECT ?o WHERE {{ <{EX}a> ?p ?o }} LIMIT 9"
    assert guard.inspect(query) is guard.inspect(query)


@pytest.mark.parametrize("query", [f"INSERT DATA {{ <{EX}a> <{EX}p> 1 }}", "SELECT * { SERVICE <x:y> {} }"])
def test_sparql_light_refusals_not_remembered_as_answers(query):
    for _ in range(2):
        with pytest.raises(Exception) as refused:
            guard.inspect(query)
        assert refused.value.status == 403


@pytest.fixture
def pool(store):
    store.ox.extend([ox.Quad(ox.NamedNode(f"{EX}a"), ox.NamedNode(f"{EX}p{i}"), ox.Literal(f"v{i}"),
                             ox.NamedNode(f"{EX}g{i % 3}")) for i in range(20)])
    runner = runners.open_runner(store, bare({"QUERY_TIMEOUT": 10, "QUERY_WORKERS": 1}))
    yield runner
    runner.close()


def test_sparql_light_runs_without_a_worker(pool):
    job = core.prepare(f"SELECT ?p ?o WHERE {{ <{EX}a> ?p ?o }} LIMIT 5", "text/csv", bare({}))
    assert len(pool.run(job).decode().splitlines()) == 6
    assert pool.light == 1 and pool.checkpoints == 0 and not pool.idle  # no worker was started


def test_sparql_light_other_queries_still_in_a_worker(pool):
    job = core.prepare(HEAVY["no LIMIT"], "text/csv", bare({}))
    assert len(pool.run(job).decode().splitlines()) == 21
    assert pool.light == 0 and pool.checkpoints == 1 and len(pool.idle) == 1


@pytest.mark.parametrize("media_type", core.RESULT_TYPES)
@pytest.mark.parametrize("query", [q for q in LIGHT if "ex:" not in q and "<a>" not in q])
def test_sparql_light_same_bytes_as_a_worker(pool, query, media_type):
    job = core.prepare(query, media_type, bare({}))
    assert pool.run(job) == pool.run(dataclasses.replace(job, light=0))


@pytest.mark.parametrize("workers", [0, 1], ids=["threads", "workers"])
def test_sparql_light_byte_bound_holds(store, make_app, workers):
    store.ox.add(ox.Quad(ox.NamedNode(f"{EX}d"), ox.NamedNode(f"{EX}text"), ox.Literal("word " * 20_000),
                         ox.NamedNode(f"{EX}g")))
    client = make_app(QUERY_MAX_BYTES=50_000, QUERY_WORKERS=workers).test_client()
    query = f"SELECT ?t WHERE {{ <{EX}d> <{EX}text> ?t }} LIMIT 1"
    assert guard.inspect(query).light
    response = client.get("/sparql", query_string={"query": query},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 413 and response.get_json()["error"]["code"] == "result_too_large"


def test_sparql_light_row_limit_below_its_limit_still_counted(pool):
    job = core.prepare(f"SELECT ?p ?o WHERE {{ <{EX}a> ?p ?o }} LIMIT 10", "text/csv", bare({"QUERY_MAX_ROWS": 4}))
    with pytest.raises(Exception) as refused:
        pool.run(job)
    assert refused.value.code == "result_too_large"
