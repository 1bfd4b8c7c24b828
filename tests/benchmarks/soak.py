"""`make soak`: bounded load on loopback while documents are ingested live, for a fixed time.

A `kgqa serve` on a fresh store holding the seed documents; 8 clients, each one HTTP/1.1 connection
asking /ask (catalogue questions) and /sparql (two small queries) back to back; meanwhile one writer
sends the test articles to POST /sources through the server's run file (as `kgqa ingest` beside a
server does), forced, under ten rotating ids, so the store keeps changing but does not grow without
end. Passes with 0 errors (any status but 200, any failed request or ingest) and the server's resident
memory at the end no more than 10 % above its value at a sixth of the run (10 s of 60 s).

    python -m tests.benchmarks.soak [--seconds 60]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from service import live
from tests.support import DEFAULT_BASE, extractor

from . import httpload
from .servers import descendants, kgqa_serve

DATA = Path(__file__).resolve().parents[1] / "data"
CLIENTS = 8
QUESTIONS = ("Who proposed what at the UN meeting?", "Who did Obama meet?", "What did Putin acknowledge?",
             "Who is John Kerry?")
QUERIES = ("SELECT ?d ?t WHERE { ?d a <https://w3id.org/kgqa/ns#Document> ; <http://purl.org/dc/terms/title> ?t }",
           "SELECT (COUNT(*) AS ?n) WHERE { ?f <https://w3id.org/kgqa/ns#evidence> ?p }")
ROTATION = 10  # live documents cycle through this many ids
WARM_UP = 2 * ROTATION  # live documents (each followed by every question and query once) before the clock starts


@dataclass
class Soak:
    seconds: float
    requests: int = 0
    statuses: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    ingested: int = 0
    rss_mb: list = field(default_factory=list)  # (seconds since the load started, server MB, with workers MB)

    def rss_at(self, t: float) -> tuple[float, float]:
        return min(self.rss_mb, key=lambda s: abs(s[0] - t))[1:]

    @property
    def early(self) -> tuple[float, float]:
        return self.rss_at(self.seconds / 6)

    @property
    def late(self) -> tuple[float, float]:
        return self.rss_mb[-1][1:]

    @property
    def memory_ok(self) -> bool:
        return all(late <= early * 1.10 for early, late in zip(self.early, self.late, strict=True))

    def report(self) -> str:
        e, la = self.early, self.late
        return (f"soak {self.seconds:.0f} s: {self.requests} requests {self.statuses}, {self.ingested} documents "
                f"ingested live, {len(self.errors)} errors; server RSS {e[0]:.0f} MB at {self.seconds / 6:.0f} s, "
                f"{la[0]:.0f} MB at {self.seconds:.0f} s ({100 * (la[0] / e[0] - 1):+.1f} %); with query workers "
                f"{e[1]:.0f} -> {la[1]:.0f} MB ({100 * (la[1] / e[1] - 1):+.1f} %)")


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _articles() -> list[dict]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "articles").glob("*.txt"))]
    return [{"id": f"soak-{n}", "text": texts[n % len(texts)], "title": f"Soak document {n}"}
            for n in range(ROTATION)]


def run(seconds: float = 60.0, folder: Path | None = None, pace: float = 0.0) -> Soak:
    """Run the soak for `seconds` of load (after a warm-up) and return its figures. `pace`: seconds
    between two live documents (0: back to back; negative: none)."""
    with tempfile.TemporaryDirectory(prefix="kgqa-soak-") as tmp:
        work = Path(folder or tmp)
        store = work / "store"
        from service.ingest.pipeline import ingest_paths
        from service.store.embedded import EmbeddedStore

        with EmbeddedStore(str(store)) as st:
            ingest_paths([str(DATA / "seeds")], st, extractor(BASE_IRI=DEFAULT_BASE))
        soak = Soak(seconds)
        with kgqa_serve(store, log=work / "serve.log") as server:
            server.wait_ready()
            running = live.find(str(store))
            docs = _articles()
            paths = [f"/ask?{urllib.parse.urlencode({'q': q})}" for q in QUESTIONS]
            paths += [f"/sparql?{urllib.parse.urlencode({'query': q})}" for q in QUERIES]
            for n in range(WARM_UP):  # spaCy in the server, the store's write path, the name index, workers
                status, body = live.post_documents(running, [docs[n % ROTATION]], force=True)
                assert status == 200, body
                httpload.run(server.url, paths, total=len(paths), threads=1, cap_s=120)
            done = threading.Event()
            loads = []

            def clients():
                loads.append(httpload.run(server.url, paths, total=10 ** 9, threads=CLIENTS, cap_s=seconds,
                                          headers={"Accept": "application/json"}, timeout=60))

            def writer():
                n = 0
                while pace >= 0 and not done.is_set():
                    status, body = live.post_documents(running, [docs[n % ROTATION]], force=True)
                    if status == 200:
                        soak.ingested += body.get("documents", 0)
                    else:
                        soak.errors.append(f"POST /sources {status}: {json.dumps(body)[:200]}")
                    n += 1
                    done.wait(pace)

            load_thread = threading.Thread(target=clients)
            write_thread = threading.Thread(target=writer)
            start = time.monotonic()
            load_thread.start(), write_thread.start()
            while load_thread.is_alive():
                pid = server.proc.pid
                own = _rss_kb(pid)
                tree = own + sum(_rss_kb(p) for p in descendants(pid))
                soak.rss_mb.append((time.monotonic() - start, own / 1024, tree / 1024))
                load_thread.join(1.0)
            done.set()
            write_thread.join(600)
            load = loads[0]
            soak.requests, soak.statuses = load.requests, dict(load.statuses)
            soak.errors += load.errors
            if set(load.statuses) - {200}:
                soak.errors.append(f"statuses {load.statuses}")
        return soak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    soak = run(args.seconds)
    print(soak.report())
    for error in soak.errors[:10]:
        print("error:", error, file=sys.stderr)
    ok = not soak.errors and soak.memory_ok and soak.ingested > 0
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
