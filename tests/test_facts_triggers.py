"""Facts stage: events told with nouns, verbs added to the lexicon, groups and purpose clauses as holders
(tests/data/sentences/triggers.json, sentences written for this project)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("triggers"))
def test_facts_triggers(case):
    check_case(case)
