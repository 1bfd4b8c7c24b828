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


SAID_TITLE = "Okafor: New Tariffs Will Hurt Dairy Farmers"
SAID_TEXT = SAID_TITLE + ".\n\nSenator Grace Okafor spoke to reporters in Lagos on Monday about the trade talks.\n"


def test_facts_headline_with_final_period_is_the_headline():
    """A headline printed with a period the title lacks is still the headline: its colon statement is read."""
    facts, resolver = extractor().facts(SAID_TEXT, title=SAID_TITLE)
    said = [f for f in facts if f.kind == "Statement" and f.evidence[0].start < len(SAID_TITLE)]
    assert [resolver.actors[k].label for f in said for k in f.holders] == ["Grace Okafor"]
    assert said[0].content.startswith("New Tariffs Will Hurt Dairy Farmers")
