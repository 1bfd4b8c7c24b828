"""`make bench` / `make bench-quick`: every figure beside its baseline, printed and written as JSON.

    python -m tests.benchmarks.run [--quick] [--sizes 10k,100k] [--only ingest|scale] [--publish]

--quick leaves out the 1 M-fact size. --publish also copies the results to docs/bench-latest.json,
draws docs/bench.png and rewrites the table between the bench markers of docs/performance.md. Stores are
built under var/bench/run-PID/ and removed at the end (--keep keeps them); results go to bench-results/.
All traffic stays on 127.0.0.1.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import sys
import time
import traceback
from dataclasses import asdict
from pathlib import Path

from . import chart
from .results import FULL, QUICK, Results, markdown

ROOT = Path(__file__).resolve().parents[2]
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
RDFLIB_SIZE = "10k"  # rdflib (in memory, in Python) is compared at this size only: it can still load it
START, END = "<!-- bench:table:start -->", "<!-- bench:table:end -->"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="leave out the 1 M-fact size")
    parser.add_argument("--sizes", help="comma-separated sizes among 10k,100k,1M")
    parser.add_argument("--only", choices=["ingest", "scale"], help="run one section")
    parser.add_argument("--docs", type=int, default=500, help="documents in the ingest corpus (>= 500)")
    parser.add_argument("--publish", action="store_true", help="update docs/ and the table of docs/performance.md")
    parser.add_argument("--keep", action="store_true", help="keep the stores under var/bench/run-PID/")
    parser.add_argument("--publish-from", metavar="JSON", help="publish a results file of an earlier run, run nothing")
    args = parser.parse_args(argv)
    if args.publish_from:
        document = json.loads(Path(args.publish_from).read_text())
        publish(document, chart.draw(document, ROOT / "bench-results" / "bench.png"))
        return 0
    # a SIGTERM (timeout, kill) unwinds like Ctrl-C, so the servers this run started are stopped
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sizes = args.sizes.split(",") if args.sizes else (["10k", "100k"] if args.quick else list(SIZES))
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size {unknown}; choose among {', '.join(SIZES)}")

    work = _work_folder(ROOT / "var" / "bench")
    logs = work / "logs"
    logs.mkdir(parents=True)
    results = Results(quick=args.quick)
    budget = QUICK if args.quick else FULL
    results.facts["sizes"] = sizes
    results.facts["budget"] = asdict(budget)  # the request counts and caps every figure rests on
    results.facts["git"] = _git()
    if args.only in (None, "ingest"):
        _section(results, "ingest", lambda: _ingest(results, work, args.docs, budget))
    if args.only in (None, "scale"):
        from . import bench_scale

        for size in sizes:
            _section(results, f"scale {size}", lambda size=size: bench_scale.run_size(
                results, size, SIZES[size], work, budget=budget, rdflib_size=RDFLIB_SIZE, log_dir=logs))
            if not args.keep:
                for folder in work.glob(f"*-{size}"):
                    shutil.rmtree(folder, ignore_errors=True)

    document = results.as_dict()
    out = results.write(ROOT / "bench-results")
    png = chart.draw(document, ROOT / "bench-results" / "bench.png")
    print("\n" + markdown(document))
    judged = [f for f in results.figures if f.met is not None]
    print(f"\ngoals met: {sum(1 for f in judged if f.met)} of {len(judged)}; "
          f"not measured: {len(results.failures)}; {document['seconds']:.0f} s in all")
    for failure in results.failures:
        print(f"  not measured: {failure}")
    for size, parts in results.facts.get("part_seconds", {}).items():
        print(f"  [{size}] seconds: " + ", ".join(f"{part} {s:.0f}" for part, s in parts.items()))
    print(f"results: {out.relative_to(ROOT)}, chart: {png.relative_to(ROOT)}")
    if args.publish:
        publish(document, png)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _work_folder(root: Path) -> Path:
    """A work folder of this run's own (var/bench/run-PID): several runs in one checkout (people share
    it) must not delete each other's stores. Folders of runs whose process is gone are removed."""
    root.mkdir(parents=True, exist_ok=True)
    for old in root.glob("run-*"):
        pid = old.name.removeprefix("run-")
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(old, ignore_errors=True)
    work = root / f"run-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    return work


