""""X has not ruled out Y" answers no "who rejected Y" or "what did X reject"; a yes/no question on it
still gets its No. Through the real pipeline, a real store and the question answerer (text written for the
project)."""
from __future__ import annotations

import pytest

from tests.support import ask, kgqa, store_fixture

TEXT = ("Tariff row widens\n\n"
        "Peru has not ruled out new tariffs on imported steel, its trade minister said. "
        "Chile rejected the tariffs on imported steel.\n")


tariffs = store_fixture({"tariffs": TEXT})


def test_not_ruled_out_is_no_rejection(tariffs):
    texts = " | ".join(a["text"] for a in kgqa(tariffs).ask("Who rejected the tariffs on imported steel?",
                                                            link_root="/")["answers"])
    assert "Chile" in texts and "Peru" not in texts


def test_not_ruled_out_answers_yes_no(tariffs):
    answers = ask(tariffs, "Did Peru rule out new tariffs?")["answers"]
    assert answers and answers[0]["text"].startswith("No: ")


# "had not ruled anything out": no object in particular, so none the question names is ruled out, save the
# one the passage excepts
UNIVERSAL = ("Budget talks stall\n\n"
             "Asked whether the Senate could vote on the budget in March, Speaker Tomas Wendt said he had "
             "\"not ruled anything out.\"\n\n"
             "\"We have not ruled out anything, apart from new taxes,\" Finance Minister Ilse Marr told reporters.\n")

universal = store_fixture({"budget": UNIVERSAL})


@pytest.mark.parametrize("question, verdict", [
    ("Did Speaker Tomas Wendt rule out a Senate vote on the budget?", "No: "),
    ("Did Ilse Marr rule out spending cuts?", "No: "),
    ("Did Ilse Marr rule out new taxes?", None),
])
def test_not_ruled_out_anything_answers_yes_no(universal, question, verdict):
    answers = ask(universal, question)["answers"]
    assert (answers[0]["text"][:4] if answers else None) == verdict
