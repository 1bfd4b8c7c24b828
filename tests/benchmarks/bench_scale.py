"""Scale: a generated graph at 10 k, 100 k and 1 M facts; load time, /ask latency per question
template through a live `kgqa serve`, its peak memory, and the SPARQL figures (bench_sparql) on the
same stores.

Each size is generated and bulk-loaded into its own on-disk store. `kgqa serve` owns that store (one
process owns a read-write store); a `Store.backup` checkpoint of it, taken before the server starts,
is what `oxigraph serve-read-only` and this process's in-process baselines open read-only.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import shutil
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from service.qa.templates import BY_ID
from service.store.embedded import EmbeddedStore

from . import bench_sparql, httpload, servers
from .engine import Engine, EngineTimeout
from .graphgen import Generator
from .results import Budget, Figure, Results

SECTION = "scale"
BASE = "http://127.0.0.1:8000/"  # kgqa serve's default BASE_IRI: the graph's IRIs are its own


def build(n_facts: int, folder: Path) -> dict:
    """Generate the graph (N-Quads, one named graph per document) and bulk-load it as one stream.

    The generator runs in a child process writing N-Quads into a pipe that one
    `Store.bulk_load(path=/dev/fd/N)` reads: the engine parses and writes without the GIL while the
    generator fills the pipe on the other core, and one stream lets the engine overlap parsing a batch
    with writing the last one (separate calls per chunk did not: 1.5x slower at 100 k facts). A
    generator that dies closes the pipe, so the load ends rather than waits."""
    gen = Generator(n_facts, BASE)
    folder.mkdir(parents=True, exist_ok=True)
    ctx = mp.get_context("fork")  # the child only runs the generator built here (pure Python)
    receive, send = ctx.Pipe(duplex=False)
    read_fd, write_fd = os.pipe()
    child = ctx.Process(target=_generate, args=(gen, read_fd, write_fd, send), daemon=True, name="bench-graphgen")
    wall = time.perf_counter()
    try:
        child.start()
        os.close(write_fd)
        send.close()
        store = ox.Store(str(folder))
        store.bulk_load(path=f"/dev/fd/{read_fd}", format=ox.RdfFormat.N_QUADS)
        store.flush()
        load_s = time.perf_counter() - wall
        # compacted once, as after any large bulk load: otherwise the server that opens it read-write
        # compacts in the background for minutes while it is measured (Oxigraph's read-only server never
        # does), and every look-up first searches the many overlapping files a bulk load leaves
        start = time.perf_counter()
        store.optimize()
        optimize_s = time.perf_counter() - start
        del store
        if not receive.poll(60):
            raise RuntimeError(f"the graph generator ended without its catalog (exit code {child.exitcode})")
        catalog = receive.recv()
    finally:
        os.close(read_fd)
        if child.is_alive():
            child.kill()
        child.join(10)
    return {"generator": gen, **catalog, "load_seconds": load_s, "optimize_seconds": optimize_s,
            "wall_seconds": time.perf_counter() - wall}


def _generate(gen: Generator, read_fd: int, write_fd: int, send) -> None:
    """The child: every document's N-Quads into the pipe, then the catalog (and its CPU seconds)."""
    os.close(read_fd)
    with open(write_fd, "wb", buffering=1 << 20) as out:
        for _, lines in gen.documents():
            out.write("".join(lines).encode())
    c = gen.catalog
    send.send({"facts": c.facts, "documents": c.documents, "quads": c.quads, "kinds": c.kinds,
               "generate_seconds": time.process_time()})


def write_path(results: Results, size: str, snapshot: ox.Store, work: Path) -> None:
    """`kgqa load` of an N-Quads dump (the store interface's load) against pyoxigraph's bulk_load of
    the same bytes: what a user loading a big dump gets."""
    data = snapshot.dump(format=ox.RdfFormat.N_QUADS)
    ours_dir, raw_dir = work / f"load-kgqa-{size}", work / f"load-raw-{size}"
    with EmbeddedStore(str(ours_dir)) as st:
        t = time.perf_counter()
        n = st.load(data, "application/n-quads")
        ours = time.perf_counter() - t
    raw = ox.Store(str(raw_dir))
    t = time.perf_counter()
    raw.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    raw.flush()
    theirs = time.perf_counter() - t
    del raw
    shutil.rmtree(ours_dir, ignore_errors=True)
    shutil.rmtree(raw_dir, ignore_errors=True)
    results.add(Figure(SECTION, "quads/s of kgqa load (N-Quads dump)", n / ours, "quads/s",
                       "pyoxigraph Store.bulk_load, same bytes", n / theirs, goal=">= 0.8x", goal_value=0.8,
                       note=f"{n:,} quads", size=size))


