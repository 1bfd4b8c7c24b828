""""Did X oppose the tram line to the harbour?" answered from "X did not oppose the line" when an earlier
sentence of the same article tells which line ("a new tram line to the harbour"), that sentence cited
too; never when the article's line is another one, nor for a noun naming a fact ("the proposal": which of
two, kg:respondsTo tells or nothing does). Through the real pipeline, a real store and the
question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Harbour tram approved in Dunmore\n\n"
        "The Dunmore council on Monday approved a new tram line to the harbour after months of debate.\n\n"
        "Councillor Pavel Ortiz did not oppose the line, his office said. "
        "Mayor Ines Calder welcomed the decision.\n\n"
        "Councillor Ana Ruiz proposed a harbour tax. Councillor Tom Hale proposed a tram fare freeze. "
        "Mayor Ines Calder rejected the proposal.\n\n"
        "Dunmore imposed duties on imported granite in May. Councillor Ana Ruiz demanded that the duties be "
        "lifted at once. Mayor Ines Calder rejected the demand.\n")


tram = store_fixture({"tram": TEXT})


@pytest.mark.parametrize("question, settling", [
    ("Did Ortiz oppose the tram line to the harbour?", "tram line to the harbour"),
    ("Did Calder agree to lift the granite duties?", "duties on imported granite"),
], ids=["its-own-object", "the-object-of-the-demand-it-rejects"])
def test_settled_object_answers(tram, question, settling):
    document = ask(tram, question)
    answers = document["answers"]
    assert document["verdict"] == "no" and answers[0]["text"].startswith("No: "), document
    quotes = [p["quote"] for p in answers[0]["provenance"]]
    assert any(settling in q for q in quotes), quotes


@pytest.mark.parametrize("question", [
    "Did Ortiz oppose the bus line to the airport?",
    "Did Ortiz oppose the harbour tunnel?",
    "Did Calder accept the proposal of a harbour tax?",
    "Did Calder agree to lift the steel duties?",
], ids=["another-line", "another-head-noun", "which-of-two-proposals", "other-duties"])
def test_unsettled_object_not_reported(tram, question):
    document = ask(tram, question)
    assert document["verdict"] == "not_reported", document["answers"]
