"""Words named afterwards by their speaker: "We split it, fifty-fifty. That was my proposal." makes the
sentence before the speaker's Proposal (the noun's kind in service/lexicon/referents.tsv). Only the
speaker's own sentence right before, in the same words of theirs, with a first-person owner ("my", "our").
"""
from __future__ import annotations

import re

from ...model import Fact, Span

NAMED_BACK = re.compile(r"\W*(?:that|this|it)(?:'s|’s| is| was)\s+(?:my|our)\s+(?:own\s+)?(?P<noun>[a-z]+)\b",
                        re.I)
GAP = re.compile(r"[\W_]{0,12}")  # closing marks and spaces between the two sentences, no words
KINDS = ("Proposal", "Demand", "Commitment")  # what a speaker can name their own words as


def named_back(facts: list[Fact], text: str, referents: dict[str, tuple[str, ...]]) -> list[Fact]:
    """The facts that "That was my proposal" makes of the Statement told just before it."""
    said = sorted((f for f in facts if f.kind == "Statement" and f.content_span is not None and f.evidence),
                  key=lambda f: f.evidence[0].start)
    out = []
    for before, named in zip(said, said[1:], strict=False):
        found = NAMED_BACK.match(named.content or "")
        if found is None or set(before.holders) != set(named.holders) or not before.holders:
            continue
        kinds = [k for k in referents.get(found.group("noun").lower(), ()) if k in KINDS]
        if len(kinds) != 1 or not GAP.fullmatch(text[before.evidence[-1].end:named.evidence[0].start]):
            continue  # another kind, or anything told between the two
        out.append(Fact(kind=kinds[0], evidence=[Span(before.evidence[0].start, named.evidence[-1].end)],
                        holders=list(named.holders), verb=found.group("noun").lower(), content=before.content,
                        content_span=before.content_span, confidence=round(min(before.confidence,
                                                                               named.confidence), 3)))
    return out
