"""Facts stage: dates against the published day, and time words in spans (tests/data/sentences/dates.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("dates"))
def test_facts_dates(case):
    check_case(case)
