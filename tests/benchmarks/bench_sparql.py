"""SPARQL under concurrent load: kgqa's /sparql against `oxigraph serve-read-only` on the same store
and queries, against rdflib's in-memory SPARQL on the same data (at the small size), and the cost of
the query time-limit design against a plain in-process query.

The queries are what a power user asks of this graph, written as a careful user writes them
(DISTINCT, COUNT(DISTINCT)): one graph per document means the same actor label or fact is asserted
in many graphs, and Oxigraph's union default graph keeps every copy (a bag, not a set).
"""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from . import httpload
from .engine import Engine, EngineTimeout
from .results import Figure, Results

SECTION = "sparql"
JSON = "application/sparql-results+json"
PREFIXES = """PREFIX kg: <https://w3id.org/kgqa/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""
WARM_UP = "ASK { ?s ?p ?o }"  # not light (no constant term): it runs in a worker
ENGINE_BOUND_MS = 5.0  # the line: queries taking at least this long in the engine
CORES = 2


def queries(actor: str, occasion: str) -> dict[str, str]:
    """Named queries over the generated graph; `actor` and `occasion` are IRIs in it."""
    return {
        "positions-with-provenance": PREFIXES + f"""\
SELECT DISTINCT ?fact ?kind ?content ?quote ?title WHERE {{
  ?fact kg:holder <{actor}> ; a kg:Position ; a ?kind ; kg:content ?content ; kg:evidence ?e .
  ?e nif:anchorOf ?quote ; nif:referenceContext ?doc . ?doc dcterms:title ?title .
  FILTER(?kind != kg:Fact && ?kind != kg:Position)
}} LIMIT 1000""",
        "meetings-at-occasion": PREFIXES + f"""SELECT DISTINCT ?meeting ?participant ?quote ?source ?date WHERE {{
  ?meeting a kg:Meeting ; kg:occasion <{occasion}> ; kg:participant ?participant ; kg:evidence ?e .
  ?e nif:anchorOf ?quote ; nif:referenceContext ?source .
  OPTIONAL {{ ?meeting kg:date ?date }}
}} LIMIT 1000""",
        "facts-per-kind": PREFIXES + """SELECT ?kind (COUNT(DISTINCT ?f) AS ?n) WHERE {
  ?f a kg:Fact ; a ?kind . FILTER(?kind != kg:Fact && ?kind != kg:Position)
} GROUP BY ?kind ORDER BY DESC(?n)""",
        "top-proposers": PREFIXES + """SELECT ?h (COUNT(DISTINCT ?f) AS ?n) WHERE {
  ?f a kg:Proposal ; kg:holder ?h .
} GROUP BY ?h ORDER BY DESC(?n) LIMIT 10""",
        "sources-per-publisher": PREFIXES + """SELECT ?publisher (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
  ?doc a kg:Document ; schema:publisher ?publisher .
} GROUP BY ?publisher ORDER BY DESC(?docs)""",
        "fact-lookup": PREFIXES + f"""SELECT ?p ?o WHERE {{ <{actor}> ?p ?o }} LIMIT 50""",
    }


def _paths(prefix: str, query: str) -> list[str]:
    return [f"{prefix}?query={quote(query)}"]


def throughput(results: Results, size: str, engine: Engine, kgqa_url: str, oxigraph_url: str | None,
               named: dict[str, str], *, total: int, threads: int, cap_s: float, timeout: float = 60.0,
               cpu: dict[str, Callable[[], float]] | None = None) -> dict:
    """Requests/s of each query on kgqa /sparql and, when given, on oxigraph serve-read-only.
    `cpu`: "kgqa" / "oxigraph" -> the CPU seconds of that server's process tree so far; each figure's
    note then gives the CPU per request of both, which a loaded machine moves far less than req/s.

    The engine time of each query (median of up to 3 runs in engine.py's bounded child, results
    serialized as SPARQL JSON as an endpoint must) sizes the run: no more requests than two cores can
    run within the cap (a request in flight cannot be stopped), so a run ends near its cap."""
    # kgqa's query workers start on first use: started here (two cheap queries at once, not light, so
    # each goes to a worker), so that the first figure does not include their start, which Oxigraph's
    # server does not have
    httpload.run(kgqa_url, _paths("/sparql", WARM_UP), total=4, threads=2, cap_s=cap_s, timeout=timeout,
                 headers={"Accept": JSON})
    measured = {}
    for name, query in named.items():
        try:
            engine_ms = engine.median_ms(query, serialize=True, runs=3, cap_s=cap_s, slow_ms=2000, timeout=timeout)
        except EngineTimeout as err:
            results.fail(SECTION, f"[{size}] /sparql {name}: {err}; not measured over HTTP either")
            continue
        bound = engine_ms >= ENGINE_BOUND_MS
        n = max(CORES, min(total, int(cap_s * CORES * 1000 / max(engine_ms, 0.01))))
        n_threads = min(threads, n)
        spent = {}
        load = {"total": n, "threads": n_threads, "cap_s": cap_s, "timeout": timeout, "headers": {"Accept": JSON}}
        ours = _timed(spent, "kgqa", cpu, kgqa_url, _paths("/sparql", query), load)
        theirs = None
        if oxigraph_url:
            theirs = _timed(spent, "oxigraph", cpu, oxigraph_url, _paths("/query", query), load)
        measured[name] = {"engine_ms": engine_ms, "kgqa": _summary(ours),
                          "oxigraph": _summary(theirs) if theirs else None}
        if ours.ok == 0:
            theirs_note = f"; oxigraph {theirs.per_second:.2f} req/s" if theirs is not None and theirs.ok else ""
            results.fail(SECTION, f"[{size}] /sparql {name}: no successful request of {n} (engine {engine_ms:.0f} ms"
                                  f"{theirs_note}): {ours.errors[:2]}")
            continue
        note = (f"engine {engine_ms:.1f} ms; {n} requests on {n_threads} connections; "
                f"kgqa p95 {ours.percentile(95):.0f} ms"
                + ("" if bound else "; not engine-bound, no goal"))
        if "kgqa" in spent and "oxigraph" in spent and theirs is not None and theirs.ok:
            note += (f"; CPU per request kgqa {spent['kgqa'] * 1000 / ours.ok:.1f} ms, "
                     f"oxigraph {spent['oxigraph'] * 1000 / theirs.ok:.1f} ms")
        if theirs is not None and theirs.ok:
            results.add(Figure(SECTION, f"/sparql req/s, {name}", ours.per_second, "req/s",
                               "oxigraph serve-read-only", theirs.per_second,
                               goal=">= 0.8x" if bound else None, goal_value=0.8 if bound else None,
                               note=note, size=size))
        else:
            results.add(Figure(SECTION, f"/sparql req/s, {name}", ours.per_second, "req/s", note=note,
                               size=size))
    return measured


def _timed(spent: dict, key: str, cpu: dict | None, url: str, paths: list[str], options: dict) -> httpload.Load:
    """httpload.run, and the CPU seconds the server `key` spent meanwhile into spent[key] (when known)."""
    clock = (cpu or {}).get(key)
    before = clock() if clock else 0.0
    load = httpload.run(url, paths, **options)
    if clock:
        spent[key] = clock() - before
    return load


def _summary(load: httpload.Load) -> dict:
    return {"ok": load.ok, "requests": load.requests, "seconds": round(load.seconds, 3),
            "per_second": load.per_second, "p50_ms": load.percentile(50), "p95_ms": load.percentile(95),
            "statuses": load.statuses, "capped": load.capped, "errors": load.errors[:3]}


def against_rdflib(results: Results, size: str, nquads: bytes, kgqa_rates: dict, named: dict[str, str],
                   *, runs: int, cap_s: float) -> None:
    """rdflib's in-memory SPARQL on the same quads, one query at a time in this process (rdflib holds
    the GIL, so threads would not add throughput): queries/s against kgqa's /sparql req/s."""
    import rdflib

    start = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=nquads, format="nquads")
    load_s = time.perf_counter() - start
    results.facts.setdefault("rdflib", {})[size] = {"load_seconds": load_s, "triples": len(dataset)}
    print(f"  [{size}] rdflib loaded {len(dataset):,} triples in {load_s:.1f} s", flush=True)
    for name, query in named.items():
        ours = kgqa_rates.get(name, {}).get("kgqa")
        if not ours or not ours["per_second"]:
            continue
        times: list[float] = []
        deadline = time.monotonic() + cap_s
        while len(times) < runs and (not times or time.monotonic() < deadline):
            t = time.perf_counter()
            for _ in dataset.query(query):
                pass
            times.append(time.perf_counter() - t)
        rate = 1 / statistics.median(times)
        results.add(Figure(SECTION, f"/sparql req/s vs rdflib, {name}", ours["per_second"], "req/s",
                           "rdflib Dataset.query in-process", rate, goal=">= 10x", goal_value=10.0,
                           note=f"rdflib median {statistics.median(times) * 1000:.0f} ms over {len(times)} runs",
                           size=size))


