"""Scale: a generated graph at 10 k, 100 k and 1 M facts; load time, /ask latency per question
template through a live `kgqa serve`, its peak memory, and the SPARQL figures (bench_sparql) on the
same stores.

Each size is generated and bulk-loaded into its own on-disk store. `kgqa serve` owns that store (one
process owns a read-write store); a `Store.backup` checkpoint of it, taken before the server starts,
is what `oxigraph serve-read-only` and this process's in-process baselines open read-only.
"""
from __future__ import annotations

import json
import queue
import re
import shutil
import statistics
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from service.store.embedded import EmbeddedStore

from . import bench_sparql, httpload, servers
from .graphgen import Generator
from .results import Budget, Figure, Results

SECTION = "scale"
BASE = "http://127.0.0.1:8000/"  # kgqa serve's default BASE_IRI: the graph's IRIs are its own
CHUNK = 1_000_000  # quads per bulk_load call


def build(n_facts: int, folder: Path) -> dict:
    """Generate the graph (N-Quads, one named graph per document) and bulk-load it in chunks. Loading
    runs in a thread (the engine parses and writes without the GIL) while the next chunk is generated,
    so both cores work; each side's own time is measured apart."""
    gen = Generator(n_facts, BASE)
    store = ox.Store(str(folder))
    chunks: queue.Queue = queue.Queue(maxsize=1)  # of N-Quads lines
    load_s = [0.0]

    def loader():
        while (chunk := chunks.get()) is not None:
            t = time.perf_counter()
            store.bulk_load("".join(chunk).encode(), format=ox.RdfFormat.N_QUADS)
            load_s[0] += time.perf_counter() - t

    thread = threading.Thread(target=loader, daemon=True)
    wall = time.perf_counter()
    thread.start()
    gen_s, chunk = 0.0, []
    docs = gen.documents()
    while True:
        t = time.perf_counter()
        item = next(docs, None)
        gen_s += time.perf_counter() - t
        if item is not None:
            chunk += item[1]
        if chunk and (item is None or len(chunk) >= CHUNK):
            chunks.put(chunk)
            chunk = []
        if item is None:
            break
    chunks.put(None)
    thread.join()
    t = time.perf_counter()
    store.flush()
    load_s[0] += time.perf_counter() - t
    c = gen.catalog
    return {"generator": gen, "facts": c.facts, "documents": c.documents, "quads": c.quads,
            "kinds": c.kinds, "generate_seconds": gen_s, "load_seconds": load_s[0],
            "wall_seconds": time.perf_counter() - wall}


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


