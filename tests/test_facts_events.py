"""Facts stage: events told with nouns or light verbs (tests/data/sentences/events.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("events"))
def test_facts_events(case):
    check_case(case)
