"""A yes/no question about a deal is answered No when the text tells that it was not reached: talks that
ended without it, parties that failed to agree on it. Through the real pipeline, a real store and the
question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Ukraine and Russia end Istanbul talks\n\n"
        "Ukraine and Russia ended three days of talks in Istanbul on Friday without a ceasefire, officials said.\n\n"
        "The two sides failed to agree on a prisoner exchange.\n")


talks = store_fixture({"talks": TEXT}, published="2025-10-01")


@pytest.mark.parametrize("question, quote", [
    ("Did Ukraine and Russia agree on a ceasefire?", "without a ceasefire"),
    ("Did Russia agree to a prisoner exchange?", "failed to agree on a prisoner exchange"),
], ids=["ended-without", "failed-to-agree"])
def test_answer_unreached_deal_is_no(talks, question, quote):
    answers = ask(talks, question)["answers"]
    assert answers and answers[0]["text"].startswith("No:")
    assert any(quote in p["quote"] for p in answers[0]["provenance"])
