"""`kgqa serve` bounds connections (KGQA_MAX_CONNECTIONS) and closes idle ones (KGQA_IDLE_TIMEOUT):
300 idle sockets held open (waitress's defaults: 100 connections, 120 s idle) no longer keep a real
request from being served."""
from __future__ import annotations

import socket
import urllib.request

import pytest

from tests.support.serve import Serve

IDLE = 300


@pytest.fixture
def server(tmp_path):
    serving = Serve(tmp_path / "store", KGQA_IDLE_TIMEOUT="2")
    yield serving.port
    serving.stop()


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
