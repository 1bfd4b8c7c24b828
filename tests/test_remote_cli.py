"""The `kgqa` command line on a remote store: --endpoint / --update-endpoint and the KGQA_* variables
work end to end against a real `oxigraph serve`, and a stopped endpoint fails fast with a clear message."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from service.cli import main
from tests.support import SEEDS

TURTLE = '@prefix ex: <http://example.org/> .\nex:a ex:p "one" , "two" .\n'
DEAD = "http://127.0.0.1:9/query"  # nothing listens there


def endpoint_args(server) -> list[str]:
    return ["--endpoint", server.query, "--update-endpoint", server.update]


def test_remote_cli_load_into_the_endpoint(remote_store, oxigraph_server, tmp_path):
    data = tmp_path / "ref.ttl"
    data.write_text(TURTLE)
    args = ["load", *endpoint_args(oxigraph_server), "--graph", "http://example.org/g", str(data)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert remote_store.ask('ASK { GRAPH <http://example.org/g> { ?s ?p "two" } }')


def test_remote_cli_endpoint_from_the_environment(remote_store, oxigraph_server, tmp_path):
    data = tmp_path / "ref.ttl"
    data.write_text(TURTLE)
    env = {"KGQA_ENDPOINT": oxigraph_server.query, "KGQA_UPDATE_ENDPOINT": oxigraph_server.update}
    result = CliRunner().invoke(main, ["load", "--graph", "http://example.org/g", str(data)], env=env)
    assert result.exit_code == 0, result.output
    assert remote_store.count_triples() == 2


def test_remote_cli_load_to_a_dead_endpoint_fails_with_its_name(tmp_path, monkeypatch):
    monkeypatch.setattr("service.store.remote.BACKOFF", 0.01)
    data = tmp_path / "ref.ttl"
    data.write_text(TURTLE)
    result = CliRunner().invoke(main, ["load", "--endpoint", DEAD, str(data)])
    assert result.exit_code == 1
    assert f"{DEAD} cannot be reached" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("again", [["--force"], []], ids=["re-extracted", "skipped as unchanged"])
def test_remote_cli_ingest_twice_leaves_the_same_triple_count(remote_store, oxigraph_server, again):
    counts = []
    for extra in ([], again):
        result = CliRunner().invoke(main, ["ingest", *endpoint_args(oxigraph_server), *extra, str(SEEDS)])
        assert result.exit_code == 0, result.output
        counts.append(remote_store.count_triples())
    assert counts[0] == counts[1] > 0
    assert ("skipped 2 unchanged" in result.output) == (again == [])


def test_remote_cli_ask_fails_fast_when_the_endpoint_is_down(down_endpoint):
    result = CliRunner().invoke(main, ["ask", "--endpoint", down_endpoint, "Who proposed what at the UN meeting?"])
    assert result.exit_code == 1
    assert f"kgqa: error: the SPARQL endpoint {down_endpoint} cannot be reached" in result.output
    assert "Traceback" not in result.output


def test_remote_cli_sends_the_auth_header_from_the_environment(garbage_endpoint):
    empty = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
    url = garbage_endpoint(200, "application/sparql-results+json", empty)
    env = {"KGQA_ENDPOINT": url, "KGQA_ENDPOINT_AUTH": "Bearer s3cret"}
    result = CliRunner().invoke(main, ["query", "SELECT ?s WHERE { ?s ?p ?o }"], env=env)
    assert result.exit_code == 0, result.output
    assert {seen["Authorization"] for seen in garbage_endpoint.seen} == {"Bearer s3cret"}


def test_remote_cli_ask_gives_up_at_the_endpoint_timeout(silent_endpoint):
    env = {"KGQA_ENDPOINT_TIMEOUT": "0.5"}
    result = CliRunner().invoke(main, ["ask", "--endpoint", silent_endpoint, "What did Putin propose?"], env=env)
    assert result.exit_code == 1
    assert f"{silent_endpoint} did not answer within 0.5 s (KGQA_ENDPOINT_TIMEOUT)" in result.output


def test_remote_cli_ingest_to_a_down_endpoint_fails_with_its_name(down_endpoint):
    result = CliRunner().invoke(main, ["ingest", "--endpoint", down_endpoint, "--update-endpoint",
                                       down_endpoint.replace("/query", "/update"), str(SEEDS)])
    assert result.exit_code == 1
    assert f"kgqa: error: the SPARQL endpoint {down_endpoint} cannot be reached" in result.output
    assert "Traceback" not in result.output
