""""Did X oppose Y?" answered No by "X endorsed Y" (and "did X accept Y?" by "X rejected Y"), as it names Y;
never by a negated fact of the contrary kind: "X did not accept Y" is no No to "did X reject Y?", nor
"X did not reject Y" to "did X accept Y?". Through the real pipeline, a real store and the question
answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Harbour review splits council\n\n"
        "Mayor Ines Calder endorsed the harbour review on Monday.\n\n"
        "Councillor Pavel Ortiz did not accept the harbour review, his spokesman said.\n\n"
        "Senator Hal Brewster did not reject the tram plan on Tuesday.\n\n"
        "Councillor Mia Brandt rejected the tram plan on Wednesday.\n")

harbour = store_fixture({"harbour": TEXT})


@pytest.mark.parametrize("question", [
    "Did Calder oppose the harbour review?",
    "Did Brandt accept the tram plan?",
], ids=["endorsed-not-opposed", "rejected-not-accepted"])
def test_contrary_kind_answers_no(harbour, question):
    document = ask(harbour, question)
    assert document["verdict"] == "no" and document["answers"][0]["text"].startswith("No: "), document


@pytest.mark.parametrize("question", [
    "Did Ortiz reject the harbour review?",
    "Did Brewster accept the tram plan?",
], ids=["not-accepted-is-no-no-to-rejected", "not-rejected-is-no-no-to-accepted"])
def test_negated_contrary_no_verdict(harbour, question):
    document = ask(harbour, question)
    assert document["verdict"] != "no", document["answers"]
