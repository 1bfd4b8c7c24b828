"""Facts stage: whether a meeting took place (kg:status), on sentences written for this project
(tests/data/sentences/status.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("status"))
def test_facts_status(case):
    check_case(case)
