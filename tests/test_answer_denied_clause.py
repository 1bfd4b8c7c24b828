"""'Did X say Y?' answered by a statement of X that says the opposite of Y ("we have not given away a single
metre of land") is a No, quoting it; a statement that says Y is a Yes. Through the real pipeline, a real
store and the question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Border deal signed\n\n"
        "Prime Minister Marko Petrovic said Serbia had not given away any land in the deal. "
        "Foreign Minister Ana Kovac said the new border would open trade with the coast.\n")


border = store_fixture({"border": TEXT})


@pytest.mark.parametrize("question, verdict", [
    ("Did Petrovic say Serbia had given away land?", "No:"),
    ("Did Petrovic say Serbia had not given away land?", "Yes:"),
    ("Did Kovac say the new border would open trade?", "Yes:"),
])
def test_answer_denied_clause_is_a_no(border, question, verdict):
    answers = ask(border, question)["answers"]
    assert answers and answers[0]["text"].startswith(verdict)
