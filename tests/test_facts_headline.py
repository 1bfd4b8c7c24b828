"""facts: a headline is read for what the lexicon knows only (it is telegraphic, and the body says it again)."""
from __future__ import annotations

from tests.support import extractor

TITLE = "ASEAN leaders split over Myanmar as Guyana accuses Venezuela of border build-up"
TEXT = TITLE + "\n\nVIENTIANE — Southeast Asian leaders ended a summit on Friday.\n"


def _facts():
    return extractor().facts(TEXT, title=TITLE)[0]


def test_facts_headline_keeps_lexicon_facts():
    assert any(f.kind == "Accusation" and f.evidence[0].start < len(TITLE) for f in _facts())


def test_facts_headline_has_no_generic_actions():
    assert not [f for f in _facts() if f.kind == "Action" and f.evidence[0].start < len(TITLE)]
