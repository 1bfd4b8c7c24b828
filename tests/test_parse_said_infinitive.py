"""A to-infinitive after what was said is part of what was said, never the one told: "say she had the
votes to override the veto" names no recipient; "say to the press" does."""
from __future__ import annotations

import pytest

from service.qa import lexicon
from service.qa.parse import parse
from tests.support import LEXICONS, MODELS

LEX = LEXICONS.view(lexicon.build)


@pytest.mark.parametrize("question, recipient, words", [
    ("Did Mara Lind say she had the votes to override the veto?", None, ["votes", "override", "veto"]),
    ("Did Mara Lind say she had the money to build the bridge?", None, ["money", "build", "bridge"]),
    ("What did Mara Lind say to the farmers?", "the farmers", []),
])
def test_parse_said_infinitive(question, recipient, words):
    parsed = parse(question, LEX, MODELS.get())
    assert (parsed.template, parsed.slots.get("recipient"), parsed.words) == ("statements", recipient, words)


def test_parse_who_said_infinitive_words():
    parsed = parse('Who said "We agreed to stop shooting, not to stop defending ourselves"?', LEX, MODELS.get())
    assert parsed.words == ["we", "agreed", "stop", "shooting", "not", "stop", "defending", "ourselves"]