def ask_latency(results: Results, size: str, url: str, snapshot: ox.Store, *, per_template: int,
                cap_s: float, timeout: float, warm_timeout: float) -> dict:
    """/ask p50 and p95 per template, one client asking the template's example questions in turn;
    baseline: the SPARQL each answer document says it ran, executed in-process on the snapshot.

    The first question after the server starts is timed apart: it builds the question answerer's
    name index. A request past `timeout` ends its template's run (the server cannot be told to stop
    it, so more requests would only queue behind it), and the figure says so."""
    templates = catalog(url)
    first = next(iter(templates.values()))[0]
    warm = httpload.run(url, [f"/ask?q={quote(first)}"], total=1, threads=1, cap_s=warm_timeout,
                        timeout=warm_timeout, headers={"Accept": "application/json"})
    results.facts.setdefault("ask_first_request", {})[size] = {
        "seconds": warm.seconds, "ok": warm.ok, "errors": warm.errors}
    if not warm.ok:
        results.fail(SECTION, f"[{size}] /ask: the first question took over {warm_timeout:.0f} s "
                              f"({warm.errors[:1]}); no template measured at this size")
        return {}
    results.add(Figure(SECTION, "first /ask after start (builds the name index)", warm.seconds * 1000, "ms",
                       higher_is_better=False, note=first, size=size))
    measured = {}
    for template, examples in templates.items():
        paths = [f"/ask?q={quote(q)}" for q in examples]
        load = httpload.run(url, paths, total=per_template, threads=1, cap_s=cap_s, timeout=timeout,
                            keep_first=True, stop_on_timeout=True, headers={"Accept": "application/json"})
        docs = [json.loads(body) for body in load.first.values()]
        answers = [len(d.get("answers", [])) for d in docs]
        timed_out = any(e.startswith("TimeoutError") for e in load.errors)
        engine = []
        if load.ok and not timed_out and (load.percentile(95) or 0) < 5000:
            engine = [_engine(snapshot, d["sparql"]) for d in docs[:3] if d.get("sparql")]
        measured[template] = {"p50_ms": load.percentile(50), "p95_ms": load.percentile(95), "ok": load.ok,
                              "requests": load.requests, "statuses": load.statuses, "answers": answers,
                              "engine_ms": engine, "capped": load.capped, "errors": load.errors[:3]}
        if timed_out:
            results.add(Figure(SECTION, f"/ask p95, {template}", timeout * 1000, "ms", higher_is_better=False,
                               goal="< 50 ms", goal_value=50.0, goal_on="value", size=size,
                               note=f"a request took over {timeout:.0f} s (value is that bound); "
                                    f"{load.ok} answered before"))
            continue
        if not load.ok:
            results.fail(SECTION, f"[{size}] /ask {template}: no 200 answer ({load.errors[:2]})")
            continue
        base = max(engine) if engine else None
        note = (f"p50 {load.percentile(50):.1f} ms; {load.ok} requests; answers per question "
                f"{min(answers, default=0)}-{max(answers, default=0)}"
                + (f"; statuses {load.statuses}" if set(load.statuses) != {200} else ""))
        results.add(Figure(SECTION, f"/ask p95, {template}", load.percentile(95), "ms",
                           "its template SPARQL in-process (slowest example)" if base is not None else None, base,
                           higher_is_better=False, goal="< 50 ms", goal_value=50.0, goal_on="value",
                           note=note, size=size))
    return measured


def _engine(snapshot: ox.Store, shown: str, runs: int = 3, slow_ms: float = 200.0) -> float:
    """Milliseconds of a template query as the embedded store runs it. An answer document shows the
    query with its parameters in a VALUES block (what a remote endpoint receives); the embedded store
    binds them as substitutions instead, so the block is taken out and turned back into them."""
    query, subs = _unbind(shown)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        try:
            list(snapshot.query(query, use_default_graph_as_union=True, substitutions=subs or None))
        except (SyntaxError, OSError, ValueError):
            return float("nan")
        times.append(time.perf_counter() - t)
        if times[-1] * 1000 > slow_ms:  # one run of a slow query is measure enough
            break
    return statistics.median(times) * 1000


_VALUES = re.compile(r"\n  VALUES \(([^)]*)\) \{ \((.*)\) \}")


def _unbind(shown: str) -> tuple[str, dict]:
    match = _VALUES.search(shown)
    if not match:
        return shown, {}
    names = [n.lstrip("?") for n in match.group(1).split()]
    row = _terms(match.group(2))
    return shown[:match.start()] + shown[match.end():], {ox.Variable(n): t for n, t in zip(names, row, strict=True)}


def _terms(row: str) -> list:
    """The RDF terms of a VALUES row, read back by the N-Triples parser (one triple per term)."""
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


def guard(results: Results, what: str, fn):
    """Run one measurement; a part that is missing or broken is reported, the others still run."""
    try:
        return fn()
    except Exception as err:
        results.fail(SECTION, f"{what}: {type(err).__name__}: {err}")
        return None


