"""A place on another noun inside a clause on the meeting noun ("a meeting arranged by the embassy in
Canberra") is where that noun is, not where the meeting was; the verb's own place ("met ... in Pretoria")
is (sentences written for the project)."""
from __future__ import annotations

import pytest

from tests.support import extractor

TEXT = ("Maria Ruiz told the committee that she had met the agent once, in {met}, at a meeting arranged by the "
        "embassy in Canberra.")


@pytest.mark.parametrize("met, place", [("Pretoria", "Pretoria"), ("private", None)])
def test_facts_arranged_place_not_the_arrangers(met, place):
    facts, resolver = extractor().facts(TEXT.format(met=met), published="2026-11-24")
    meetings = [f.occasion for f in facts if f.occasion is not None and f.occasion.kind == "Meeting"]
    assert meetings and all(m.place is None if place is None else resolver.actor(m.place).label == place
                            for m in meetings)
