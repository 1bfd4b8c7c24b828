""""Did X accept the governor's compromise?" answered from "X rejected the offer" when the offer it answers
is the governor's (its holder is the one "the governor" names); never when the question names another
owner. Through the real pipeline, a real store and the question answerer (text written for the project)."""
from __future__ import annotations

from tests.support import ask, store_fixture

TEXT = ("Budget standoff in Phoenix\n\n"
        "Arizona Governor Ana Ruiz offered a compromise on the water budget on Tuesday. "
        "Senate leader Tom Hale rejected the offer.\n\n"
        "Phoenix Mayor Ines Calder praised the budget.\n")


budget = store_fixture({"budget": TEXT})


def test_owner_of_the_answered_fact(budget):
    document = ask(budget, "Did Hale accept the governor's compromise?")
    assert document["verdict"] == "no" and document["answers"][0]["text"].startswith("No: "), document


def test_another_owner_not_reported(budget):
    document = ask(budget, "Did Hale accept the mayor's compromise?")
    assert document["verdict"] == "not_reported", document["answers"]
