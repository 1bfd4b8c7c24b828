"""Facts stage: who holds a fact, on sentences written for this project (tests/data/sentences/who.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("who"))
def test_facts_who(case):
    check_case(case)
