"""How long a meeting lasted, told on the meeting noun a verb holds ("held talks for 85 minutes") or in a
which-clause the parser hung on the meeting's place ("a summit in the capital, which lasted six hours");
a which-clause on another noun gives no length (sentences written for this project)."""
from __future__ import annotations

import pytest

from tests.facts_support import run


@pytest.mark.parametrize("text, duration", [
    ("Ana Ruiz of Peru and Luis Vega of Chile held talks for 85 minutes at the foreign ministry.", "PT1H25M"),
    ("The decision came at an emergency summit of the African Union in the Ethiopian capital, which lasted "
     "more than six hours.", "PT6H"),
], ids=["held-talks-for", "which-lasted-on-place"])
def test_meeting_length(text, duration):
    facts, _ = run(text)
    assert [f.duration for f in facts if f.kind == "Meeting"] == [duration]


@pytest.mark.parametrize("text", [
    "Ministers of Peru and Chile held a summit with the Andean Community, which has lasted for five decades.",
    "Peru and Chile held talks on fishing for the first time.",
], ids=["which-on-a-body", "not-a-length"])
def test_meeting_no_length(text):
    facts, _ = run(text)
    assert all(f.duration is None for f in facts if f.kind == "Meeting")
