"""A speaker telling what a body or group named by a description did at the talks ("the mediators had
proposed", "the bloc had not ruled out") reports that body's act; a proper-named party's act told by a
speaker stays the speaker's claim, and so does one told in the future. Sentences written for this project."""
from __future__ import annotations

import pytest

from service.tools.evaluate import names
from tests.facts_support import run

REPORTED = [
    ("Minister Omar Haddad said the mediators had proposed a ten-day pause in the shelling.",
     "Proposal", "mediators", "ten-day pause", False),
    ("African Union leaders met in Accra. Foreign Minister Ana Ruiz said the bloc had not ruled out new tariffs.",
     "Denial", "African Union", "new tariffs", True),
    ("Envoy Karl Brandt said the rebels had accepted the idea of a buffer zone.",
     "Acceptance", "rebels", "buffer zone", False),
]


@pytest.mark.parametrize("text, kind, holder, content, negated", REPORTED,
                         ids=["proposed", "not-ruled-out", "accepted"])
def test_reported_act_of_described_body(text, kind, holder, content, negated):
    facts, actors = run(text)
    found = [f for f in facts if f.kind == kind and content in (f.content or "")]
    assert found, [(f.kind, f.holders, f.content) for f in facts]
    assert any(holder.lower() in names(actors, k) for k in found[0].holders)
    assert found[0].negated is negated and found[0].attributed_to


@pytest.mark.parametrize("text, kind", [
    ("Senator Paul Ortiz said the Democrats had proposed open borders.", "Proposal"),
    ("Envoy Karl Brandt said the rebels will reject the buffer zone.", "Denial"),
], ids=["proper-named-party", "future"])
def test_claimed_act_is_no_fact(text, kind):
    facts, _ = run(text)
    assert not [f for f in facts if f.kind == kind and f.attributed_to], [(f.kind, f.holders) for f in facts]
