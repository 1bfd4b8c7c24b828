""""Who signed the border agreement?": the kind is the object's (an agreement), and the signings answer
alone when any is told ("signed the border agreement" told with "sign agreement"); other agreements on a
border do not. Through the real pipeline, a real store and the question answerer (text written for the
project)."""
from __future__ import annotations

from tests.support import answer_texts, store_fixture

TEXT = ("Chile and Peru settle sea border\n\n"
        "Chile and Peru agreed on most of their maritime border on Monday. "
        "Chilean President Ana Ruiz and Peruvian President Luis Vega signed the border agreement in Lima. "
        "Bolivia and Brazil agreed to open a new border crossing.\n")

border = store_fixture({"border": TEXT})


def test_signed_answers_signings_only(border):
    texts = " | ".join(answer_texts(border, "Who signed the border agreement?"))
    assert "Ana Ruiz" in texts and "Luis Vega" in texts and "Bolivia" not in texts
