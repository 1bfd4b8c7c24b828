"""`kgqa serve` stopped by SIGTERM (a service manager) exits cleanly: its query workers' store
checkpoint is deleted and the store is released for the next process."""
from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from service.store.embedded import EmbeddedStore
from tests.support import DATA


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_cli_serve_sigterm_removes_checkpoints(tmp_path):
    folder = tmp_path / "store"
    with EmbeddedStore(str(folder)) as st:
        st.load((DATA / "graphs" / "qa-geneva.trig").read_bytes(), "application/trig")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--store", str(folder),
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                _get(base + "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        query = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert _get(f"{base}/sparql?query={query}")["results"]["bindings"]
        assert [p for p in tmp_path.iterdir() if ".sparql-" in p.name]  # the workers' checkpoint
        server.send_signal(signal.SIGTERM)
        assert server.wait(30) in (0, 143), server.stderr.read().decode()
    finally:
        if server.poll() is None:
            server.kill()
    assert [p.name for p in tmp_path.iterdir()] == [Path(folder).name]
    EmbeddedStore(str(folder)).close()  # released: a new process may own it
