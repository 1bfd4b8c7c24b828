"""A place a question names ("agree on a ceasefire in Lima") is matched by where the fact's occasion was
held, when the sentence names the place otherwise ("in the Peruvian capital", under a Lima dateline);
another place is not. Through the real pipeline, a real store and the question answerer (text written
for the project)."""
from __future__ import annotations

from tests.support import ask, store_fixture

TEXT = ("Border talks end without truce\n\n"
        "LIMA (Andes Wire) \u2014 Peru and Chile ended two days of talks in the Peruvian capital on Friday "
        "without a ceasefire.\n")


talks = store_fixture({"talks": TEXT})


def test_occasion_place_answers(talks):
    document = ask(talks, "Did Peru and Chile agree on a ceasefire in Lima?")
    assert document["verdict"] == "no", document["answers"]


def test_other_place_is_not_reported(talks):
    document = ask(talks, "Did Peru and Chile agree on a ceasefire in Quito?")
    assert document["verdict"] == "not_reported", document["answers"]
