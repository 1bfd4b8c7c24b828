"""Facts stage: estimates, on sentences written for this project (tests/data/sentences/estimates.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("estimates"))
def test_facts_estimates(case):
    check_case(case)
