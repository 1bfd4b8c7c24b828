"""Facts stage: speakers named by the noun that introduced them, and request and attack words, on
sentences written for this project (tests/data/sentences/described.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("described"))
def test_facts_described(case):
    check_case(case)