def catalog(url: str) -> dict[str, list[str]]:
    """Template id -> example questions, from the server's own /questions."""
    with urllib.request.urlopen(url + "/questions", timeout=30) as resp:
        doc = json.load(resp)
    templates = doc.get("templates", doc) if isinstance(doc, dict) else doc
    return {t["id"]: list(t.get("examples", [])) for t in templates if t.get("examples")}


def ask_latency(results: Results, size: str, server: servers.Server, engine: Engine, *, budget: Budget) -> dict:
    """Time until /ask is ready after the server starts, then /ask p50 and p95 per template, one
    client asking the template's example questions in turn; baseline: the SPARQL each answer document
    says it ran, timed in the engine on the snapshot (engine.py: bounded, in a child process).

    Ready: `kgqa serve` builds the question answerer's name index at start and answers 503 not_ready
    (Retry-After) until it has it; a server that builds it inside the first question instead holds
    that request. Either way /ask is polled until it answers 200, for at most `budget.ask_ready_s`.
    Per template, a request past `budget.ask_timeout_s` ends the template's run (the server cannot be
    told to stop it, so more requests would only queue behind it) and the figure is that bound; no
    request starts that the previous one says would end past the template's cap."""
    url = server.url
    templates = catalog(url)
    first = next(iter(templates.values()))[0]
    ready = httpload.until_ok(url, f"/ask?q={quote(first)}", since=server.started, cap_s=budget.ask_ready_s,
                              pause=POLL_S, headers={"Accept": "application/json"})
    results.facts.setdefault("ask_ready", {})[size] = {
        "seconds": ready.seconds, "polls": ready.polls, "status": ready.status, "error": ready.error}
    if ready.seconds is None:
        results.fail(SECTION, f"[{size}] /ask not ready within {budget.ask_ready_s:.0f} s of the server's start "
                              f"({ready.error}); no template measured at this size")
        return {}
    how = (f"{ready.polls} answers 503 not_ready before it" if ready.polls
           else "its first request answered, held until the index was built if need be")
    results.add(Figure(SECTION, "time until /ask is ready after start", ready.seconds, "s", higher_is_better=False,
                       note=f"from process start to the first 200 of /ask ({how}; asked again {POLL_S:.1f} s "
                            f"after each 503); '{first}'", size=size))
    measured = {}
    for template, examples in templates.items():
        if template == "publishers":  # its steady state: after the document word index the first question
            _words_index(results, size, server, budget)  # started building (the wait reported beside it)
        paths = [f"/ask?q={quote(q)}" for q in examples]
        t0 = time.perf_counter()
        load = httpload.run(url, paths, total=budget.ask_per_template, threads=1, cap_s=budget.ask_cap_s,
                            timeout=budget.ask_timeout_s, keep_first=True, stop_on_timeout=True, predict=True,
                            headers={"Accept": "application/json"})
        docs = [json.loads(body) for body in load.first.values()]
        answers = [len(d.get("answers", [])) for d in docs]
        timed_out = any(e.startswith("TimeoutError") for e in load.errors)
        engine_ms, engine_note = _engine_baseline(engine, load, budget) if load.ok and not timed_out else ([], "")
        measured[template] = {"p50_ms": load.percentile(50), "p95_ms": load.percentile(95), "ok": load.ok,
                              "requests": load.requests, "statuses": load.statuses, "answers": answers,
                              "engine_ms": engine_ms, "capped": load.capped, "errors": load.errors[:3],
                              "seconds": round(time.perf_counter() - t0, 1)}
        if timed_out:
            results.add(Figure(SECTION, f"/ask p95, {template}", budget.ask_timeout_s * 1000, "ms",
                               higher_is_better=False, goal="< 50 ms", goal_value=50.0, goal_on="value", size=size,
                               note=f"a request took over {budget.ask_timeout_s:.0f} s (value is that bound); "
                                    f"{load.ok} answered before"))
            continue
        if not load.ok:
            results.fail(SECTION, f"[{size}] /ask {template}: no 200 answer ({load.errors[:2]})")
            continue
        base = max(engine_ms) if engine_ms else None
        note = (f"p50 {load.percentile(50):.1f} ms; {load.ok} requests"
                + (f" (cap {budget.ask_cap_s:.0f} s reached)" if load.capped else "")
                + f"; answers per question {min(answers, default=0)}-{max(answers, default=0)}"
                + (f"; statuses {load.statuses}" if set(load.statuses) != {200} else "") + engine_note)
        base_name = "its template SPARQL in the engine (its slowest example)" if base is not None else None
        results.add(Figure(SECTION, f"/ask p95, {template}", load.percentile(95), "ms", base_name, base,
                           higher_is_better=False, goal="< 50 ms", goal_value=50.0, goal_on="value",
                           note=note, size=size))
    return measured


