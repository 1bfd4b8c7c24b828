"""wording: an inflection that doubles a final consonant is undone with it: a question's "letting" is the
text's "let", "stopped" its "stop"; a word whose own letters are doubled keeps them ("calling" is "call")."""
from __future__ import annotations

import pytest

from service.qa.wording import same_word, stem


@pytest.mark.parametrize("question_word, token, same", [
    ("letting", "let", True), ("letting", "lets", True), ("stopped", "stop", True), ("stopping", "stops", True),
    ("planned", "plan", True), ("winners", "win", True), ("calling", "call", True), ("calling", "cal", False),
    ("dressed", "dress", True), ("letting", "lettuce", False), ("banned", "banks", False),
])
def test_wording_doubled_stem(question_word, token, same):
    assert same_word(token, stem(question_word)) is same