def run_size(results: Results, size: str, n_facts: int, work: Path, *, budget: Budget, rdflib_size: str,
             log_dir: Path) -> None:
    folder, snap_dir = work / f"store-{size}", work / f"snapshot-{size}"
    print(f"\n[{size}] generating and loading {n_facts:,} facts ...", flush=True)
    info = build(n_facts, folder)
    gen: Generator = info.pop("generator")
    results.facts.setdefault("scale", {})[size] = info
    results.add(Figure(SECTION, "bulk load time of the generated graph", info["load_seconds"], "s",
                       higher_is_better=False,
                       note=f"{info['quads']:,} quads, {info['documents']:,} documents, "
                            f"{info['quads'] / info['load_seconds']:,.0f} quads/s; generated in "
                            f"{info['generate_seconds']:.0f} s alongside; {info['wall_seconds']:.0f} s in all",
                       size=size))
    ox.Store(str(folder)).backup(str(snap_dir))
    snapshot = ox.Store.read_only(str(snap_dir))
    if size == rdflib_size:
        write_path(results, size, snapshot, work)

    actor = str(gen.actor_iri[min(4, len(gen.actor_iri) - 1)].value)  # a frequent actor, not the top one
    occasion = str(gen.occasion_iri[0].value)
    named = bench_sparql.queries(actor, occasion)
    # /ask first, on a server of its own: a question the server cannot finish in time goes on
    # running there, and must not weigh on the SPARQL figures
    with servers.kgqa_serve(folder, log=log_dir / f"kgqa-serve-ask-{size}.log") as kgqa:
        ready = kgqa.wait_ready()
        print(f"[{size}] kgqa serve ready in {ready:.1f} s", flush=True)
        asked = guard(results, f"[{size}] /ask latency", lambda: ask_latency(
            results, size, kgqa.url, snapshot, per_template=budget.ask_per_template, cap_s=budget.ask_cap_s,
            timeout=budget.ask_timeout_s, warm_timeout=budget.ask_warm_s))
        results.facts.setdefault("ask", {})[size] = asked
        ask_peak = kgqa.peak_rss_mb()
    with servers.kgqa_serve(folder, log=log_dir / f"kgqa-serve-sparql-{size}.log") as kgqa, \
            servers.oxigraph_serve_read_only(snap_dir, log=log_dir / f"oxigraph-{size}.log") as oxi:
        kgqa.wait_ready()
        oxi.wait_ready()
        rates = guard(results, f"[{size}] /sparql throughput", lambda: bench_sparql.throughput(
            results, size, snapshot, kgqa.url, oxi.url, named, total=budget.sparql_total, threads=8,
            cap_s=budget.sparql_cap_s)) or {}
        results.facts.setdefault("sparql", {})[size] = rates
        guard(results, f"[{size}] one-client latency", lambda: bench_sparql.http_latency(
            results, size, kgqa.url, oxi.url, named, total=budget.latency_total, cap_s=budget.latency_cap_s))
        sparql_peak = kgqa.peak_rss_mb()
        theirs, _ = oxi.peak_rss_mb()
    results.add(Figure(SECTION, "peak RSS of kgqa serve (with its workers)", max(ask_peak[1], sparql_peak[1]),
                       "MB", "oxigraph serve-read-only after the same SPARQL load", theirs,
                       higher_is_better=False, size=size,
                       note=f"/ask server {ask_peak[1]:.0f} MB, /sparql server {sparql_peak[1]:.0f} MB "
                            f"(process alone {sparql_peak[0]:.0f} MB)"))
    # the store is free again: the time-limit design against a plain query, in this process
    guard(results, f"[{size}] time-limit cost", lambda: bench_sparql.limit_cost(
        results, size, folder, named, runs=budget.limit_runs, cap_s=budget.limit_cap_s))
    if size == rdflib_size:
        guard(results, f"[{size}] rdflib", lambda: bench_sparql.against_rdflib(
            results, size, snapshot.dump(format=ox.RdfFormat.N_QUADS), rates, named, runs=budget.rdflib_runs,
            cap_s=budget.rdflib_cap_s))
