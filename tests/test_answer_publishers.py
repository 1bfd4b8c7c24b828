"""Which outlet reported something ("which news agency reported the ceasefire?"): the publishers of the
documents holding every word of it, each quoted where the words are; never an outlet the report only
quotes, nor one whose report lacks a word. Through the real pipeline, a real store and the question
answerer (reports written for this project: invented people, real countries as settings)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, ask, store_fixture

WIRE = ("Chile and Peru agree harbour truce after night of talks",
        "ARICA, May 6 (Pacific Wire) - Chile and Peru agreed on Monday to a truce over the disputed harbour, "
        "the two delegations said. Tomas Varela, an opposition deputy, told Radio Costa the truce would fail.",
        "Pacific Wire")
DAILY = ("Lima budget passes", "Peru's Congress passed the budget on Monday. Rosa Inca, the finance minister, "
         "said the harbour would reopen in June.", "Lima Daily Ledger")

reports = store_fixture({"wire": WIRE, "daily": DAILY})


@pytest.mark.parametrize("question, said, never", [
    ("Which news agency reported the harbour truce?", "Pacific Wire", "Radio Costa"),
    ("Which newspaper reported the budget?", "Lima Daily Ledger", "Pacific Wire"),
    ("Which outlets reported the Martian invasion?", None, "reported it"),
], ids=["agency-of-the-report", "newspaper-of-the-report", "no-report-holds-the-words"])
def test_answer_publishers_of_the_reports(reports, question, said, never):
    texts = " | ".join(answer_texts(reports, question))
    assert (said is None or said in texts) and never not in texts


def test_answer_publishers_quote_the_words(reports):
    answer = ask(reports, "Which news agency reported the harbour truce?")["answers"][0]
    quote = answer["provenance"][0]["quote"].lower()
    assert "harbour" in quote and "truce" in quote
