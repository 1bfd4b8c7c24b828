"""Facts stage: a suggestion the writer tells as mockery is a Statement marked ironic, not a proposal
(tests/data/sentences/irony.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("irony"))
def test_facts_irony(case):
    check_case(case)
