"""Facts stage: contacts told with other verbs and nouns (negotiate with, debates and interviews between
persons, implicative to-clauses) and texts that speak for their author
(tests/data/sentences/contacts.json, sentences written for this project)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case


@pytest.mark.parametrize("case", cases("contacts"))
def test_facts_contacts(case):
    check_case(case)
