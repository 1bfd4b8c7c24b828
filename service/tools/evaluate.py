"""Extraction scored against gold annotations (data/gold/*.json): precision, recall, F1 per fact kind.

A gold fact is {"kind", "holders": ["name|alternative", ...], "keywords": [...], "evidence": "..."}
(see data/gold/README.md). A found fact matches it when
- its kind is the gold kind or of the same family (accusation ~ criticism),
- a gold holder names one of its holders (label, alias or key of the actor, or of the country a
  government governs); a gold fact with no holders needs none,
- every keyword occurs in its text (content, condition, quantity, what it counts, duration, title),
- its evidence overlaps the gold evidence passage.
Each gold fact matches at most one found fact and the other way round (maximum matching).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import ConfigError
from ..ingest.clean import normalized
from ..model import Fact

FAMILIES = ({"Accusation", "Criticism"},)


def _family(kind: str) -> set[str]:
    return next((f for f in FAMILIES if kind in f), {kind})


def load_gold(gold_dir: str) -> dict[str, list[dict]]:
    """source id -> gold facts."""
    gold = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            gold[data["source"]] = data["facts"]
        except (OSError, ValueError, KeyError) as err:
            raise ConfigError(f"gold file {path} cannot be read: {err}") from None
    if not gold:
        raise ConfigError(f"no gold annotations (*.json) in {gold_dir}")
    return gold


def names(actors: dict, key: str) -> set[str]:
    """Every name an actor goes by, and its country's when it is a government."""
    actor = actors.get(key)
    if actor is None:
        return {key.lower()}
    found = {key.lower(), actor.label.lower(), *(a.lower() for a in actor.aliases)}
    if actor.government_of:
        found |= names(actors, actor.government_of)
    return found


def _text(fact: Fact, actors: dict) -> str:
    parts = [fact.content, fact.condition, fact.quantity_text, fact.counts, fact.duration_text, fact.title,
             fact.time_text, fact.verb]
    if fact.organization:
        parts.append(" ".join(names(actors, fact.organization)))
    return normalized(" ".join(p for p in parts if p)).lower()


def matches(gold: dict, fact: Fact, text: str, actors: dict) -> bool:
    """Whether a found fact is the gold fact (see the module docstring)."""
    if fact.kind not in _family(gold["kind"]):
        return False
    if gold.get("holders"):
        found = set().union(*(names(actors, k) for k in fact.holders)) if fact.holders else set()
        if not any(alt.strip().lower() in found for name in gold["holders"] for alt in name.split("|")):
            return False
    body = _text(fact, actors)
    if not all(normalized(k).lower() in body for k in gold.get("keywords", [])):
        return False
    flat = normalized(text)
    start = flat.find(normalized(gold["evidence"]))
    if start < 0:
        raise ConfigError(f"gold evidence not found in the source: {gold['evidence']!r}")
    end = start + len(gold["evidence"])
    return any(span.start < end and start < span.end for span in fact.evidence)


def _matching(edges: list[list[int]], n_found: int) -> dict[int, int]:
    """Maximum bipartite matching (gold index -> found index) by augmenting paths."""
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for f in edges[g]:
            if f not in seen:
                seen.add(f)
                if f not in owner or augment(owner[f], seen):
                    owner[f] = g
                    return True
        return False

    for g in range(len(edges)):
        augment(g, set())
    return {g: f for f, g in owner.items()}


def _scores(gold: int, found: int, right_gold: int, right_found: int) -> dict:
    p = right_found / found if found else 0.0
    r = right_gold / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": gold, "found": found, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)}


def score_facts(gold_dir: str, sources_dir: str, extractor) -> dict:
    """Run the real pipeline stages (`extractor`: service.ingest.extractor.Extractor) over the gold's
    sources and score the facts per kind."""
    from ..ingest import pipeline

    gold = load_gold(gold_dir)
    report = pipeline.IngestReport()
    documents = [d for d in pipeline.read_all([sources_dir], report) if d.id in gold]
    tally: dict[str, list[int]] = {}  # kind -> [gold, found, right gold, right found]
    per_doc: dict[str, list[int]] = {}  # document id -> the same four counts
    misses, extras = [], []
    for document, extraction, _doc in extractor.stream(documents):
        if isinstance(extraction, Exception):
            raise extraction
        document, facts = extraction.document, extraction.facts
        golds = gold[document.id]
        flat = normalized(document.text)
        for g in golds:
            if normalized(g["evidence"]) not in flat:
                raise ConfigError(f"gold evidence not found in {document.id}: {g['evidence']!r}")
        edges = [[i for i, f in enumerate(facts) if matches(g, f, document.text, extraction.actors)] for g in golds]
        pairs = _matching(edges, len(facts))
        per_doc[document.id] = [len(golds), len(facts), len(pairs), len(pairs)]
        for i, g in enumerate(golds):
            row = tally.setdefault(g["kind"], [0, 0, 0, 0])
            row[0] += 1
            row[2] += i in pairs
            if i not in pairs:
                misses.append(f"{document.id}: {g['kind']} {g['holders']} {g['evidence']!r}")
        matched = set(pairs.values())
        for j, f in enumerate(facts):
            row = tally.setdefault(f.kind, [0, 0, 0, 0])
            row[1] += 1
            row[3] += j in matched
            if j not in matched:
                extras.append(f"{document.id}: {f.kind} {f.holders} {f.content!r}")
    missing = set(gold) - {d.id for d in documents}
    if missing:
        raise ConfigError(f"gold sources not found in {sources_dir}: {', '.join(sorted(missing))}")
    kinds = {k: _scores(*tally[k]) for k in sorted(tally)}
    total = [sum(r[i] for r in tally.values()) for i in range(4)]
    documents = {d: _scores(*per_doc[d]) for d in sorted(per_doc)}
    return {"kinds": kinds, "overall": _scores(*total), "documents": documents, "missed": misses,
            "unmatched": extras}


def main(argv: list[str]) -> int:
    """`python -m service.tools.evaluate [GOLD_DIR [SOURCES_DIR]]`: print the scores."""
    args = [a for a in argv if not a.startswith("-")]
    gold_dir = args[0] if args else "data/gold"
    sources = args[1] if len(args) > 1 else "data/sources"
    from ..ingest.extractor import Extractor
    from ..settings import Settings

    report = score_facts(gold_dir, sources, Extractor(Settings.from_env()))
    width = max(len(k) for k in report["kinds"]) + 2
    print(f"{'kind':<{width}}{'gold':>6}{'found':>7}{'P':>7}{'R':>7}{'F1':>7}")
    for kind, r in report["kinds"].items():
        print(f"{kind:<{width}}{r['gold']:>6}{r['found']:>7}{r['precision']:>7.2f}{r['recall']:>7.2f}{r['f1']:>7.2f}")
    o = report["overall"]
    print(f"facts f1={o['f1']:.3f} precision={o['precision']:.3f} recall={o['recall']:.3f}")
    if "-v" in argv:
        for doc_id, r in report["documents"].items():
            print(f"  {doc_id}: f1={r['f1']:.3f} precision={r['precision']:.3f} recall={r['recall']:.3f}")
        print("\n".join(["missed:"] + report["missed"] + ["unmatched:"] + report["unmatched"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
