"""`kgqa ask` beside a running server: a server still indexing the store's names (503 not_ready) is asked
again until it answers, within a bound; any other error is reported at once (a hand-made loopback server)."""
from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler

import pytest

from service import live
from service.errors import KgqaError
from tests.support.servers import loopback_server, stop_servers

NOT_READY = json.dumps({"error": {"code": "not_ready", "message": "still indexing"}}).encode()
REFUSED = json.dumps({"error": {"code": "unsupported_question", "message": "no template"}}).encode()


def _server(answers: list[tuple[int, bytes]], seen: list) -> type[BaseHTTPRequestHandler]:
    """Answers in turn, the last one again and again; each request's path goes to `seen`."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.path)
            status, body = answers[min(len(seen), len(answers)) - 1]
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def servers():
    running: list = []
    yield running
    stop_servers(running)


def test_live_ask_waits_for_the_names(servers):
    seen: list = []
    url = loopback_server(_server([(503, NOT_READY), (503, NOT_READY), (200, b'{"answers": []}')], seen), servers)
    assert live.ask(live.Server(url + "/", 0, "t"), "Who met Putin?") == {"answers": []}
    assert len(seen) == 3


@pytest.mark.parametrize("answers, code, asked", [
    ([(422, REFUSED)], "unsupported_question", range(1, 2)),  # another error: at once
    ([(503, NOT_READY)], "not_ready", range(2, 10)),  # never ready: asked again, given up within the bound
])
def test_live_ask_reports_other_errors_and_gives_up(servers, answers, code, asked):
    seen: list = []
    url = loopback_server(_server(answers, seen), servers)
    with pytest.raises(KgqaError) as err:
        live.ask(live.Server(url + "/", 0, "t"), "Who met Putin?", wait=1.0)
    assert err.value.code == code and len(seen) in asked
