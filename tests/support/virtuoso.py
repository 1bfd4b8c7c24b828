"""A private OpenLink Virtuoso (Debian's virtuoso-opensource) for the remote-store tests: its own folder and
virtuoso.ini, both ports on loopback, the SPARQL user allowed to update, stopped at the end.

Found on PATH as `virtuoso-t` and `isql-vt`; when missing, the tests that need it skip with one line,
unless KGQA_REQUIRE_VIRTUOSO=1 (CI: .ci/install-virtuoso.sh installs it and sets that), where they fail.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

# ResultSetMaxRows stays at Debian's default (10,000), as a deployment has it: kgqa must page past it.
INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
DirsAllowed = {d}
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 8
[SPARQL]
ResultSetMaxRows = 10000
MaxQueryExecutionTime = 60
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require() -> None:
    """Skip (or fail, when KGQA_REQUIRE_VIRTUOSO=1) unless Virtuoso's server and isql are installed."""
    if shutil.which("virtuoso-t") and shutil.which("isql-vt"):
        return
    reason = "Virtuoso not found (virtuoso-t, isql-vt): apt-get install virtuoso-opensource"
    if os.environ.get("KGQA_REQUIRE_VIRTUOSO") == "1":
        pytest.fail(f"{reason} (KGQA_REQUIRE_VIRTUOSO=1)", pytrace=False)
    pytest.skip(reason)


class VirtuosoServer:
    def __init__(self, folder: Path, preexec=None):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.sql_port, http = _free_port(), _free_port()
        self.url = f"http://127.0.0.1:{http}"
        self.query = self.update = f"{self.url}/sparql"
        self.graph_store = f"{self.url}/sparql-graph-crud"
        (folder / "virtuoso.ini").write_text(INI.format(d=folder, sql=self.sql_port, http=http))
        log = folder / "stdout.log"
        with open(log, "wb") as out:
            self.process = subprocess.Popen(
                ["virtuoso-t", "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                cwd=folder, stdout=out, stderr=subprocess.STDOUT, preexec_fn=preexec)
        deadline = time.monotonic() + 120  # about 3 s alone; longer on a busy machine
        while True:
            try:
                urllib.request.urlopen(f"{self.query}?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"virtuoso-t did not start: {log.read_text()[-600:]!r}") from None
                time.sleep(0.2)
        self.isql('GRANT SPARQL_UPDATE TO "SPARQL";')

    def isql(self, statement: str) -> str:
        done = subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statement}"],
                              capture_output=True, text=True, timeout=60, check=True)
        return done.stdout

    def store(self, timeout: float = 30.0):
        from service.store.remote import RemoteStore

        return RemoteStore(self.query, self.update, graph_store=self.graph_store, timeout=timeout)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
