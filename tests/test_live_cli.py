"""`kgqa ingest`, `kgqa ask` and `kgqa query` beside a running `kgqa serve` on the same store go through
it (its run file in the store folder); kill -9 of the server during a live ingest loses nothing."""
from __future__ import annotations

import json
import signal
import stat
import subprocess
import sys
import time
import urllib.request

import pytest

from service import live
from service.ingest.pipeline import ingest_paths
from service.store.embedded import EmbeddedStore
from tests.support import DATA, DEFAULT_BASE, extractor
from tests.support.serve import Serve


def _kgqa(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "service.cli", *args], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture
def serving(tmp_path):
    server = Serve(tmp_path / "store")
    yield server
    server.stop(signal.SIGKILL)


def test_live_run_file_is_private_and_removed_at_exit(serving):
    path = serving.folder / live.RUN_FILE
    data = json.loads(path.read_text())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert data["pid"] == serving.process.pid and data["url"] == f"http://127.0.0.1:{serving.port}/"
    assert len(data["token"]) >= 32
    serving.stop()
    assert not path.exists()


def test_live_cli_ingest_ask_query_through_the_server(serving):
    store = str(serving.folder)
    ingested = _kgqa("ingest", "--store", store, str(DATA / "seeds"))
    assert ingested.returncode == 0, ingested.stderr
    assert "ingested 2 document(s)" in ingested.stdout
    asked = _kgqa("ask", "--store", store, "--json", "Who did Putin meet?")
    assert asked.returncode == 0, asked.stderr
    assert any("Obama" in a["text"] for a in json.loads(asked.stdout)["answers"])
    counted = _kgqa("query", "--store", store, "--format", "csv",
                    "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/kgqa/ns#Document> }")
    assert counted.returncode == 0 and counted.stdout.split() == ["n", "2"], counted.stderr


def test_live_cli_ingest_errors_name_the_local_file(serving, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Obama met Putin in New York on Monday.", encoding="utf-8")
    (docs / "bad.jsonl").write_text("{nope\n", encoding="utf-8")
    result = _kgqa("ingest", "--store", str(serving.folder), str(docs))
    errors = [line for line in result.stderr.splitlines() if line.startswith("kgqa: error:")]
    assert result.returncode == 1 and errors == [f"kgqa: error: {docs / 'bad.jsonl'}:1: invalid JSON "
                                                 "(Expecting property name enclosed in double quotes)"]
    assert "ingested 1 document(s)" in result.stdout


def test_live_cli_ask_errors_keep_their_exit_status(serving):
    result = _kgqa("ask", "--store", str(serving.folder), "What colour is the sky?")
    assert result.returncode == 2 and result.stderr.startswith("kgqa: error: No question template fits")


def _quads_per_graph(st: EmbeddedStore) -> dict[str, int]:
    counts: dict[str, int] = {}
    for quad in st.ox:
        counts[str(quad.graph_name)] = counts.get(str(quad.graph_name), 0) + 1
    return counts


def test_live_ingest_killed_server_loses_nothing(tmp_path):
    docs = tmp_path / "docs"  # the test articles ten times over, under other names: long enough to kill midway
    docs.mkdir()
    for n in range(10):
        for article in sorted((DATA / "articles").glob("*.txt")):
            (docs / f"{article.stem}-{n}.txt").write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    with EmbeddedStore(str(tmp_path / "reference")) as st:
        ingest_paths([str(docs)], st, extractor(BASE_IRI=DEFAULT_BASE))
        expected = _quads_per_graph(st)
    server = Serve(tmp_path / "store")
    client = subprocess.Popen([sys.executable, "-m", "service.cli", "ingest", "--store", str(server.folder),
                               str(docs)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # until the first documents are written, however slow the machine, then kill it mid-ingest; the
        # deadline only guards against a hung client
        written, deadline = 0, time.monotonic() + 900
        while written < 3 and client.poll() is None and time.monotonic() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/healthz", timeout=10) as r:
                written = json.load(r)["sources"]
            time.sleep(0.05)
        assert written >= 3, "the ingest ended before three documents were written: nothing to kill midway"
        server.stop(signal.SIGKILL)
        out, err = client.communicate(timeout=120)
    finally:
        client.kill()
        server.stop(signal.SIGKILL)
    assert client.returncode != 0, "the ingest finished before the server was killed: nothing was cut midway"
    assert "does not answer" in err
    with EmbeddedStore(str(server.folder)) as st:  # the run file names a dead process: ingest opens the store
        report = ingest_paths([str(docs)], st, extractor(BASE_IRI=DEFAULT_BASE))
        assert report.skipped >= 3 and report.documents >= 1 and report.errors == []
        assert _quads_per_graph(st) == expected
