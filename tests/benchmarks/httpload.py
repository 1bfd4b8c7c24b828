"""A bounded loopback HTTP load client: a fixed number of requests, a fixed number of threads, a time cap.

Each thread keeps one HTTP/1.1 connection open (as a real client pool does) and takes requests from a
shared counter until the count is reached or the deadline passes, so a run always ends. Only
127.0.0.1 is ever contacted.
"""
from __future__ import annotations

import http.client
import itertools
import json
import statistics
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Load:
    requests: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds, of the successful requests
    statuses: dict[int, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    capped: bool = False  # the time cap ended the run before the count was reached
    bytes: int = 0
    first: dict[str, bytes] = field(default_factory=dict)  # path -> first 200 body, when kept
    slowest: dict[str, float] = field(default_factory=dict)  # path -> its slowest 200, seconds

    @property
    def ok(self) -> int:
        return len(self.latencies)

    @property
    def per_second(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float | None:
        """Latency percentile in milliseconds."""
        if not self.latencies:
            return None
        if len(self.latencies) == 1:
            return self.latencies[0] * 1000
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[int(q) - 1] * 1000


def _connection(url: str, timeout: float) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    if parts.hostname != "127.0.0.1":
        raise ValueError(f"the benchmark only talks to 127.0.0.1, not {parts.hostname}")
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)


def run(url: str, paths: list[str], *, total: int, threads: int, cap_s: float,
        headers: dict | None = None, timeout: float = 120.0, keep_first: bool = False,
        stop_on_timeout: bool = False, predict: bool = False) -> Load:
    """GET base `url` + each path in turn (round robin) `total` times over `threads` connections.
    `timeout`: seconds one request may take; `stop_on_timeout`: a request that times out ends the
    run (the server cannot be made to stop it: more requests would only queue behind it);
    `predict`: a connection starts no request that its previous one says would end past the cap
    (a run of slow requests then ends near its cap instead of up to a request later)."""
    load = Load()
    counter = itertools.count()
    lock = threading.Lock()
    deadline = time.monotonic() + cap_s

    stop = threading.Event()

    def worker():
        conn = _connection(url, timeout)
        last = 0.0
        try:
            while True:
                i = next(counter)
                if i >= total or stop.is_set():
                    return
                if time.monotonic() + (last if predict else 0.0) > deadline:
                    load.capped = True
                    return
                path = paths[i % len(paths)]
                start = time.perf_counter()
                try:
                    conn.request("GET", path, headers=headers or {})
                    resp = conn.getresponse()
                    body = resp.read()
                except (OSError, http.client.HTTPException) as err:
                    with lock:
                        load.errors.append(f"{type(err).__name__}: {err}")
                    conn.close()
                    if stop_on_timeout and isinstance(err, TimeoutError):
                        stop.set()
                        return
                    conn = _connection(url, timeout)
                    continue
                elapsed = last = time.perf_counter() - start
                with lock:
                    load.requests += 1
                    load.statuses[resp.status] = load.statuses.get(resp.status, 0) + 1
                    load.bytes += len(body)
                    if resp.status == 200:
                        load.latencies.append(elapsed)
                        load.slowest[path] = max(elapsed, load.slowest.get(path, 0.0))
                        if keep_first and path not in load.first:
                            load.first[path] = body
                    elif len(load.errors) < 5:
                        load.errors.append(f"{resp.status}: {body[:120].decode(errors='replace')}")
        finally:
            conn.close()

    workers = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join(cap_s + timeout + 30)
    load.seconds = time.perf_counter() - start
    return load


@dataclass
class Ready:
    seconds: float | None  # from `since` until the first 200, None when it never came
    polls: int = 0  # answers before it (503 not_ready, or one request held until ready)
    status: int | None = None
    body: bytes = b""
    error: str | None = None


def until_ok(url: str, path: str, *, since: float, cap_s: float, pause: float = 0.5,
             headers: dict | None = None) -> Ready:
    """GET `path` until it answers 200, for at most `cap_s` seconds: a 503 (a server still warming
    up; its Retry-After is honoured up to `pause`) is asked again, a request is held as long as the
    cap allows (a server that warms up inside the first request). Seconds are counted from `since`
    (a perf_counter value: the server's start)."""
    deadline = time.monotonic() + cap_s
    ready = Ready(None)
    while (remaining := deadline - time.monotonic()) > 0:
        conn = _connection(url, remaining)
        try:
            conn.request("GET", path, headers=headers or {})
            resp = conn.getresponse()
            body = resp.read()
        except TimeoutError:
            ready.error = f"no answer within {cap_s:.0f} s"
            return ready
        except (OSError, http.client.HTTPException) as err:  # not listening yet
            ready.error = f"{type(err).__name__}: {err}"
            time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
            continue
        finally:
            conn.close()
        ready.status, ready.body = resp.status, body
        if resp.status == 200:
            ready.seconds, ready.error = time.perf_counter() - since, None
            return ready
        ready.polls += 1
        if resp.status != 503:
            ready.error = f"{resp.status}: {body[:200].decode(errors='replace')}"
            return ready
        ready.error = f"503: {body[:200].decode(errors='replace')}"
        try:
            wait = float(resp.getheader("Retry-After") or pause)
        except ValueError:
            wait = pause
        time.sleep(min(wait, pause, max(0.0, deadline - time.monotonic())))
    ready.error = ready.error or f"not ready within {cap_s:.0f} s"
    return ready


def until_field(url: str, path: str, name: str, waiting: str, *, since: float, cap_s: float,
                pause: float = 0.5) -> tuple[float | None, str | None]:
    """GET the JSON document at `path` until its field `name` is no longer `waiting` (a background
    build under way), for at most `cap_s` seconds: (seconds since `since`, the field's last value);
    seconds None when the cap passed first."""
    deadline, value = time.monotonic() + cap_s, None
    while (remaining := deadline - time.monotonic()) > 0:
        conn = _connection(url, remaining)
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            if resp.status == 200:
                value = json.loads(body).get(name)
                if value != waiting:
                    return time.perf_counter() - since, value
        except (OSError, http.client.HTTPException, ValueError):
            pass
        finally:
            conn.close()
        time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
    return None, value
