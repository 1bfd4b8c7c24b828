"""Facts stage: a speech or view verb used in a sense that reports no words and no view, on sentences
written for this project (tests/data/sentences/senses.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("senses"))
def test_facts_senses(case):
    check_case(case)
