"""A running `kgqa serve` owns its embedded store; other `kgqa` commands on that store go through it.

The server writes a run file into the store folder (RUN_FILE, mode 0600, removed when it exits): its
URL, its PID and a random token made for this run. `kgqa ingest` finds the file and sends the documents
it read to the server's POST /sources with that token (which the server accepts from loopback only);
`kgqa ask` and `kgqa query` send their question or query to /ask and /sparql. A run file whose process
is gone (a server killed with kill -9) is ignored.
"""
from __future__ import annotations

import atexit
import json
import os
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .errors import KgqaError, StoreUnavailable
from .settings import Settings

RUN_FILE = "kgqa-serve.json"


@dataclass(frozen=True)
class Server:
    url: str  # ends with "/"
    pid: int
    token: str
    max_document_bytes: int = 0
    max_request_bytes: int = 0


def announce(store_dir: str, host: str, port: int, settings: Settings) -> Server:
    """Write the run file of this server process (removed at exit) and return what it holds."""
    loopback = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    netloc = f"[{loopback}]" if ":" in loopback else loopback
    server = Server(f"http://{netloc}:{port}/", os.getpid(), secrets.token_urlsafe(32),
                    settings.max_document_bytes, settings.max_request_bytes)
    path = Path(store_dir) / RUN_FILE
    temporary = path.with_name(f".{RUN_FILE}.{server.pid}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(server.__dict__, out)
    os.replace(temporary, path)
    atexit.register(withdraw, store_dir, server.pid)
    return server


def withdraw(store_dir: str, pid: int) -> None:
    """Remove the run file if it is still this process's (a newer server may have replaced it)."""
    path = Path(store_dir) / RUN_FILE
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == pid:
            path.unlink()
    except (OSError, ValueError):
        pass


def find(store_dir: str) -> Server | None:
    """The server running on this store, or None (no run file, or its process is gone)."""
    try:
        data = json.loads((Path(store_dir) / RUN_FILE).read_text(encoding="utf-8"))
        server = Server(**data)
    except (OSError, ValueError, TypeError):
        return None
    try:
        os.kill(server.pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:  # alive, another user's: its file was readable, so try it
        pass
    return server


def request(server: Server, method: str, path: str, *, body: bytes | None = None,
            headers: dict | None = None, timeout: float | None = None) -> tuple[int, str, bytes]:
    """(status, content type, body) of one request to the server. A refused connection (the server
    is stopping) raises StoreUnavailable; an HTTP error status is returned, not raised."""
    req = urllib.request.Request(urllib.parse.urljoin(server.url, path), data=body, method=method,
                                 headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise StoreUnavailable(f"the server running on this store ({server.url}) does not answer: {reason}") from None


def error_of(status: int, body: bytes) -> KgqaError:
    """The server's canonical error body as a KgqaError with its code, status and message."""
    try:
        error = json.loads(body)["error"]
        message, code = str(error["message"]), str(error["code"])
        details = {k: v for k, v in error.items() if k not in ("message", "code")}
    except (ValueError, KeyError, TypeError):
        message, code, details = f"the server answered {status}", "error", {}
    err = KgqaError(message, details=details)
    err.code, err.status = code, status
    return err


def post_documents(server: Server, records: list[dict], *, force: bool = False) -> tuple[int, dict]:
    """Send documents (JSON records, see read.from_record) to POST /sources: (status, JSON body)."""
    body = json.dumps({"documents": records, "force": force}, ensure_ascii=False).encode("utf-8")
    status, _, data = request(server, "POST", "sources", body=body,
                              headers={"Content-Type": "application/json",
                                       "Authorization": f"Bearer {server.token}"})
    try:
        return status, json.loads(data)
    except ValueError:
        return status, {"error": {"code": "error", "message": f"the server answered {status}"}}


def ingest_through(server: Server, paths: list[str], *, force: bool = False, progress=None):
    """`kgqa ingest` beside a running server: the documents are read here (one-line errors name the
    files, as always) and sent to its POST /sources in requests within its bounds. An IngestReport."""
    import time

    from .ingest.pipeline import IngestReport, read_all

    started = time.perf_counter()
    report = IngestReport()
    batches: list[list[dict]] = [[]]
    size, room = 0, max(1, server.max_document_bytes + server.max_request_bytes - (64 << 10))
    for document in read_all(paths, report):
        record = {k: v for k, v in {**document.metadata(), "text": document.text, "origin": document.origin,
                                    "name": document.name}.items() if v is not None}
        length = len(document.text.encode("utf-8"))
        if server.max_document_bytes and length > server.max_document_bytes:
            report.fail(f"{document.origin or document.id}: the document is {length} bytes, over the server's "
                        f"KGQA_MAX_DOCUMENT_BYTES ({server.max_document_bytes})")
            continue
        weight = len(json.dumps(record, ensure_ascii=False).encode("utf-8"))
        if batches[-1] and (size + weight > room or len(batches[-1]) >= BATCH_DOCUMENTS):
            batches.append([])
            size = 0
        batches[-1].append(record)
        size += weight
    sent = 0
    for batch in (b for b in batches if b):
        status, body = post_documents(server, batch, force=force)
        summary = body.get("report") if status != 200 else body
        if not isinstance(summary, dict):  # refused as a whole (token, server error): nothing was written
            raise error_of(status, json.dumps(body).encode())
        for key in ("documents", "skipped", "facts", "triples"):
            setattr(report, key, getattr(report, key) + int(summary.get(key) or 0))
        for error in summary.get("errors") or []:
            report.errors.append((error["document"], error["message"]))
        sent += len(batch)
        if progress:
            progress(f"[{sent}] sent to {server.url}: {report.documents} ingested")
    report.seconds = time.perf_counter() - started
    return report


BATCH_DOCUMENTS = 50  # documents per request at most, so progress shows and no request runs for long


ASK_WAIT = 120.0  # seconds `kgqa ask` waits for a server still indexing the store's names (503 not_ready)


def ask(server: Server, question: str, *, wait: float = ASK_WAIT) -> dict:
    """The server's answer document for `question`; its error as a KgqaError. A server still indexing
    the names after a start or an ingest (503 not_ready) is asked again, for at most `wait` seconds."""
    deadline, pause = time.monotonic() + wait, 0.25
    while True:
        status, _, body = request(server, "GET", "ask?" + urllib.parse.urlencode({"q": question}),
                                  headers={"Accept": "application/json"})
        if status == 200:
            return json.loads(body)
        err = error_of(status, body)
        if err.code != "not_ready" or time.monotonic() + pause > deadline:
            raise err
        time.sleep(pause)
        pause = min(pause * 2, 4.0)


def query(server: Server, sparql: str, media_type: str) -> bytes:
    """The server's /sparql results for `sparql` in `media_type`; its error as a KgqaError."""
    status, _, body = request(server, "POST", "sparql", body=urllib.parse.urlencode({"query": sparql}).encode(),
                              headers={"Accept": media_type, "Content-Type": "application/x-www-form-urlencoded"})
    if status != 200:
        raise error_of(status, body)
    return body
