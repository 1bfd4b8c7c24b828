"""Facts stage: a stance told in a relative clause on a noun renaming the noun phrase before it
(tests/data/sentences/renamed.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("renamed"))
def test_facts_renamed(case):
    check_case(case)
