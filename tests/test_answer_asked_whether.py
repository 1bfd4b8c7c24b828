"""'Asked whether X, Y said: "No."' is Y's denial of X, told as such: "Y denied that X", never "Y said X";
so is 'Y was asked whether X. "No," she said.'; and "Did Y say X?" answered by that denial is a No (text
written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, ask, store_fixture

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


forum = store_fixture({
    "forum": ("Islands forum ends\n\n"
              "Asked whether the fishing dispute had damaged the council, Premier Tavita Lemalu said: "
              "\"No. Neighbours argue.\"\n\n"
              "Senator Ilse Varga was asked by reporters whether she would withdraw from the race. \"No,\" she "
              "said. \"I am staying.\"\n"),
})


@pytest.mark.parametrize("question, verdict", [
    ("Did Tavita Lemalu say that the fishing dispute had damaged the council?", "no"),  # she denied it
    ("Did Tavita Lemalu deny that the fishing dispute had damaged the council?", "yes"),
    ("Did Ilse Varga agree to withdraw from the race?", "no"),  # asked the sentence before, "No," she said
    ("According to Tavita Lemalu, did the fishing dispute damage the council?", "no"),  # whether she told it
    ("Did the fishing dispute damage the council, according to Tavita Lemalu?", "no"),
])
def test_answer_asked_whether_verdict(forum, question, verdict):
    document = ask(forum, question)
    assert document.get("verdict") == verdict and document["answers"], document
