""""Did X accept Y's offer of Z?" answered No by "X did not accept the offer" when the offer it names is Y's
offer of Z, reported earlier in the article (aid offered with no recipient named is an offer); never for
goods the offer did not hold. Through the real pipeline, a real store and the question answerer (text
written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Envoy visits Tarnovo\n\n"
        "Prime Minister Mira Kostova proposed a new coast guard school on Monday.\n\n"
        "Norwegian envoy Lars Dahl met Kostova for an hour, officials said. An aide said the envoy had offered "
        "armoured vehicles and training in Norway. Kostova did not accept the offer, the aide said.\n")

tarnovo = store_fixture({"tarnovo": TEXT})


@pytest.mark.parametrize("question, verdict", [
    ("Did Kostova accept Norway's offer of armoured vehicles?", "no"),
    ("Did Kostova accept Dahl's offer of training?", "no"),
    ("Did Kostova accept Dahl's offer of fighter jets?", "not_reported"),
], ids=["offer-by-country", "offer-by-envoy", "goods-not-offered"])
def test_refused_offer_answers_no(tarnovo, question, verdict):
    document = ask(tarnovo, question)
    assert document["verdict"] == verdict, document
    assert all(a["text"].startswith("No: ") for a in document["answers"]), document["answers"]
