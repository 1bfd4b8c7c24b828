"""Servers the tests start on loopback: a real `oxigraph serve`, and tiny HTTP servers or sockets that
answer as broken or picky SPARQL endpoints do (never mocks of kgqa itself)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def die_with_parent() -> None:
    """In the server's process: end it when pytest ends, even killed (Linux's PR_SET_PDEATHSIG)."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


class OxigraphServer:
    """`oxigraph serve` (the oxigraph package's binary beside this Python) on a free loopback port.
    `union`: its union-default-graph mode, which kgqa's remote store requires."""

    def __init__(self, location: Path, *, union: bool = True):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.query, self.update = f"{self.url}/query", f"{self.url}/update"
        binary = Path(sys.executable).parent / "oxigraph"
        args = [str(binary if binary.exists() else shutil.which("oxigraph")), "serve", "--location",
                str(location), "--bind", f"127.0.0.1:{self.port}"] + (["--union-default-graph"] if union else [])
        log = Path(str(location) + ".log")  # a file, not a pipe nobody reads (a full pipe blocks the server)
        with open(log, "wb") as err:
            self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=die_with_parent)
        deadline = time.monotonic() + 30
        while True:  # wait until it answers a query
            try:
                urllib.request.urlopen(f"{self.query}?query=ASK%7B%7D", timeout=1).read()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"oxigraph serve did not start: {log.read_text()!r}") from None
                time.sleep(0.1)

    def store(self, timeout: float = 10.0):
        from service.store.remote import RemoteStore

        return RemoteStore(self.query, self.update, timeout=timeout)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def loopback_server(handler, servers: list) -> str:
    """Serve `handler` on a free loopback port in a thread; the server joins `servers`. Its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    servers.append(server)
    return f"http://127.0.0.1:{server.server_address[1]}"


def stop_servers(servers: list) -> None:
    for server in servers:
        server.shutdown()
        server.server_close()


def answering(status: int, content_type: str, body: bytes, seen: list) -> type[BaseHTTPRequestHandler]:
    """A handler answering every request with this status, type and body; the headers it saw go to `seen`."""
    class Handler(BaseHTTPRequestHandler):
        def answer(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen.append(dict(self.headers))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = answer

        def log_message(self, *args):
            pass

    return Handler


def refusing(server: OxigraphServer, refused: set[str]) -> type[BaseHTTPRequestHandler]:
    """A handler forwarding to a real Oxigraph server, but answering 406 to the media types in `refused`."""
    class Handler(BaseHTTPRequestHandler):
        def forward(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) or None
            if self.headers.get("Accept") in refused:
                status, kind, data = 406, "text/plain", b"not acceptable"
            else:
                keep = {k: v for k, v in self.headers.items() if k.lower() in ("accept", "content-type")}
                request = urllib.request.Request(server.url + self.path, data=body, headers=keep, method=self.command)
                try:
                    with urllib.request.urlopen(request, timeout=10) as answer:
                        status, kind, data = answer.status, answer.headers["Content-Type"], answer.read()
                except urllib.error.HTTPError as err:
                    status, kind, data = err.code, err.headers["Content-Type"], err.read()
            self.send_response(status)
            self.send_header("Content-Type", kind or "text/plain")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = forward

        def log_message(self, *args):
            pass

    return Handler


def raw_listener(data: bytes) -> socket.socket:
    """A loopback socket answering every connection with `data` (not HTTP) until closed."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def serve():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:  # closed at teardown
                return
            with conn:
                conn.recv(65536)
                conn.sendall(data)

    threading.Thread(target=serve, daemon=True).start()
    return listener
