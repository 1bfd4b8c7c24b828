""""Did X accept Y's offer of Z?" answered No by "X did not accept the offer" when the offer it names is Y's
offer of Z, reported earlier in the article (aid offered with no recipient named is an offer), and "did X
accept Y's proposal to Z?" by "X did not accept the idea" naming Y's proposal (the question's noun names
the kind of the fact answered); never for what the offer or proposal did not hold. Through the real
pipeline, a real store and the question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Envoy visits Tarnovo\n\n"
        "Prime Minister Mira Kostova proposed a new coast guard school on Monday.\n\n"
        "Norwegian envoy Lars Dahl met Kostova for an hour, officials said. An aide said the envoy had offered "
        "armoured vehicles and training in Norway. Kostova did not accept the offer, the aide said.\n")
NAVIES = ("Navies to talk again\n\n"
          "Prime Minister Mira Kostova met Norwegian envoy Lars Dahl on Friday. Kostova said she had proposed to "
          "Dahl that the two navies train together in June. Dahl did not accept the idea, an official said.\n")

tarnovo = store_fixture({"tarnovo": TEXT, "navies": NAVIES})


@pytest.mark.parametrize("question, verdict", [
    ("Did Kostova accept Norway's offer of armoured vehicles?", "no"),
    ("Did Kostova accept Dahl's offer of training?", "no"),
    ("Did Kostova accept Dahl's offer of fighter jets?", "not_reported"),
    ("Did Dahl accept Kostova's proposal to train the two navies together?", "no"),
    ("Did Dahl accept Kostova's proposal to buy new ships?", "not_reported"),
], ids=["offer-by-country", "offer-by-envoy", "goods-not-offered", "proposal-named-by-noun", "other-proposal"])
def test_refused_offer_answers_no(tarnovo, question, verdict):
    document = ask(tarnovo, question)
    assert document["verdict"] == verdict, document
    assert all(a["text"].startswith("No: ") for a in document["answers"]), document["answers"]
