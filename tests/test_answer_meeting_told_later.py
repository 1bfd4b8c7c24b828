"""Meeting questions over meetings whose details are told in later sentences ("Tuesday's session ... lasted
nearly five hours", "The meeting lasted ... and was held at Z"), asked with the meeting's own noun ("hold
coalition talks with", "Tuesday's session between X and Y") or for its topic ("what did they discuss"),
which a meeting told with none does not answer. Through the real pipeline and store (text written for the
project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXT = ("Party leaders end second day of talks\n\n"
        "The talks, between Mara Lind, the leader of the Green Party, and Joost Smit, who chairs the Liberal "
        "Party, were held at Lind's office on the edge of the capital. Tuesday's session began at nine and "
        "lasted nearly five hours, an aide said.\n\n"
        "Lind met the farmers' union leader, Dana Holt, on Monday to discuss fuel prices.\n\n"
        "Smit met Ivo Brandt of the Harbour Party on Wednesday. The meeting lasted about 40 minutes and was "
        "held at the Harbour conference centre, a statement said. The statement did not say what was "
        "discussed.\n")

talks = store_fixture({"talks": TEXT}, published="2024-05-09")


@pytest.mark.parametrize("question, wanted, unwanted", [
    ("Who did Mara Lind hold coalition talks with on Tuesday?", "Joost Smit", "Dana Holt"),
    ("How long did Tuesday's session between Lind and Smit last?", "five hours", "40 minutes"),
    ("Where did Smit and Ivo Brandt meet?", "Harbour conference centre", "Lind's office"),
    ("What did Lind and Dana Holt discuss?", "fuel prices", "40 minutes"),
])
def test_answer_meeting_told_later_details(talks, question, wanted, unwanted):
    texts = answer_texts(talks, question)
    assert texts and any(wanted in t for t in texts) and all(unwanted not in t for t in texts)


def test_answer_meeting_told_later_no_topic_no_answer(talks):
    assert answer_texts(talks, "What did Smit and Ivo Brandt discuss at their meeting?") == []
