"""A negated fact ("did not agree a statute", "did not ask for more quota") answers no question of what
was agreed or asked: it answers only a yes/no question (with No). Through the real pipeline and store (text
written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Harbour talks end\n\n"
        "Norway and Iceland agreed on Tuesday to set up a joint patrol of the fishing grounds. "
        "Norway and Iceland did not agree a common quota for herring. "
        "Fisheries minister Ola Berg demanded that Iceland share its catch data. "
        "Berg did not ask for a higher quota.\n")

harbour = store_fixture({"harbour": TEXT})


@pytest.mark.parametrize("question, kept, dropped", [
    ("What did Norway and Iceland agree on?", "patrol", "herring"),
    ("What did Ola Berg demand?", "catch data", "higher quota"),
])
def test_answer_negated_wh_not_an_answer(harbour, question, kept, dropped):
    texts = [a["text"] for a in ask(harbour, question)["answers"]]
    assert any(kept in t for t in texts) and not any(dropped in t for t in texts)


def test_answer_negated_wh_still_answers_yes_no(harbour):
    answers = ask(harbour, "Did Norway and Iceland agree a common quota for herring?")["answers"]
    assert answers and answers[0]["text"].startswith("No:")
