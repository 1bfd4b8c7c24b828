""""X has not ruled out Y" answers no "who rejected Y" or "what did X reject"; a yes/no question on it
still gets its No. Through the real pipeline, a real store and the question answerer (text written for the
project)."""
from __future__ import annotations

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
