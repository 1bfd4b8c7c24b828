"""Helpers for the facts tests: run the real stages (clean, nlp, actors, facts) over a sentence and
check found facts against an expectation written by names (tests/data/sentences/*.json)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from service.model import Fact
from service.tools.evaluate import names as actor_names
from tests.support import extractor

SENTENCES = Path(__file__).parent / "data" / "sentences"


def cases(family: str) -> list:
    """The cases of tests/data/sentences/<family>.json, as pytest parameters named by id."""
    import pytest

    data = json.loads((SENTENCES / f"{family}.json").read_text(encoding="utf-8"))
    return [pytest.param(c, id=c["id"]) for c in data["cases"]]


@lru_cache(maxsize=256)
def run(text: str, published: str | None = None) -> tuple[tuple[Fact, ...], dict]:
    """Facts of a text through the real pipeline stages, and the document's actors."""
    meta = {"published": published} if published else {}
    facts, resolver = extractor().facts(text, **meta)
    return tuple(facts), resolver.actors


def _named(names: list[str], keys: list[str], actors: dict) -> bool:
    known = set().union(*(actor_names(actors, k) for k in keys)) if keys else set()
    return all(name.lower() in known for name in names)


def label(value, actors: dict) -> str | None:
    """The kind of a meeting occasion, or the label of an occasion/place actor."""
    if isinstance(value, Fact):
        return value.kind
    return actors[value].label if value in actors else value


def fits(fact: Fact, want: dict, actors: dict) -> bool:
    """Whether a fact meets an expectation: every field given must hold."""
    checks = {
        "kind": lambda v: fact.kind == v,
        "holders": lambda v: _named(v, fact.holders, actors),
        "target": lambda v: _named(v, fact.target, actors),
        "recipient": lambda v: _named(v, fact.recipient, actors),
        "about": lambda v: _named(v, fact.about, actors),
        "members": lambda v: _named(v, [k for k, a in actors.items() if set(a.member_of) & set(fact.holders)], actors),
        "attributed_to": lambda v: _named(v, [fact.attributed_to] if fact.attributed_to else [], actors),
        "content": lambda v: all(w.lower() in (fact.content or "").lower() for w in v),
        "content_not": lambda v: not any(w.lower() in (fact.content or "").lower() for w in v),
        "verb": lambda v: fact.verb == v,
        "condition": lambda v: v.lower() in (fact.condition or "").lower(),
        "attribution": lambda v: v.lower() in (fact.attribution or "").lower(),
        "occasion": lambda v: v.lower() in (label(fact.occasion, actors) or "").lower(),
        "place": lambda v: v.lower() in (label(fact.place, actors) or "").lower(),
        "counts": lambda v: v.lower() in (fact.counts or "").lower(),
        "quantity": lambda v: fact.quantity == v,
    }
    for field, value in want.items():
        if field in ("evidence", "evidence_from"):  # checked against the text by check_case
            continue
        check = checks.get(field)
        if check is not None:
            if not check(value):
                return False
        elif getattr(fact, field) != value:  # negated, hedged, date, time_text, duration
            return False
    return True


def describe(facts) -> str:
    """Found facts, one a line, for failure messages."""
    fields = ("condition", "negated", "hedged", "ironic", "status", "attribution", "attributed_to", "place",
              "place_text", "date", "time_text", "duration", "quantity", "counts", "target", "recipient")
    return "\n".join(f"{f.kind} {f.holders} {f.content!r} occasion={getattr(f.occasion, 'kind', f.occasion)} "
                     + " ".join(f"{name}={getattr(f, name)!r}" for name in fields if getattr(f, name))
                     for f in facts)


def _evidenced(fact: Fact, want: dict, text: str) -> bool:
    """`evidence` in an expectation: the text of the fact's (first) evidence passage, exactly."""
    if "evidence_from" in want and not any(text[e.start:e.end].startswith(want["evidence_from"])
                                           for e in fact.evidence):
        return False  # `evidence_from`: one of its passages starts with these words
    return "evidence" not in want or text[fact.evidence[0].start:fact.evidence[0].end] == want["evidence"]


def check_case(case: dict) -> None:
    facts, actors = run(case["text"], case.get("published"))
    text = case["text"]
    for want in case.get("expect", []):
        assert any(fits(f, want, actors) and _evidenced(f, want, text) for f in facts), \
            f"expected {want}\nfound:\n{describe(facts)}"
    for unwanted in case.get("absent", []):
        assert not any(fits(f, unwanted, actors) and _evidenced(f, unwanted, text) for f in facts), \
            f"unexpected {unwanted}\nfound:\n{describe(facts)}"


@lru_cache(maxsize=1)
def seed_extractions() -> tuple:
    """(Extraction, Doc) of both seed articles through the real pipeline stages, computed once."""
    from service.ingest.pipeline import IngestReport, read_all

    documents = read_all([str(Path(__file__).parent / "data" / "seeds")], IngestReport())
    return tuple((ex, doc) for _, ex, doc in extractor().stream(documents))
