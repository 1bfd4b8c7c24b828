"""An estimates question is answered by the figure of what it counts: "how many sailors" not by another
figure the same speaker gave in the same sentence ("more than 40 ports"); "how much" and "how big" by a sum
a minister stands behind (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXTS = {
    "navy": ("Baltic navy moves to the coast\n\n"
             "The defence minister, Lena Berg, said the navy had deployed 3,000 sailors to the coast and had "
             "closed more than 40 ports. Trade Minister Rosa Ilves said Estonia would lend 300 million dollars "
             "to the new port authority.\n"),
}

navy = store_fixture(TEXTS)


@pytest.mark.parametrize("question, figure", [
    ("How many ports has the navy closed, according to Lena Berg?", "40"),
    ("How much will Estonia lend to the port authority, according to Rosa Ilves?", "300 million"),
    ("How much money will Estonia lend to the port authority?", "300 million"),
    ("How big will the loan to the port authority be, according to Rosa Ilves?", "300 million"),
], ids=["how many", "how much", "how much money", "how big"])
def test_answer_estimate_figures_the_figure_asked(navy, question, figure):
    answers = answer_texts(navy, question)
    assert answers and figure in answers[0]


def test_answer_estimate_figures_not_another_count(navy):
    # the 3,000 sailors are an exact count, no estimate: the ports' figure of the same sentence is not it
    assert not any("40" in a for a in answer_texts(navy, "How many sailors has the navy deployed to the coast?"))
