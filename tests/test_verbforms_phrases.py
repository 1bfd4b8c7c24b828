"""qa.verbforms: the verb phrase of a hedged fact, a past form's verb and its participle, over the
built-in question lexicon."""
from __future__ import annotations

import pytest

from service.qa import verbforms
from service.qa.lexicon import build
from tests.support import LEXICONS

LEX = build(LEXICONS)


@pytest.mark.parametrize("said, hedged", [
    ("will reduce", "may reduce"),
    ("will not lift", "may not lift"),
    ("did not sign", "may not have signed"),
    ("is worried", "may be worried"),
    ("are not committed to", "may not be committed to"),
    ("proposed", "may have proposed"),
    ("took part", "may have taken part"),
    ("intends", "may intend"),
])
def test_verbforms_hedge(said, hedged):
    assert verbforms.hedge(said, LEX) == hedged


@pytest.mark.parametrize("word, lemma", [("proposed", "propose"), ("said", "say"), ("accepted", "accept"),
                                         ("criticized", "criticize")])
def test_verbforms_lemma_of(word, lemma):
    assert verbforms.lemma_of(word, LEX) == lemma
