"""An estimates question "according to X" is answered by X's own figures: by the actor X names when there is
one (not by another speaker whose quote names X; then figures with no source named, in reports whose headline
names X, told as relaxed), else by figures whose fact or passage names every word of X, an acronym by its
written-out name (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXTS = {
    "harbour": ("Harbour toll dispute deepens\n\n"
                "The Port Authority estimated that the new toll would cost shippers about 9 million dollars a "
                "year. Mirela Novak of the Adriatic Freight Institute estimated the toll's cost to shippers at "
                "about 4 million dollars, \"far below what the Port Authority claims.\"\n"),
    "strait": ("Strait fishing fleet keeps growing\n\n"
               "The Coastal Fisheries Authority estimates that about 40,000 boats fish the strait.\n"),
    "march": ("March for the river draws crowds\n\n"
              "The organisers said the march drew 40,000 people; the city's civil protection office put the figure "
              "at about 12,000.\n"),
    "watchdog": ("IAEA report finds uranium stockpile growing",
                 "The agency's quarterly report estimated that the stockpile of enriched uranium had grown to about "
                 "210 kilograms. Inspectors of the International Atomic Energy Agency visited the plant twice, "
                 "officials said."),
}

harbour = store_fixture(TEXTS)


@pytest.mark.parametrize("question, figure, other", [
    ("How much would the toll cost shippers according to the Port Authority?", "9 million", "4 million"),
    ("How much would the toll cost shippers according to Mirela Novak?", "4 million", "9 million"),
], ids=["the body", "the economist"])
def test_answer_estimate_sources_only_the_named_source(harbour, question, figure, other):
    answers = answer_texts(harbour, question)
    assert answers and all(figure in a and other not in a for a in answers)


def test_answer_estimate_sources_unnamed_source_answers_nothing(harbour):
    assert answer_texts(harbour, "How much would the toll cost shippers according to the finance minister?") == []


@pytest.mark.parametrize("question, figure", [
    ("How many boats fish the strait, according to the CFA?", "40,000"),
    ("How much enriched uranium is in the stockpile, according to the IAEA?", "210"),
], ids=["acronym written out", "unsourced in a report naming it"])
def test_answer_estimate_sources_named_another_way(harbour, question, figure):
    answers = answer_texts(harbour, question)
    assert answers and figure in answers[0]


def test_answer_estimate_sources_body_no_actor_named_as_written(harbour):
    # the office is named but is no actor: its figure is told as its own, never as the outlet's or the organisers'
    answers = answer_texts(harbour, "How many people did the march draw, according to the city's civil protection "
                                    "office?")
    assert answers and answers[0].startswith("According to the city's civil protection office")
    assert "12,000" in answers[0] and "40,000" not in answers[0]
