"""A real `kgqa serve` for tests: a subprocess on a free loopback port, ready once /healthz answers."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    """`kgqa serve` on a store folder, on a free loopback port, until stop(); its stderr goes to
    FOLDER.log beside the store, shown when it dies before answering."""

    def __init__(self, folder: Path, **env: str):
        self.folder, self.port = folder, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = Path(str(folder) + ".log")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--store", str(folder),
                                             "--port", str(self.port)], stdout=subprocess.DEVNULL, stderr=log,
                                            env={**os.environ, **env})
        for _ in range(600):
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=2).read()
                return
            except OSError:
                assert self.process.poll() is None, self.log.read_text()
                time.sleep(0.1)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """Send `sig` and wait; a server still running after 60 s is killed."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
