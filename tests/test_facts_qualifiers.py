"""Facts stage: qualifiers, on sentences written for this project (tests/data/sentences/qualifiers.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("qualifiers"))
def test_facts_qualifiers(case):
    check_case(case)
