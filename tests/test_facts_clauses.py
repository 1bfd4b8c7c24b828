"""Facts stage: clauses, on sentences written for this project (tests/data/sentences/clauses.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("clauses"))
def test_facts_clauses(case):
    check_case(case)
