"""Baselines timed in the engine itself, in a child process whose every call is bounded.

An in-process pyoxigraph query cannot be interrupted: at 1 M facts one slow template query could hold
the benchmark for minutes. So the baselines (a query as the engine runs it, no HTTP) run in one child
process per store that opens the snapshot read-only once; a call that outlives its timeout gets the
child killed (by its own process id) and restarted on the next call, and is reported as timed out.
"""
from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class EngineTimeout(Exception):
    """A baseline query ran longer than its bound; its child process was stopped."""


class Engine:
    """Timed queries on a read-only store, each call bounded by `timeout` seconds."""

    def __init__(self, path: Path):
        self.path = str(path)
        self.proc: subprocess.Popen | None = None
        self.conn = self.replies = None

    def _start(self) -> None:
        """A fresh interpreter (`python -m tests.benchmarks.engine`: no inherited RocksDB handles or
        threads, and no re-run of whatever script imported this) talking over two pipes."""
        down_r, down_w = os.pipe()
        up_r, up_w = os.pipe()
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.benchmarks.engine", self.path, str(down_r),
                                      str(up_w)], cwd=ROOT, pass_fds=(down_r, up_w))
        os.close(down_r)
        os.close(up_w)
        self.conn = Connection(down_w, readable=False)
        self.replies = Connection(up_r, writable=False)

    def times(self, query: str, *, runs: int = 3, cap_s: float = 20.0, slow_ms: float = 200.0,
              timeout: float = 60.0, unbind: bool = False, serialize: bool = False) -> list[float]:
        """Seconds of each run of `query` (union default graph): `runs` runs, fewer when they pass
        `cap_s` or one run takes over `slow_ms`. `unbind`: the query shows its parameters as a VALUES
        block (an /ask answer document) to be bound as substitutions, as the embedded store does.
        `serialize`: the results are written as SPARQL JSON, as an endpoint must."""
        if self.proc is None or self.proc.poll() is not None:
            self.close()
            self._start()
        self.conn.send((query, runs, cap_s, slow_ms, unbind, serialize))
        if not self.replies.poll(timeout):
            self.close()
            raise EngineTimeout(f"the query ran over {timeout:.0f} s in the engine")
        try:
            ok, value = self.replies.recv()
        except (EOFError, OSError) as err:
            self.close()
            raise RuntimeError(f"the engine process ended ({type(err).__name__})") from err
        if not ok:
            raise RuntimeError(value)
        return value

    def median_ms(self, query: str, **kw) -> float:
        return statistics.median(self.times(query, **kw)) * 1000

    def close(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait(10)
            self.conn.close()
            self.replies.close()
        self.proc = self.conn = self.replies = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _serve(path: str, requests: Connection, conn: Connection) -> None:
    import pyoxigraph as ox

    store = ox.Store.read_only(path)
    while True:
        try:
            query, runs, cap_s, slow_ms, unbind, serialize = requests.recv()
        except (EOFError, OSError):
            return
        try:
            subs = None
            if unbind:
                query, subs = unbind_values(query)
            times: list[float] = []
            deadline = time.monotonic() + cap_s
            while len(times) < runs and (not times or time.monotonic() < deadline):
                t = time.perf_counter()
                result = store.query(query, use_default_graph_as_union=True, substitutions=subs or None)
                if serialize:
                    result.serialize(format=ox.QueryResultsFormat.JSON)
                else:
                    for _ in result:
                        pass
                times.append(time.perf_counter() - t)
                if times[-1] * 1000 > slow_ms:  # one run of a slow query is measure enough
                    break
            conn.send((True, times))
        except Exception as err:  # noqa: BLE001 - reported to the parent, which decides
            conn.send((False, f"{type(err).__name__}: {err}"))


_VALUES = re.compile(r"\n  VALUES \(([^)]*)\) \{ \((.*)\) \}")


def unbind_values(shown: str) -> tuple[str, dict]:
    """An answer document shows the query with its parameters in a VALUES block (what a remote
    endpoint receives); the embedded store binds them as substitutions instead, so the block is taken
    out and turned back into them."""
    import pyoxigraph as ox

    match = _VALUES.search(shown)
    if not match:
        return shown, {}
    names = [n.lstrip("?") for n in match.group(1).split()]
    row = _terms(match.group(2))
    return shown[:match.start()] + shown[match.end():], {ox.Variable(n): t for n, t in zip(names, row, strict=True)}


def _terms(row: str) -> list:
    """The RDF terms of a VALUES row, read back by the N-Triples parser (one triple per term)."""
    import pyoxigraph as ox

    terms, rest = [], row.strip()
    while rest:
        end = _term_end(rest)
        triple = next(ox.parse(f"<urn:s> <urn:p> {rest[:end]} .".encode(), format=ox.RdfFormat.N_TRIPLES))
        terms.append(triple.object)
        rest = rest[end:].strip()
    return terms


def _term_end(text: str) -> int:
    """Where the first N-Triples term of `text` ends: an IRI, or a literal with its tag or datatype."""
    if text.startswith("<"):
        return text.index(">") + 1
    i = 1
    while text[i] != '"':
        i += 2 if text[i] == "\\" else 1
    i += 1
    if text[i:i + 2] == "^^":
        return text.index(">", i) + 1
    while i < len(text) and text[i] not in " \t":
        i += 1
    return i


if __name__ == "__main__":
    _serve(sys.argv[1], Connection(int(sys.argv[2]), writable=False), Connection(int(sys.argv[3]), readable=False))
