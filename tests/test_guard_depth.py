"""Nesting bound: the engine's parser recurses per level and a few thousand levels crash it (a
segmentation fault: the server, a worker, `kgqa query`, a remote Oxigraph server). The guard refuses
a depth over 100 with 400 query_too_complex before any engine sees the query, on every path."""
from __future__ import annotations

import subprocess
import sys

import pytest

from service.errors import QueryTooComplex
from service.sparql import guard
from service.web import create_app
from tests.support import kgqa

SHAPES = {  # depth -> a query nesting that deep
    "groups": lambda n: "SELECT * WHERE " + "{" * n + "}" * n,
    "subselects": lambda n: "SELECT * WHERE " + "{ SELECT * WHERE " * (n - 1) + "{}" + "}" * (n - 1),
    "parentheses": lambda n: "SELECT * WHERE { FILTER" + "(" * (n - 1) + "1" + ")" * (n - 1) + " }",
    "paths": lambda n: "SELECT * WHERE { ?s " + "(" * (n - 1) + "<http://example.org/p>" + ")" * (n - 1) + " ?o }",
    "brackets": lambda n: "SELECT * WHERE { ?s <http://example.org/p> " + "[ <http://example.org/p> " * (n - 1)
                          + "?o" + " ]" * (n - 1) + " }",
    "negations": lambda n: "SELECT * WHERE { FILTER(" + "!" * (n - 2) + "true) }",
    "mixed": lambda n: ("SELECT * WHERE { " + "{ " * ((n - 1) // 2) + "FILTER" + "(" * (n - 1 - (n - 1) // 2) + "1"
                        + ")" * (n - 1 - (n - 1) // 2) + " }" * ((n - 1) // 2) + " }"),
}


def _refused(response) -> bool:
    return response.status_code == 400 and response.get_json()["error"]["code"] == "query_too_complex"


@pytest.mark.parametrize("shape", SHAPES)
def test_guard_depth_at_bound_passes(shape):
    assert guard.inspect(SHAPES[shape](guard.MAX_DEPTH)).form == "SELECT"


@pytest.mark.parametrize("depth", [guard.MAX_DEPTH + 1, 3000])
@pytest.mark.parametrize("shape", SHAPES)
def test_guard_depth_over_bound_refused(shape, depth):
    with pytest.raises(QueryTooComplex, match="deeper than 100"):
        guard.inspect(SHAPES[shape](depth))


@pytest.fixture(params=[0, 2], ids=["in-process", "workers"])
def depth_client(request, make_app):
    return make_app(QUERY_WORKERS=request.param).test_client()


@pytest.mark.parametrize("depth, ok", [(100, True), (101, False), (3000, False)])
def test_guard_depth_embedded_http(depth_client, depth, ok):
    response = depth_client.get("/sparql", query_string={"query": SHAPES["groups"](depth)},
                                headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200 if ok else _refused(response), response.get_data()
    assert depth_client.get("/healthz").status_code == 200  # and the server lives on


@pytest.mark.parametrize("depth, ok", [(100, True), (101, False), (3000, False)])
def test_guard_depth_remote_not_forwarded(remote_store, oxigraph_server, depth, ok):
    client = create_app({"TESTING": True}, kgqa=kgqa(remote_store)).test_client()
    response = client.get("/sparql", query_string={"query": SHAPES["groups"](depth)},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200 if ok else _refused(response), response.get_data()
    assert oxigraph_server.process.poll() is None  # the backing server still runs
    assert remote_store.ask("ASK {}")


@pytest.mark.parametrize("depth, code", [(100, 0), (101, 2), (3000, 2)])
def test_guard_depth_cli(tmp_path, depth, code):
    done = subprocess.run([sys.executable, "-m", "service.cli", "query", "--store", str(tmp_path / "store"),
                           SHAPES["groups"](depth)], capture_output=True, text=True, timeout=120)
    assert done.returncode == code, done.stderr
    assert ("nests deeper than 100" in done.stderr) == (code == 2)
