"""Facts stage: meetings, on sentences written for this project (tests/data/sentences/meetings.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("meetings"))
def test_facts_meetings(case):
    check_case(case)
