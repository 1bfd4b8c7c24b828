"""Facts stage: speech, on sentences written for this project (tests/data/sentences/speech.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("speech"))
def test_facts_speech(case):
    check_case(case)
