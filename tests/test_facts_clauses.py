"""Facts stage: clauses, on sentences written for this project (tests/data/sentences/clauses.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case, run


@pytest.mark.parametrize("case", cases("clauses"))
def test_facts_clauses(case):
    check_case(case)


def test_facts_clauses_light_verb_and_noun_one_fact():
    facts, _actors = run("Israel and Hamas reached an agreement on a ceasefire.")
    assert [f.kind for f in facts].count("Agreement") == 1
