"""'Asked whether X, Y said: "No."' is Y's denial of X, told as such: "Y denied that X", never "Y said X"
(text written for the project)."""
from __future__ import annotations

from tests.support import answer_texts, store_fixture

TEXTS = {
    "hearing": ("Embassy purchase hearing\n\n"
                "Asked by the committee whether any official had been disciplined, Director Lena Holt said: "
                "\"No. We are waiting for the forensic report.\"\n"),
}

hearing = store_fixture(TEXTS)


def test_answer_asked_whether_no_is_a_denial(hearing):
    answers = answer_texts(hearing, "What did Lena Holt deny?")
    assert answers and "denied that any official had been disciplined" in answers[0]
    assert not any("said any official" in a for a in answer_texts(hearing, "What did Lena Holt say?"))
