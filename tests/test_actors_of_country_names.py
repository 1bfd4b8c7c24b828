"""A name the tagger missed or took for a place, told as a person from a country in a subject ("X Y of
Ruritania and Z W of Elbonia held talks"), is a person, and so is its surname later on; a body the tagger
names ("the Supreme Court of Brazil") is not (sentences written for this project)."""
from __future__ import annotations

import pytest

from tests.support import extractor

TALKS = ("Bakyt Oruzbaev of Kyrgyzstan and Jamshed Nazarzoda of Tajikistan held talks for an hour. "
         "Nazarzoda confirmed the prisoner release later that day.")


@pytest.mark.parametrize("key", ["bakyt-oruzbaev", "jamshed-nazarzoda"])
def test_of_country_name_is_person(key):
    _, resolver = extractor().facts(TALKS)
    assert resolver.actors[key].kind == "Person"


def test_of_country_surname_speaks():
    facts, _ = extractor().facts(TALKS)
    assert [f.holders for f in facts if f.kind == "Statement"] == [["jamshed-nazarzoda"]]


@pytest.mark.parametrize("text", ["The Supreme Court of Brazil ruled on Monday that the law was void.",
                                  "Constitutional Council of France rejected the law."])
def test_of_country_body_is_no_person(text):
    _, resolver = extractor().facts(text)
    assert not [a for a in resolver.actors.values() if a.kind == "Person"]
