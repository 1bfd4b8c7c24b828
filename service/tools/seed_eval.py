"""`make eval`: for each question suite (the seeds; the held-out articles of tests/data/heldout/),
ingest its articles into a fresh store, serve it on a free loopback port and score the server on its
questions (tests/data/eval/qa_eval.py); then print extraction scores per fact kind (`kgqa eval`).
Exit status: non-zero when any falls short of its goal.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped (exit {server.returncode}) before answering")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"no answer from {url} within {seconds:.0f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--min-f1", type=float, default=float(os.environ.get("EVAL_MIN_F1", 0.9)))
    args = ap.parse_args()
    failed = 0
    for name, sources, questions in SUITES:
        print(f"== questions: {name}", flush=True)
        failed += score_questions(ROOT / sources, ROOT / questions, args.min_f1)
    print("== facts: data/gold", flush=True)
    facts = subprocess.run([KGQA, "eval", "--gold", str(ROOT / "data/gold"), "--sources", str(ROOT / "data/sources")])
    return 1 if failed or facts.returncode else 0


SUITES = (
    ("seeds", "data/sources", "tests/data/eval/seed-questions.json"),
    ("held-out articles", "tests/data/heldout", "tests/data/eval/heldout-questions.json"),
)
KGQA = str(BIN / "kgqa")


def score_questions(sources: Path, questions: Path, min_f1: float) -> int:
    """Ingest `sources` into a fresh store, serve it, score the server on `questions`: 0 when it meets
    `min_f1` with every answer's provenance exact."""
    store = ROOT / "var" / "eval-store"
    shutil.rmtree(store, ignore_errors=True)
    subprocess.run([KGQA, "ingest", "--store", str(store), str(sources)], check=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([KGQA, "serve", "--store", str(store), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(url, server)
        return subprocess.run([sys.executable, str(ROOT / "tests/data/eval/qa_eval.py"), "--base-url", url,
                               "--questions", str(questions), "--min-f1", str(min_f1), "-v"]).returncode
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