def _git() -> dict:
    """The commit measured, and whether the work tree differed from it (others edit it meanwhile)."""
    import subprocess

    def out(*argv):
        done = subprocess.run(["git", *argv], cwd=ROOT, capture_output=True, text=True, timeout=30)
        return done.stdout.rstrip("\n") if done.returncode == 0 else ""

    changed = [line[3:] for line in out("status", "--porcelain", "--untracked-files=no").splitlines()]
    return {"commit": out("rev-parse", "--short", "HEAD").strip(), "changed_files": changed}


def _section(results: Results, name: str, fn) -> None:
    print(f"\n== {name} ==", flush=True)
    start = time.perf_counter()
    try:
        fn()
    except Exception as err:  # a part that is missing or broken: say so, measure the rest
        traceback.print_exc()
        results.fail(name, f"{type(err).__name__}: {err}")
    print(f"== {name}: {time.perf_counter() - start:.0f} s", flush=True)


def _ingest(results: Results, work: Path, docs: int, budget) -> None:
    """The ingest section in a child process of its own, bounded by `budget.ingest_limit_s`: its
    worker processes (spaCy's n_process) have been seen to hang at shutdown, and a hang here must not
    stop the scale sections. Its figures, facts and failures come back through a pipe; past the limit
    the child and its descendants are killed (by their process ids) and the section is reported as
    not measured."""
    import multiprocessing as mp

    from . import bench_ingest, servers

    def child(send) -> None:
        part = Results(quick=results.quick)
        try:
            bench_ingest.run(part, work / "ingest", n_docs=max(500, docs), words=budget.doc_words,
                             spacy_runs=budget.spacy_runs)
        except Exception as err:  # reported by the parent like any failing section
            traceback.print_exc()
            part.fail("ingest", f"{type(err).__name__}: {err}")
        send.send((part.figures, part.facts, part.failures))

    ctx = mp.get_context("fork")  # nothing is open yet but the work folder: the child starts clean
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=child, args=(send,), name="bench-ingest")
    proc.start()
    send.close()
    finished = False
    try:
        if receive.poll(budget.ingest_limit_s):
            figures, facts, failures = receive.recv()
            results.figures += figures
            results.facts.update(facts)
            results.failures += failures
            finished = True
        else:
            results.fail("ingest", f"did not finish within {budget.ingest_limit_s:.0f} s; stopped (a worker "
                                   "process hung?), no ingest figure this run")
    except EOFError:
        results.fail("ingest", f"the ingest process ended without results (exit code {proc.exitcode})")
    finally:
        proc.join(30 if finished else 0.1)
        stuck = servers.descendants(proc.pid) + ([proc.pid] if proc.is_alive() else [])
        for pid in stuck:  # what outlived the section: the bench's own children only
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if stuck:
            results.facts["ingest_killed_processes"] = len(stuck)


def publish(document: dict, png: Path) -> None:
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "bench-latest.json").write_text(json.dumps(document, indent=2) + "\n")
    shutil.copy(png, docs / "bench.png")
    page = ROOT / "docs" / "performance.md"
    text = page.read_text(encoding="utf-8")
    if START in text and END in text:
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        git = document["facts"].get("git", {})
        stamp = (f"Run of {document['started']} ({'quick' if document['quick'] else 'full'}, "
                 f"{document['seconds'] / 60:.0f} min, {document['machine']['cpus']} cores, commit "
                 f"{git.get('commit', '?')}{' + uncommitted changes' if git.get('changed_files') else ''}):")
        page.write_text(f"{head}{START}\n{stamp}\n\n{markdown(document)}\n{END}{tail}", encoding="utf-8")
        print("docs/performance.md table, docs/bench-latest.json and docs/bench.png updated")
    else:
        print("docs/performance.md has no bench markers: table not written", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
