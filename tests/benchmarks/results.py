"""Figures: each measured value beside the baseline it was measured against in the same run.

Machines here are noisy, so a figure is judged by its ratio to a baseline measured moments before or
after it on the same data, never by an absolute number. A figure without a baseline (a latency, a
memory peak) is judged against its absolute goal and says so.
"""
from __future__ import annotations

import json
import platform
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Figure:
    section: str  # ingest, scale, sparql
    name: str  # what is measured ("documents/s of kgqa ingest")
    value: float | None
    unit: str
    baseline_name: str | None = None  # what it is measured against ("bare spaCy nlp.pipe")
    baseline: float | None = None
    higher_is_better: bool = True
    goal: str | None = None  # ">= 0.8x", "< 50 ms"
    goal_value: float | None = None  # the bound the goal names
    goal_on: str = "ratio"  # what the goal bounds: "ratio" (to the baseline) or "value" (absolute)
    note: str = ""
    size: str | None = None  # "10k", "100k", "1M" for the scale figures

    @property
    def ratio(self) -> float | None:
        """value / baseline when higher is better, baseline / value otherwise: above 1 is better."""
        if self.value is None or not self.baseline:
            return None
        if self.higher_is_better:
            return self.value / self.baseline
        return self.baseline / self.value if self.value else None

    @property
    def met(self) -> bool | None:
        if self.goal_value is None or self.value is None:
            return None
        if self.goal_on == "ratio":
            ratio = self.ratio
            return None if ratio is None else ratio >= self.goal_value
        return self.value >= self.goal_value if self.higher_is_better else self.value < self.goal_value

    def as_dict(self) -> dict:
        return {**asdict(self), "ratio": self.ratio, "met": self.met}


@dataclass
class Results:
    quick: bool
    started: float = field(default_factory=time.time)
    figures: list[Figure] = field(default_factory=list)
    facts: dict = field(default_factory=dict)  # context: corpus size, quads per size, queries...
    failures: list[str] = field(default_factory=list)  # sections that could not run, and why

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        print(line(figure), flush=True)
        return figure

    def fail(self, section: str, why: str) -> None:
        self.failures.append(f"{section}: {why}")
        print(f"  [{section}] NOT MEASURED: {why}", flush=True)

    def as_dict(self) -> dict:
        return {
            "quick": self.quick,
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.started)),
            "seconds": round(time.time() - self.started, 1),
            "machine": {"python": platform.python_version(), "cpus": _cpus(), "platform": platform.platform()},
            "facts": self.facts,
            "failures": self.failures,
            "figures": [f.as_dict() for f in self.figures],
        }

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(self.started))
        path = folder / f"bench-{'quick-' if self.quick else ''}{stamp}.json"
        path.write_text(json.dumps(self.as_dict(), indent=2) + "\n")
        (folder / "latest.json").write_text(path.read_text())
        return path


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 0)


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if abs(value) >= 1000:
        text = f"{value:,.0f}"
    elif abs(value) >= 100:
        text = f"{value:.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def verdict(figure: Figure) -> str:
    return {True: "met", False: "NOT MET", None: ""}[figure.met]


def line(figure: Figure) -> str:
    """One printed line: the figure, its baseline, the ratio and the goal."""
    size = f"[{figure.size}] " if figure.size else ""
    text = f"  {size}{figure.name}: {fmt(figure.value, figure.unit)}"
    if figure.baseline_name:
        text += f"  vs {figure.baseline_name}: {fmt(figure.baseline, figure.unit)}"
        if figure.ratio is not None:
            text += f"  ratio {figure.ratio:.2f}x"
    if figure.goal:
        text += f"  (goal {figure.goal}: {verdict(figure)})"
    if figure.note:
        text += f"  - {figure.note}"
    return text


def markdown(results: dict) -> str:
    """The table of docs/performance.md, from a results document (so the table can be rebuilt from the JSON)."""
    rows = ["| section | size | figure | value | baseline | baseline value | ratio | goal | |",
            "|---|---|---|---|---|---|---|---|---|"]
    for f in results["figures"]:
        ratio = f"{f['ratio']:.2f}x" if f["ratio"] is not None else ""
        met = {True: "met", False: "**not met**", None: ""}[f["met"]]
        rows.append(f"| {f['section']} | {f['size'] or ''} | {f['name']} | {fmt(f['value'], f['unit'])} | "
                    f"{f['baseline_name'] or ''} | {fmt(f['baseline'], f['unit']) if f['baseline_name'] else ''}"
                    f" | {ratio} | {f['goal'] or ''} | {met} |")
    return "\n".join(rows)


@dataclass(frozen=True)
class Budget:
    """How much each measurement may take: requests, runs and time caps (every loop is bounded).

    Sized so that a full run stays under 30 minutes on 2 cores (a quick one under 5) while each figure
    still rests on enough samples: a p95 from 20 requests is their second slowest, so a template
    that reaches its cap first is reported with the number of requests it got (and a template slower
    than the request timeout with that bound); a throughput rests on as many requests as two cores
    finish within the cap (at least 2, at most `sparql_total`)."""
    ask_per_template: int
    ask_cap_s: float  # per template
    ask_timeout_s: float  # one /ask request
    ask_ready_s: float  # from the server's start until /ask answers 200 (it builds its name index)
    ask_engine_cap_s: float  # per template, the engine baseline of its examples' SPARQL
    ready_s: float  # a server answering /healthz 200 after its start
    sparql_total: int  # requests per query and server, at most
    sparql_cap_s: float
    sparql_timeout_s: float  # one /sparql request, one engine baseline call
    latency_total: int
    latency_cap_s: float
    limit_runs: int
    limit_cap_s: float
    rdflib_runs: int
    rdflib_cap_s: float
    doc_words: tuple[int, int]  # words per ingest corpus document
    spacy_runs: int  # baseline runs around the ingest (2: before and after)
    ingest_limit_s: float  # the whole ingest section (about 110 s full, 35 s quick when all is well)


FULL = Budget(ask_per_template=20, ask_cap_s=12, ask_timeout_s=20, ask_ready_s=300, ask_engine_cap_s=8,
              ready_s=300, sparql_total=100, sparql_cap_s=12, sparql_timeout_s=60, latency_total=40,
              latency_cap_s=10, limit_runs=15, limit_cap_s=10, rdflib_runs=3, rdflib_cap_s=20,
              doc_words=(150, 300), spacy_runs=2, ingest_limit_s=300)
QUICK = Budget(ask_per_template=10, ask_cap_s=3, ask_timeout_s=6, ask_ready_s=120, ask_engine_cap_s=3,
               ready_s=120, sparql_total=32, sparql_cap_s=3, sparql_timeout_s=30, latency_total=12,
               latency_cap_s=3, limit_runs=3, limit_cap_s=3, rdflib_runs=1, rdflib_cap_s=5,
               doc_words=(100, 160), spacy_runs=1, ingest_limit_s=120)
