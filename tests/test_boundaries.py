"""Sentence starts set before the parser (service/boundaries.py), on sentences written for this project."""
from __future__ import annotations

import pytest

from tests.support import extractor


@pytest.mark.parametrize(("text", "starts"), [
    ('The vote was set for 9 p.m. "We will win it," Ruiz said.', ['"We']),
    ('Talks resumed in the U.S. “Nothing is agreed yet,” an aide said.', ["“Nothing"]),
    ('Gen. "Mad Dog" Ortiz retired in May.', []),  # a title before a nickname: one sentence
    ('The envoy arrived at 9 a.m. "on time", officials said.', []),  # a quote opening in lower case
])
def test_boundaries_quote_after_abbreviation_starts_a_sentence(text, starts):
    doc = extractor().nlp(text)
    found = [f"{s[0].text}{s[1].text}" for s in list(doc.sents)[1:]]
    assert found == starts
