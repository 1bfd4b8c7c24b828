""""When did X VERB Y" over any kind of fact: answered by the fact told with its time, recalled history
too; a fact told with no time gives no answer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXTS = {
    "court": ("A border ruling recalled\n\n"
              "Chile and Peru signed a fisheries accord on Monday. The International Tribunal for the Law of the Sea "
              "awarded the disputed reef to Peru in 1998 and ruled on the fishing rights last month. "
              "The Chilean fisheries minister, Rosa Quintana, proposed joint patrols.\n"),
}


court = store_fixture(TEXTS, published="2026-11-20")


@pytest.mark.parametrize("question, told", [
    ("When did the International Tribunal for the Law of the Sea award the disputed reef to Peru?", "1998"),
])
def test_answer_when_any_fact_gives_its_time(court, question, told):
    answers = answer_texts(court, question)
    assert answers and all(told in a for a in answers)


@pytest.mark.parametrize("question", [
    "When did Rosa Quintana propose joint patrols?",
])
def test_answer_when_any_fact_untimed_no_answer(court, question):
    assert answer_texts(court, question) == []
