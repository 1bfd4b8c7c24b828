"""Facts stage: shares of people polled hold what they say, on sentences written for this project
(tests/data/sentences/shares.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("shares"))
def test_facts_shares(case):
    check_case(case)
