"""A question's verb with its object's noun read as the two-word trigger the graph records ("sign a
joint statement": "sign statement"), "joint" dropped when two actors are asked; and the act of "agree to
<verb>" kept as its own slot."""
from __future__ import annotations

import pytest

from service.qa import lexicon
from service.qa.parse import parse
from tests.support import LEXICONS, MODELS

LEX = LEXICONS.view(lexicon.build)


@pytest.mark.parametrize("question, template, verb, words", [
    ("Did Peru and Chile sign a joint statement?", "agreements", "sign statement", ["statement"]),
    ("Did Peru and Chile sign a common declaration?", "agreements", "sign declaration", ["declaration"]),
    ("Did Peru sign the fishing treaty?", "positions", "sign treaty", ["fishing", "treaty"]),
])
def test_parse_verb_object_trigger(question, template, verb, words):
    parsed = parse(question, LEX, MODELS.get())
    assert (parsed.template, parsed.slots.get("verb_lemma"), parsed.words) == (template, verb, words)


@pytest.mark.parametrize("question, act", [
    ("Did Peru agree to lower its tariffs on wine?", "lower"),
    ("Did Chile agree to exempt Peruvian farmers from the levy?", "exempt"),
    ("Did Chile agree to the levy?", None),
])
def test_parse_agreed_act(question, act):
    assert parse(question, LEX, MODELS.get()).slots.get("act") == act
