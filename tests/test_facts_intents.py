"""Facts stage: whether an Intention is told as its holder's plan, on sentences written for this project
(tests/data/sentences/intents.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("intents"))
def test_facts_intents(case):
    check_case(case)
