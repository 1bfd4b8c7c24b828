"""Facts stage: whose position a sentence states (tests/data/sentences/attribution.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("attribution"))
def test_facts_attribution(case):
    check_case(case)


@pytest.mark.parametrize("text", [
    "Last year Carlos Ruiz proposed a ban on foreign donations, citing fears of corruption.",
    "Senator Maria Lopez rejected the deal on Monday, citing fears of higher costs for farmers.",
])
def test_facts_attribution_never_a_bare_verb(text):
    """A participle that credits a position to the subject before it names no source of its own: no
    fact is attributed in the words "citing" or "saying"."""
    from tests.facts_support import run
    facts, _ = run(text, "2016-08-01")
    assert facts and all((f.attribution or "").lower() not in ("citing", "saying") for f in facts)
