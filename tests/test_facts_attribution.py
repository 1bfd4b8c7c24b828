"""Facts stage: whose position a sentence states (tests/data/sentences/attribution.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("attribution"))
def test_facts_attribution(case):
    check_case(case)
