"""The benchmark chart (docs/bench.png): every ratio against its goal, and /ask p95 per template by size."""
from __future__ import annotations

import textwrap
from pathlib import Path


def draw(results: dict, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ratios = [f for f in results["figures"] if f["ratio"] is not None and f["goal_on"] == "ratio" and f["goal"]]
    asks = [f for f in results["figures"] if f["name"].startswith("/ask p95")]
    fig, (left, right) = plt.subplots(1, 2, figsize=(17, max(5.0, 0.32 * len(ratios) + 1.5)),
                                      gridspec_kw={"width_ratios": [3, 2]})

    labels = [f"{f['name'][:60]}{' [' + f['size'] + ']' if f['size'] else ''}" for f in ratios]
    values = [f["ratio"] for f in ratios]
    colors = ["tab:green" if f["met"] else "tab:red" for f in ratios]
    y = range(len(ratios))
    left.barh(list(y), values, color=colors)
    for i, f in enumerate(ratios):
        left.plot([f["goal_value"], f["goal_value"]], [i - 0.4, i + 0.4], color="black", linewidth=2)
    left.set_yticks(list(y), labels, fontsize=7)
    left.invert_yaxis()
    if ratios:  # a log axis needs values: a run where every ratio failed draws an empty panel
        left.set_xscale("log")
    left.set_xlabel("ratio to the baseline (above 1: better than the baseline; black tick: the goal)")
    left.set_title("kgqa against its baselines, same run")

    sizes = [s for s in ("10k", "100k", "1M") if any(f["size"] == s for f in asks)]
    templates = sorted({f["name"].split(", ", 1)[1] for f in asks})
    palette = plt.get_cmap("tab20").colors  # twelve templates: the default ten colours would repeat
    for n, t in enumerate(templates):
        points = [next((f["value"] for f in asks if f["size"] == s and f["name"].endswith(", " + t)), None)
                  for s in sizes]
        right.plot(sizes, [p if p is not None else float("nan") for p in points], marker="o", label=t,
                   color=palette[(2 * n) % 20 + (2 * n) // 20])
    right.axhline(50, color="black", linestyle="--", linewidth=1, label="goal: 50 ms")
    if not asks:  # say why the panel is empty rather than leave it blank
        why = "\n".join(textwrap.fill(f, 60) for f in results.get("failures", []) if "/ask" in f) \
            or "no /ask figure in this run"
        right.text(0.5, 0.5, "/ask not measured:\n" + why, ha="center", va="center", wrap=True, fontsize=8,
                   transform=right.transAxes)
    if asks:
        right.set_yscale("log")
    right.set_xlabel("facts in the graph")
    right.set_ylabel("/ask p95 (ms)")
    right.set_title("/ask p95 latency per question template")
    right.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(fig)
    return path
