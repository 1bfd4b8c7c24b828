"""Facts stage: speech, on sentences written for this project (tests/data/sentences/speech.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case, run


@pytest.mark.parametrize("case", cases("speech"))
def test_facts_speech(case):
    check_case(case)


@pytest.mark.parametrize("dateline", ["OSLO (Reuters) - ", "OSLO, May 4 (Nordic Wire) \u2014 ", ""])
def test_facts_speech_attribution_leaves_out_the_dateline(dateline):
    """The words crediting a reported plan to its speaker are the speaker's, not the dateline's."""
    text = f"{dateline}Norwegian Foreign Minister Ingrid Dahl said on Monday that Norway would close its embassy."
    [plan] = [f for f in run(text, "2024-05-04")[0] if f.kind == "Intention"]
    assert plan.attribution == "Norwegian Foreign Minister Ingrid Dahl said"
