""""X did not ask for Y" answers no "what did X demand", as "has not ruled out" answers no "what did X
reject"; the demand she did make still answers. Through the real pipeline, a real store and the question
answerer (text written for the project)."""
from __future__ import annotations

from tests.support import answer_texts, store_fixture

TEXT = ("Port dispute drags on\n\n"
        "Trade Commissioner Marta Olsen demanded that Norway reopen the harbour at Kirkenes. "
        "\"We have not asked for a single new quota,\" Olsen told reporters.\n")

harbour = store_fixture({"harbour": TEXT})


def test_negated_stance_is_no_answer(harbour):
    texts = " | ".join(answer_texts(harbour, "What did Marta Olsen demand?"))
    assert "harbour" in texts and "quota" not in texts
