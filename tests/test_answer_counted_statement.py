"""A how-many question no estimate answers is answered by a statement whose own words give the number of
what is counted and no other ("visited 412 polling stations, Ruiz said"); a statement that counts something
else, gives no number, or gives another figure beside it, is no answer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXTS = {
    "mission": ("A slow count in the south\n\n"
                "DODOMA — Ana Ruiz leads the observer mission. Observers visited 412 polling stations, Ruiz said. "
                "She said the observers had met many voters in 19 regions and had seen 30 ballot boxes opened "
                "late. She said the count was slow.\n"),
}


mission = store_fixture(TEXTS, published="2024-05-08")


@pytest.mark.parametrize("question, wanted", [
    ("How many polling stations did the observers visit?", "412"),
])
def test_answer_counted_statement_gives_the_number(mission, question, wanted):
    assert any(wanted in a for a in answer_texts(mission, question))


@pytest.mark.parametrize("question", [
    "How many voters did the observers meet?", "How many ballots were spoiled?",
    "How many regions did the observers visit?",  # told beside another figure: which one, the answer cannot show
])
def test_answer_counted_statement_without_the_number_is_none(mission, question):
    assert answer_texts(mission, question) == []
