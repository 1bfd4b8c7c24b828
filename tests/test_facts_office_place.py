"""A meeting "at the Uzbek foreign ministry" took place at an office, not in "Uzbekistan" as a whole: the
dateline's city, when there is one, is its place, else none (sentences written for this project)."""
from __future__ import annotations

import pytest

from tests.facts_support import label, run

TALKS = ("Bakyt Oruzbaev of Kyrgyzstan and Jamshed Nazarzoda of Tajikistan held talks for 50 minutes at the "
         "Uzbek foreign ministry")


@pytest.mark.parametrize("text, place", [
    ("TASHKENT, Uzbekistan (Steppe Wire) — " + TALKS + ", officials said.", "Tashkent"),
    (TALKS + ".", None),
], ids=["dateline", "none"])
def test_office_named_by_demonym_is_no_place(text, place):
    facts, actors = run(text)
    assert [label(f.place, actors) for f in facts if f.kind == "Meeting"] == [place]
