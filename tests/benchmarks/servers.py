"""Servers the benchmark starts on loopback and stops: `kgqa serve`, `oxigraph serve-read-only` and
the Flask floor (a no-op route served as kgqa serves).

Each runs as a child process on a free 127.0.0.1 port, is waited for with a bounded number of polls,
and is stopped by its own process id. Peak memory is read from /proc (VmHWM: the high-water mark of
the resident set) for the server and for any worker processes it started.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]  # the checkout: floor.py runs as tests.benchmarks.floor
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """A child process serving HTTP on loopback."""

    def __init__(self, name: str, argv: list[str], port: int, ready_path: str, env: dict | None = None,
                 log: Path | None = None):
        self.name, self.port, self.ready_path = name, port, ready_path
        self.url = f"http://{HOST}:{port}"
        self.log = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(argv, stdout=self.log, stderr=subprocess.STDOUT,
                                     env={**os.environ, **(env or {})})
        self.started = time.perf_counter()
        self.ready_seconds: float | None = None

    def wait_ready(self, timeout: float = 180.0) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with status {self.proc.returncode} before it served")
            try:
                with urllib.request.urlopen(self.url + self.ready_path, timeout=5) as resp:
                    if resp.status == 200:
                        self.ready_seconds = time.perf_counter() - self.started
                        return self.ready_seconds
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer {self.ready_path} within {timeout:.0f} s")

    def wait_listening(self, timeout: float = 120.0) -> float:
        """Seconds until the server answers HTTP at all (any status: a 503 while it warms up counts)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with status {self.proc.returncode} before it served")
            try:
                with urllib.request.urlopen(self.url + self.ready_path, timeout=5):
                    pass
                return time.perf_counter() - self.started
            except urllib.error.HTTPError:
                return time.perf_counter() - self.started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer HTTP within {timeout:.0f} s")

    def wait_settled(self, timeout: float = 120.0, *, window: float = 1.0, busy: float = 0.1,
                     quiet: int = 3, read_mb: float = 1.0) -> float:
        """Seconds until the server and its children have been quiet for `quiet` windows in a row: under
        `busy` of a core and under `read_mb` MB read per window. Its start-up work in the background
        (counting the store, indexing names for /ask) is then done, as Oxigraph's server has none, so
        that it does not weigh on what is measured next. The reads matter at 1 M facts: the name index
        scans a store larger than the page cache holds, waiting on the disk at a fraction of a core."""
        start = time.monotonic()
        pids = [self.proc.pid, *descendants(self.proc.pid)]
        last, calm = (_cpu_seconds(pids), _read_bytes(pids)), 0
        while time.monotonic() - start < timeout and calm < quiet:
            time.sleep(window)
            pids = [self.proc.pid, *descendants(self.proc.pid)]
            now = (_cpu_seconds(pids), _read_bytes(pids))
            still = now[0] - last[0] < busy * window and now[1] - last[1] < read_mb * (1 << 20) * window
            calm = calm + 1 if still else 0
            last = now
        return time.monotonic() - start

    def cpu_seconds(self) -> float:
        """CPU seconds (user and system) of the server and its descendants so far."""
        return _cpu_seconds([self.proc.pid, *descendants(self.proc.pid)])

    def peak_rss_mb(self) -> tuple[float, float]:
        """(server process, server plus its descendants) peak resident memory in MB."""
        own = _hwm_kb(self.proc.pid)
        tree = own + sum(_hwm_kb(pid) for pid in descendants(self.proc.pid))
        return own / 1024, tree / 1024

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if self.log is not subprocess.DEVNULL:
            self.log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def kgqa_serve(store: Path, *, threads: int = 8, env: dict | None = None, log: Path | None = None) -> Server:
    port = free_port()
    argv = [str(BIN / "kgqa"), "serve", "--store", str(store), "--host", HOST, "--port", str(port),
            "--threads", str(threads)]
    return Server("kgqa serve", argv, port, "/healthz", env=env, log=log)


def flask_floor(*, threads: int = 8, log: Path | None = None) -> Server:
    """A no-op Flask route served by waitress as `kgqa serve` serves it (floor.py): the HTTP floor."""
    port = free_port()
    argv = [sys.executable, "-m", "tests.benchmarks.floor", "--host", HOST, "--port", str(port),
            "--threads", str(threads)]
    return Server("flask floor", argv, port, "/floor", log=log, env={"PYTHONPATH": str(ROOT)})


def oxigraph_serve_read_only(location: Path, log: Path | None = None) -> Server:
    port = free_port()
    argv = [str(BIN / "oxigraph"), "serve-read-only", "--location", str(location),
            "--bind", f"{HOST}:{port}", "--union-default-graph"]
    return Server("oxigraph serve-read-only", argv, port, "/query?query=ASK%7B%7D", log=log)


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def _cpu_seconds(pids: list[int]) -> float:
    """User and system CPU seconds of these processes (all their threads), from /proc."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


def _read_bytes(pids: list[int]) -> int:
    """Bytes these processes have read (rchar: every read call, from the page cache or the disk)."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/io").read_text().splitlines():
                if line.startswith("rchar:"):
                    total += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found
