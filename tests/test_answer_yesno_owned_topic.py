"""'Did X agree to Y's 30-day deadline?': every word of the object after its owner must be in the fact that
gives the verdict, also when the owner is looked for in the text: an agreement of X's to something else that
Y reports is no Yes. Through the real pipeline and store (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Tariff truce extended\n\n"
        "According to trade envoy Mara Lind, Brazil and Canada agreed on Sunday to extend their tariff truce "
        "for another 90 days. Lind said she had given Brazil a 30-day deadline to cut its steel duties.\n")

truce = store_fixture({"truce": TEXT})


@pytest.mark.parametrize("question", ["Did Brazil agree to Lind's 30-day deadline?",
                                      "Did Brazil accept Lind's 30-day deadline?"])
def test_answer_yesno_owned_topic_no_yes_from_another_deal(truce, question):
    answers = ask(truce, question)["answers"]
    assert not any(a["text"].startswith("Yes") for a in answers)


def test_answer_yesno_owned_topic_yes_when_told(truce):
    answers = ask(truce, "Did Brazil agree to extend the tariff truce?")["answers"]
    assert answers and answers[0]["text"].startswith("Yes")