POLL_S = 0.5


def _words_index(results: Results, size: str, server: servers.Server, budget: Budget) -> None:
    """Wait, up to `budget.ask_ready_s`, until /healthz says the document word index is no longer catching
    up, and report when that was after the server's start (publishers questions scan every text until then)."""
    seconds, state = httpload.until_field(server.url, "/healthz", "words_index", "catching up", since=server.started,
                                          cap_s=budget.ask_ready_s, pause=POLL_S)
    results.facts.setdefault("words_index_ready", {})[size] = {"seconds": seconds, "state": state}
    if seconds is None:
        results.fail(SECTION, f"[{size}] the document word index still '{state}' {budget.ask_ready_s:.0f} s after "
                              "the wait began; publishers measured while it scans")
        return
    results.add(Figure(SECTION, "time until the document word index is current after start", seconds, "s",
                       higher_is_better=False, size=size,
                       note=f"state '{state}' in /healthz; the first question starts its build or catch-up"))


def _engine_baseline(engine: Engine, load: httpload.Load, budget: Budget) -> tuple[list[float], str]:
    """Milliseconds of the template SPARQL of its slowest example, in the engine (up to 3 runs within
    `ask_engine_cap_s`, one when a run is slow): the part of that /ask answer that is the store's work.
    One example per template keeps the baselines within the run's budget at 1 M facts; the call is
    bounded by twice that example's request time (the engine's work is part of it)."""
    path = max(load.slowest, key=load.slowest.get)
    doc = json.loads(load.first[path])
    if not doc.get("sparql"):
        return [], ""
    try:
        # as the embedded store runs it: substitutions, or the VALUES block itself for a template
        # that binds that way (service/qa/templates.py, Template.values)
        unbind = not getattr(BY_ID.get(doc.get("template", {}).get("id")), "values", False)
        return [engine.median_ms(doc["sparql"], unbind=unbind, runs=3, cap_s=budget.ask_engine_cap_s,
                                 timeout=2 * load.slowest[path] + 2)], ""
    except EngineTimeout as err:
        return [], f"; engine baseline stopped: {err}"
    except RuntimeError as err:
        return [], f"; engine baseline failed: {str(err)[:120]}"


def guard(results: Results, what: str, fn):
    """Run one measurement; a part that is missing or broken is reported, the others still run."""
    try:
        return fn()
    except Exception as err:
        results.fail(SECTION, f"{what}: {type(err).__name__}: {err}")
        return None


