"""Facts stage: whether a position is its holder's own and held, on sentences written for this project
(tests/data/sentences/stances.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("stances"))
def test_facts_stances(case):
    check_case(case)
