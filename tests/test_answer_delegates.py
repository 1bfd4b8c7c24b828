"""A group that acts for a government ("Peruvian government negotiators") answers for it when nothing
the government itself did does: "what did the Peruvian government and the rebels agree to?". Through the
real pipeline, a real store and the question answerer (text written for the project)."""
from __future__ import annotations

from tests.support import answer_texts, store_fixture

TEXT = ("Talks resume in Havana\n\n"
        "Peruvian government negotiators and Shining Path rebels agreed on Tuesday to swap lists of prisoners "
        "before the next round in Havana.\n")


havana = store_fixture({"havana": TEXT})


def test_government_reaches_its_negotiators(havana):
    texts = " | ".join(answer_texts(havana,
        "What did the Peruvian government and the rebels agree to?"))
    assert "swap lists of prisoners" in texts
