"""An official announcing what the body they hold an office in will or will not do ("EU Trade
Commissioner Ana Ruiz said the EU would not ...") makes that body's intention, attributed to them; a
speaker of no office in it still only claims it. Sentences written for this project."""
from __future__ import annotations

import pytest

from service.tools.evaluate import names
from tests.facts_support import run


@pytest.mark.parametrize("text, body, negated", [
    ("EU Trade Commissioner Ana Ruiz said the EU would not exempt Peruvian farmers from the levy.",
     "european union", True),
    ("NATO Military Committee Chairman Luis Gil said NATO would open a new base in Latvia.", "nato", False),
], ids=["would-not", "would"])
def test_own_body_intention(text, body, negated):
    facts, actors = run(text)
    found = [f for f in facts if f.kind == "Intention" and f.attributed_to]
    assert found, [(f.kind, f.holders, f.content) for f in facts]
    assert any(body in names(actors, k) for k in found[0].holders) and found[0].negated is negated


def test_outsider_claim_is_no_intention():
    facts, _ = run("Farmer Ana Ruiz said the EU would not exempt Peruvian farmers from the levy.")
    assert not [f for f in facts if f.kind == "Intention"], [(f.kind, f.holders) for f in facts]
