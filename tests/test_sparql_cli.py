"""`kgqa query`: the same guard and limits as /sparql, every format, clear one-line errors."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from service.cli import main

SELECT = "SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o } ORDER BY ?o"
CONSTRUCT = "CONSTRUCT WHERE { ?s ?p ?o }"


@pytest.fixture
def store_dir(tmp_path):
    path = tmp_path / "store"
    st = ox.Store(str(path))
    st.extend([ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                       ox.Literal(f"value {i}"), ox.NamedNode("http://example.org/g")) for i in range(3)])
    st.flush()
    del st
    return str(path)


def run(store_dir, *args, env=None):
    return CliRunner(env=env).invoke(main, ["query", "--store", store_dir, *args])


@pytest.mark.parametrize("fmt, read", [
    ("json", lambda out: json.loads(out)["results"]["bindings"]),
    ("xml", lambda out: [line for line in out.split("<result>")[1:]]),
    ("csv", lambda out: list(csv.reader(io.StringIO(out)))[1:]),
    ("tsv", lambda out: out.strip().splitlines()[1:]),
])
def test_sparql_cli_select_formats(store_dir, fmt, read):
    result = run(store_dir, "--format", fmt, SELECT)
    assert result.exit_code == 0, result.output
    assert len(read(result.output)) == 3


@pytest.mark.parametrize("fmt, rdf", [("turtle", ox.RdfFormat.TURTLE), ("ntriples", ox.RdfFormat.N_TRIPLES)])
def test_sparql_cli_construct_formats(store_dir, fmt, rdf):
    result = run(store_dir, "--format", fmt, CONSTRUCT)
    assert result.exit_code == 0, result.output
    assert len(list(ox.parse(result.output.encode(), format=rdf))) == 3


@pytest.mark.parametrize("args, says", [
    (["--format", "turtle", SELECT], "does not fit a SELECT query"),
    (["--format", "csv", CONSTRUCT], "does not fit a CONSTRUCT query"),
    (["SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], "SERVICE"),
    (["DELETE WHERE { ?s ?p ?o }"], "read-only"),
    (["SELECT * WHERE {"], "malformed query"),
])
def test_sparql_cli_refusals_are_one_line_errors(store_dir, args, says):
    result = run(store_dir, *args)
    assert result.exit_code == 2
    assert says in result.output and "Traceback" not in result.output


def test_sparql_cli_result_size_limit(store_dir):
    result = run(store_dir, SELECT, env={"KGQA_QUERY_MAX_ROWS": "2"})
    assert result.exit_code == 2 and "QUERY_MAX_ROWS" in result.output


def test_sparql_cli_time_limit_ends_the_process(tmp_path):
    path = tmp_path / "big"
    st = ox.Store(str(path))
    st.bulk_extend([ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                            ox.Literal(str(i)), ox.NamedNode("http://example.org/g")) for i in range(3000)])
    del st
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    kgqa = Path(sys.executable).parent / "kgqa"
    started = time.monotonic()
    done = subprocess.run([str(kgqa), "query", "--store", str(path), runaway], capture_output=True, text=True,
                          env={**os.environ, "KGQA_QUERY_TIMEOUT": "1"}, timeout=60)
    assert done.returncode == 1
    assert "time limit" in done.stderr and "QUERY_TIMEOUT" in done.stderr
    assert time.monotonic() - started < 30  # generous: interpreter start included; the query alone takes hours
