""""Who rejected the proposal to widen the group of donors?": a rejection told as "rejected the proposal"
is matched against the passage of the proposal it names (kg:respondsTo), which tells what was proposed;
a question about another proposal gets no answer. Through the real pipeline, a real store and the
question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Donors split in Lima\n\n"
        "Canada's climate envoy, Mara Lind, said her country remained a large provider of climate finance and "
        "proposed widening the group of contributing countries to include the wealthy Gulf states.\n\n"
        "Peru's chief negotiator, Ana Ruiz, rejected the proposal. She said the convention's lists were fair.\n")

donors = store_fixture({"donors": TEXT})


@pytest.mark.parametrize("question, wanted", [
    ("Who rejected the proposal to widen the group of countries that pay climate finance?", "Ana Ruiz"),
    ("Who rejected the proposal to cut fishing quotas?", None),
])
def test_answer_referent_passage_tells_what_was_rejected(donors, question, wanted):
    texts = [a["text"] for a in ask(donors, question)["answers"]]
    assert (wanted in texts[0]) if wanted else not texts
