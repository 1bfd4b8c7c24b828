""""What did Guyana and Suriname agree?" answered by what their presidents agreed: a joint fact's holders
reached from a country down to those whose role the text gives as its president or prime minister (the
role's organization says whose leader), never to its other officials, nor to a person no role links to it.
Through the real pipeline, a real store and the question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXTS = {
    "river": ("River commission revived\n\n"
              "Guyana's president, Amos Farrow, met Suriname's president, Lina Dekker, in Paramaribo on Thursday. "
              "The two presidents agreed to revive a joint commission on the river.\n"),
    "ferry": ("Ferry fares\n\n"
              "Guyana's trade minister, Rita Mohan, and Suriname's president, Lina Dekker, agreed on Friday to cut "
              "ferry fares.\n"),
}
leaders = store_fixture(TEXTS)


def test_answer_leaders_countries_agreed(leaders):
    answers = answer_texts(leaders, "What did Guyana and Suriname agree?")
    assert answers and "joint commission" in answers[0], answers


@pytest.mark.parametrize("question, unwanted", [
    ("What did Guyana and Suriname agree?", "ferry"),
    ("What did Guyana and Peru agree?", "commission"),
], ids=["a-minister-is-no-leader", "another-country"])
def test_answer_leaders_countries_not_others(leaders, question, unwanted):
    assert not any(unwanted in a for a in answer_texts(leaders, question))
