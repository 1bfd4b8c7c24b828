""""What share of X did Y produce": an estimates question whose facts must name X (the noun before the
auxiliary) and Y (who is asked about), not one of them alone (questions written for this project)."""
from __future__ import annotations

import pytest

from tests.test_parse_questions import read


@pytest.mark.parametrize("question, head, need", [
    ("What share of the world's copper did Peru mine last year?", "copper", ["peru"]),
    ("What proportion of the cobalt did Congo and Zambia export?", "cobalt", ["congo", "zambia"]),
    ("What percentage of voters backed the plan?", "", []),
])
def test_parse_share_question(question, head, need):
    parsed = read(question)
    assert (parsed.template, parsed.head, parsed.need) == ("estimates", head, need)