def http_latency(results: Results, size: str, kgqa_url: str, oxigraph_url: str, named: dict[str, str], *,
                 total: int, cap_s: float, timeout: float = 60.0, floor_url: str | None = None,
                 engine: Engine | None = None) -> None:
    """One client, one query at a time: /sparql (negotiation, guard, limits, waitress) against
    oxigraph's own server answering the same query. With `floor_url` (floor.py: a no-op Flask route on
    waitress, served as kgqa serves), the lookup's overhead above that floor, beside Oxigraph's whole
    lookup; with `engine`, how much of that overhead is the engine's own work (the query run and
    serialized in-process, many times: its median), which Oxigraph's server does too. The servers take turns
    in ROUNDS rounds, so that a burst of load elsewhere falls on all."""
    for name in ("fact-lookup", "positions-with-provenance"):
        query = named[name]
        targets = {"kgqa": (kgqa_url, "/sparql"), "oxigraph": (oxigraph_url, "/query")}
        if floor_url and name == "fact-lookup":
            targets["floor"] = (floor_url, "/floor")
        loads = {key: httpload.Load() for key in targets}
        for _ in range(ROUNDS):
            for key, (url, prefix) in targets.items():
                paths = [prefix] if key == "floor" else _paths(prefix, query)
                n = max(total, LIGHT_TOTAL) if name == "fact-lookup" else total  # a light query: cheap to repeat
                part = httpload.run(url, paths, total=max(1, n // ROUNDS), threads=1, cap_s=cap_s / ROUNDS,
                                    timeout=timeout, predict=True, headers={"Accept": JSON})
                _merge(loads[key], part)
        ours, theirs = loads["kgqa"], loads["oxigraph"]
        asked = max(total, LIGHT_TOTAL) if name == "fact-lookup" else total
        if not ours.ok or not theirs.ok:
            results.fail(SECTION, f"[{size}] one-client latency {name}: {(ours.errors or theirs.errors)[:2]}")
            continue
        results.add(Figure(SECTION, f"/sparql p50 latency, one client, {name}", ours.percentile(50), "ms",
                           "oxigraph serve-read-only, one client", theirs.percentile(50),
                           higher_is_better=False, size=size,
                           note=f"{ours.ok} requests (kgqa), {theirs.ok} (oxigraph), at most {asked} each "
                                f"within {cap_s:.0f} s, in {ROUNDS} alternating rounds"))
        floor = loads.get("floor")
        if floor is None:
            continue
        if not floor.ok:
            results.fail(SECTION, f"[{size}] Flask floor: {floor.errors[:2]}")
            continue
        overhead = ours.percentile(50) - floor.percentile(50)
        engine_note = ""
        if engine is not None:
            own = engine.median_ms(query, serialize=True, runs=ENGINE_RUNS, cap_s=cap_s / ROUNDS, slow_ms=50,
                                   timeout=timeout)
            engine_note = (f"; the engine's own lookup (in-process, serialized, median) {own:.3f} ms of it, "
                           f"kgqa's own part {overhead - own:.3f} ms")
        results.add(Figure(SECTION, "HTTP floor p50: a no-op Flask route on waitress, one client",
                           floor.percentile(50), "ms", higher_is_better=False, size=size,
                           note=f"{floor.ok} requests; served as kgqa serve serves (tests/benchmarks/floor.py)"))
        results.add(Figure(SECTION, f"/sparql {name} p50 overhead above the Flask floor", overhead, "ms",
                           "oxigraph serve-read-only's whole lookup, p50", theirs.percentile(50),
                           higher_is_better=False, size=size, goal=f"< {OVERHEAD_GOAL_MS} ms",
                           goal_value=OVERHEAD_GOAL_MS, goal_on="value",
                           note=f"kgqa p50 {ours.percentile(50):.3f} ms - floor p50 {floor.percentile(50):.3f} ms"
                                f"{engine_note}; ratio: Oxigraph's whole lookup over kgqa's overhead"))


ROUNDS = 3
OVERHEAD_GOAL_MS = 0.25  # half the overhead measured when the floor was added (about 0.5 ms)
ENGINE_RUNS = 300  # in-process runs of the light lookup for its median (a few tenths of a ms each)
LIGHT_TOTAL = 300  # requests per server for the light lookup (about a millisecond each), within the cap


def _merge(into: httpload.Load, part: httpload.Load) -> None:
    into.requests += part.requests
    into.seconds += part.seconds
    into.latencies += part.latencies
    into.errors += part.errors[: max(0, 5 - len(into.errors))]
    into.capped |= part.capped
    for status, n in part.statuses.items():
        into.statuses[status] = into.statuses.get(status, 0) + n


def limit_cost(results: Results, size: str, store_dir: Path, named: dict[str, str], *, runs: int,
               cap_s: float) -> None:
    """The time-limit design (service/sparql/limits.py: the runner /sparql uses, worker processes over
    a checkpoint) against a plain in-process `execute(store, job)` of the same job, no HTTP on either
    side. Runs alternate between the two so that noise falls on both."""
    from service.settings import Settings
    from service.sparql.query import prepare
    from service.sparql.runners import open_runner
    from service.store.embedded import EmbeddedStore

    settings = Settings.from_env({"STORE": str(store_dir)})
    store = EmbeddedStore(str(store_dir))
    runner = open_runner(store, settings)
    try:
        for name in ("fact-lookup", "positions-with-provenance", "facts-per-kind"):
            try:
                _limit_cost_of(results, size, name, prepare(named[name], JSON, settings), store, runner,
                               runs=runs, cap_s=cap_s)
            except Exception as err:  # this query is reported with its reason; the others still run
                results.fail(SECTION, f"[{size}] time-limit cost, {name}: {type(err).__name__}: {err}")
    finally:
        runner.close()
        store.close()


def _limit_cost_of(results: Results, size: str, name: str, job, store, runner, *, runs: int, cap_s: float) -> None:
    from service.sparql.limits import execute

    runner.run(job)  # the first run takes the checkpoint and starts a worker (and meets the time limit first)
    plain, limited = [], []
    deadline = time.monotonic() + cap_s
    while len(plain) < runs and (not plain or time.monotonic() < deadline):
        for fn, into in ((lambda: execute(store, job), plain), (lambda: runner.run(job), limited)):
            t = time.perf_counter()
            fn()
            into.append(time.perf_counter() - t)
    ours, base = statistics.median(limited) * 1000, statistics.median(plain) * 1000
    results.add(Figure(SECTION, f"time-limited query p50 ({type(runner).__name__}), {name}", ours,
                       "ms", "plain in-process execute(store, job)", base, higher_is_better=False,
                       note=f"cost {ours - base:+.2f} ms per query over {len(plain)} runs", size=size))


def nquads_of(path: Path) -> bytes:
    return ox.Store.read_only(str(path)).dump(format=ox.RdfFormat.N_QUADS)
