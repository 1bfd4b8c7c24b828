"""Facts stage: kinds, on sentences written for this project (tests/data/sentences/kinds.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("kinds"))
def test_facts_kinds(case):
    check_case(case)