class Parts:
    """Seconds per part of one size, printed as each ends and kept in the results' facts (so that a
    run that nears its 30-minute budget shows where the time went)."""

    def __init__(self, results: Results, size: str):
        self.size = size
        self.seconds = results.facts.setdefault("part_seconds", {}).setdefault(size, {})

    @contextmanager
    def __call__(self, part: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[part] = round(time.perf_counter() - start, 1)
            print(f"[{self.size}] {part}: {self.seconds[part]:.0f} s", flush=True)


def run_size(results: Results, size: str, n_facts: int, work: Path, *, budget: Budget, rdflib_size: str,
             log_dir: Path) -> None:
    folder, snap_dir = work / f"store-{size}", work / f"snapshot-{size}"
    part = Parts(results, size)
    print(f"\n[{size}] generating and loading {n_facts:,} facts ...", flush=True)
    with part("generate and bulk load"):
        info = build(n_facts, folder)
    gen: Generator = info.pop("generator")
    results.facts.setdefault("scale", {})[size] = info
    results.add(Figure(SECTION, "bulk load time of the generated graph", info["load_seconds"], "s",
                       higher_is_better=False,
                       note=f"{info['quads']:,} quads, {info['documents']:,} documents, "
                            f"{info['quads'] / info['load_seconds']:,.0f} quads/s; one stream from the generator, "
                            f"which ran alongside in its own process ({info['generate_seconds']:.0f} s of CPU)",
                       size=size))
    results.add(Figure(SECTION, "compaction after the bulk load (Store.optimize)", info["optimize_seconds"], "s",
                       higher_is_better=False, size=size,
                       note="once after a large bulk load; the stores below are measured compacted"))
    with part("snapshot"):
        ox.Store(str(folder)).backup(str(snap_dir))
        snapshot = ox.Store.read_only(str(snap_dir))
    if size == rdflib_size:
        with part("kgqa load vs bulk_load"):
            guard(results, f"[{size}] kgqa load", lambda: write_path(results, size, snapshot, work))

    actor = str(gen.actor_iri[min(4, len(gen.actor_iri) - 1)].value)  # a frequent actor, not the top one
    occasion = str(gen.occasion_iri[0].value)
    named = bench_sparql.queries(actor, occasion)
    ask_peak = sparql_peak = (0.0, 0.0)
    theirs, rates = None, {}
    with Engine(snap_dir) as engine:
        # /ask first, on a server of its own: a question the server cannot finish in time goes on
        # running there, and must not weigh on the SPARQL figures
        def ask_part() -> tuple[float, float]:
            with servers.kgqa_serve(folder, log=log_dir / f"kgqa-serve-ask-{size}.log") as kgqa:
                kgqa.wait_listening(budget.ready_s)
                results.facts.setdefault("ask", {})[size] = guard(
                    results, f"[{size}] /ask latency", lambda: ask_latency(results, size, kgqa, engine, budget=budget))
                return kgqa.peak_rss_mb()

        def sparql_part() -> tuple[tuple[float, float], float, dict]:
            with servers.kgqa_serve(folder, log=log_dir / f"kgqa-serve-sparql-{size}.log") as kgqa, \
                    servers.oxigraph_serve_read_only(snap_dir, log=log_dir / f"oxigraph-{size}.log") as oxi, \
                    servers.flask_floor(log=log_dir / f"floor-{size}.log") as floor:
                ready = kgqa.wait_ready(budget.ready_s)
                oxi.wait_ready(budget.ready_s)
                floor.wait_ready(budget.ready_s)
                settled = kgqa.wait_settled(budget.ready_s)  # its start-up work done, as Oxigraph's is
                results.facts.setdefault("sparql_settled_seconds", {})[size] = round(settled, 1)
                print(f"[{size}] kgqa serve answered /healthz 200 in {ready:.1f} s", flush=True)
                measured = guard(results, f"[{size}] /sparql throughput", lambda: bench_sparql.throughput(
                    results, size, engine, kgqa.url, oxi.url, named, total=budget.sparql_total, threads=8,
                    cap_s=budget.sparql_cap_s, timeout=budget.sparql_timeout_s,
                    cpu={"kgqa": kgqa.cpu_seconds, "oxigraph": oxi.cpu_seconds})) or {}
                results.facts.setdefault("sparql", {})[size] = measured
                guard(results, f"[{size}] one-client latency", lambda: bench_sparql.http_latency(
                    results, size, kgqa.url, oxi.url, named, total=budget.latency_total,
                    cap_s=budget.latency_cap_s, timeout=budget.sparql_timeout_s, floor_url=floor.url,
                    engine=engine))
                return kgqa.peak_rss_mb(), oxi.peak_rss_mb()[0], measured

        # a server that does not start fails its own part (with the reason), not the size
        with part("/ask"):
            ask_peak = guard(results, f"[{size}] /ask server", ask_part) or ask_peak
        with part("/sparql"):
            sparql_peak, theirs, rates = guard(results, f"[{size}] /sparql servers", sparql_part) or (
                sparql_peak, theirs, rates)
    if ask_peak[1] or sparql_peak[1]:
        results.add(Figure(SECTION, "peak RSS of kgqa serve (with its workers)", max(ask_peak[1], sparql_peak[1]),
                           "MB", "oxigraph serve-read-only after the same SPARQL load" if theirs else None, theirs,
                           higher_is_better=False, size=size, goal=">= 0.5x (at most 2x)" if theirs else None,
                           goal_value=0.5 if theirs else None,
                           note=f"/ask server {ask_peak[1]:.0f} MB, /sparql server {sparql_peak[1]:.0f} MB "
                                f"(process alone {sparql_peak[0]:.0f} MB)"))
    # the store is free again: the time-limit design against a plain query, in this process
    with part("time-limit cost"):
        guard(results, f"[{size}] time-limit cost", lambda: bench_sparql.limit_cost(
            results, size, folder, named, runs=budget.limit_runs, cap_s=budget.limit_cap_s))
    if size == rdflib_size:
        with part("rdflib"):
            guard(results, f"[{size}] rdflib", lambda: bench_sparql.against_rdflib(
                results, size, snapshot.dump(format=ox.RdfFormat.N_QUADS), rates, named, runs=budget.rdflib_runs,
                cap_s=budget.rdflib_cap_s))
