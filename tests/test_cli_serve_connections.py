"""`kgqa serve` bounds connections (KGQA_MAX_CONNECTIONS) and closes idle ones (KGQA_IDLE_TIMEOUT):
300 idle sockets held open (waitress's defaults: 100 connections, 120 s idle) no longer keep a real
request from being served."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

IDLE = 300


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    env = dict(os.environ, KGQA_IDLE_TIMEOUT="2")
    process = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--store", str(tmp_path / "store"),
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=5).read()
            break
        except OSError:
            time.sleep(0.1)
    yield port
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()


def test_cli_serve_answers_beside_idle_connections(server):
    idle = [socket.create_connection(("127.0.0.1", server), timeout=10) for _ in range(IDLE)]
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server}/healthz", timeout=10) as response:
            assert response.status == 200
    finally:
        for sock in idle:
            sock.close()


def test_cli_serve_closes_idle_connections(server):
    sock = socket.create_connection(("127.0.0.1", server), timeout=60)
    try:
        assert sock.recv(1) == b""  # closed by the server (KGQA_IDLE_TIMEOUT=2), not by this side
    finally:
        sock.close()
