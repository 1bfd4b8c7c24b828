"""Facts stage: where meetings took place, and what is no actor (tests/data/sentences/places.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("places"))
def test_facts_places(case):
    check_case(case)
