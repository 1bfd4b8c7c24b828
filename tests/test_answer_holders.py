"""Who a sentence names: governments by a natural name (or the city the question used for them), one
holder with a singular verb, and for a question naming several holders what they hold together first."""
from __future__ import annotations

import pytest

from service.qa import render
from tests.support import kgqa


def run(store, question):
    return kgqa(store).ask(question, link_root="http://kgqa.test/")


@pytest.mark.parametrize("label, natural", [
    ("Government of Russia", "Russia's government"),
    ("Government of United States", "the United States government"),
    ("Government of the United Kingdom", "United Kingdom's government"),
    ("Vladimir Putin", "Vladimir Putin"),
])
def test_answer_holders_government_named_naturally(label, natural):
    assert render.natural(label) == natural


@pytest.mark.parametrize("label, several", [
    ("military planners", True), ("United States", False), ("the United States government", False),
    ("Russia's government", False), ("officials", True),
])
def test_answer_holders_plural(label, several):
    assert render.plural(label) is several


def test_answer_holders_city_named_as_asked(qa_store):
    texts = [a["text"] for a in run(qa_store, "What does Moscow fear?")["answers"]]
    assert texts and all(t.startswith("Moscow ") for t in texts)


@pytest.mark.parametrize("question", ["What did Biden and Putin propose?"])
def test_answer_holders_each_when_none_together(qa_store, question):
    holders = {a["values"]["holder"]["label"] for a in run(qa_store, question)["answers"]}
    assert holders == {"Joe Biden", "Vladimir Putin"}


@pytest.mark.parametrize("attribution, holders, expected", [
    ("Brazilian President Luiz Inacio Lula da Silva has said", ["Luiz Inacio Lula da Silva"], ""),
    ("obama told", [], "According to Obama"),
    ("He revealed", [], ""),
    ("officials said", [], "According to officials"),
])
def test_answer_holders_attribution_readable(attribution, holders, expected):
    assert render.according(attribution, [], "the talks failed", holders) == expected
