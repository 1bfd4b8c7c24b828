"""realis: the status of a meeting verb or noun from its clause, on the real parse of sentences written
for this project."""
from __future__ import annotations

import pytest

from service.ingest.facts import realis
from tests.support import extractor


def _status(text: str, word: str) -> str | None:
    doc, _resolver = extractor().analyse(text)
    tok = next(t for t in doc if t.lower_ == word)
    return realis.of_verb(tok) if tok.pos_ in ("VERB", "AUX") else realis.of_noun(tok, None)


@pytest.mark.parametrize("text, word, status", [
    ("Elena Varga met Tomas Brandt in Vienna.", "met", None),
    ("Tomas Brandt said he had met Elena Varga.", "met", None),
    ("Elena Varga will meet Tomas Brandt.", "meet", "Planned"),
    ("Tomas Brandt said he would meet Elena Varga.", "meet", "Planned"),
    ("Elena Varga is going to meet Tomas Brandt.", "meet", "Planned"),
    ("Elena Varga agreed to meet Tomas Brandt.", "meet", "Planned"),
    ("Elena Varga could meet Tomas Brandt.", "meet", "Hypothetical"),
    ("If Elena Varga meets Tomas Brandt, the strike may end.", "meets", "Hypothetical"),
    ("Anna Lindqvist urged Elena Varga to meet Tomas Brandt.", "meet", "Hypothetical"),
    ("Anna Lindqvist demanded that Elena Varga meet Tomas Brandt.", "meet", "Hypothetical"),
    ("Anna Lindqvist called for talks between Elena Varga and Tomas Brandt.", "talks", "Hypothetical"),
    ("Elena Varga tried to meet Tomas Brandt.", "meet", "Hypothetical"),
    ("Elena Varga did not meet Tomas Brandt.", "meet", "Negated"),
    ("Elena Varga refused to meet Tomas Brandt.", "meet", "Negated"),
    ("Elena Varga managed to meet Tomas Brandt.", "meet", None),
    ("Elena Varga did not manage to meet Tomas Brandt.", "meet", "Negated"),
    ("There was no meeting between Elena Varga and Tomas Brandt.", "meeting", "Negated"),
    ("The upcoming summit between Elena Varga and Tomas Brandt drew protests.", "summit", "Planned"),
    ("The proposed talks between Elena Varga and Tomas Brandt drew protests.", "talks", "Hypothetical"),
    ("During the talks, Elena Varga proposed a joint patrol.", "talks", None),
    ("Elena Varga did not say that she met Tomas Brandt.", "met", None),
])
def test_facts_realis_status(text, word, status):
    assert _status(text, word) == status


@pytest.mark.parametrize("text, word", [
    ("Elena Varga and Tomas Brandt meet in Vienna next week.", "meet"),
])
def test_facts_realis_time_ahead_is_planned(text, word):
    doc, _resolver = extractor().analyse(text)
    tok = next(t for t in doc if t.lower_ == word)
    assert realis.of_verb(tok, "next week") == "Planned"
