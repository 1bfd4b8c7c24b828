"""A question naming someone by a title of several words as the text wrote it ("the State Minister of
Finance") asks about the one person the text gave that title; none when the title is anyone's else or
several hold it. Through the real pipeline, a real store and the question answerer (text written for the
project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Fuel tax cut to cost less than feared, minister says\n\n"
        "The State Minister of Finance, Lena Ortiz, said on Thursday that the cut would go ahead. "
        "She put the cost of the cut at 40 million pesos.\n\n"
        "The deputy governor of the central bank, Tomas Vial, put the cost at 90 million pesos.\n\n"
        "A Deputy Minister of Energy, Ana Ruiz, said the grid was ready. Another Deputy Minister of Energy, Pia "
        "Berg, said it was not.\n")


budget = store_fixture({"fuel": TEXT})


@pytest.mark.parametrize("question, want", [
    ("How much would the cut cost according to the State Minister of Finance?", "40 million"),
    ("How much would the cut cost according to the deputy governor of the central bank?", "90 million"),
])
def test_answer_written_title_names_its_holder(budget, question, want):
    document = ask(budget, question)
    texts = [a["text"] for a in document["answers"]]
    assert len(texts) == 1 and want in texts[0], texts


@pytest.mark.parametrize("question", [
    "How much would the cut cost according to the Minister of Energy?",  # a title nobody holds here
    "What did the Deputy Minister of Energy say?",  # two hold it: which one, the text does not settle
])
def test_answer_written_title_unsettled_names_nobody(budget, question):
    document = ask(budget, question)
    assert not document["answers"], document["answers"]
