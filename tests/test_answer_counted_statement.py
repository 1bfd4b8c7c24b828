"""A how-many question no estimate answers is answered by a statement whose own words give the number of
what is counted and no other ("visited 412 polling stations, Ruiz said"), or, beside other figures, the one
the asked act itself counts ("had freed 16 hostages ... than the 12 reported"), or an act told with the asked
verb and its count ("Kenya freed 12 prisoners", in the agency's report); a statement that counts
something else, gives no number, or another figure beside it, is no answer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXTS = {
    "mission": ("A slow count in the south\n\n"
                "DODOMA — Ana Ruiz leads the observer mission. Observers visited 412 polling stations, Ruiz said. "
                "She said the observers had met many voters in 19 regions and had seen 30 ballot boxes opened "
                "late. She said the count was slow.\n"),
    "hostages": ("Hostages freed in the north\n\n"
                 "ARUSHA — The police freed 16 hostages on Monday, Tanzania's interior ministry said, giving a higher "
                 "figure than the 12 reported by a local radio station. The ministry said officers had searched 40 "
                 "houses and questioned 9 villagers.\n"),
    "wire": ("Kenya frees prisoners at border\n\n"
             "NAMANGA, May 4 (Savanna News Agency) - Kenya freed 12 prisoners, among them a Tanzanian journalist, "
             "at the Namanga border crossing on Thursday. Kenya also closed 3 crossings for the day.\n"),
}


mission = store_fixture(TEXTS, published="2024-05-08")


@pytest.mark.parametrize("question, wanted", [
    ("How many polling stations did the observers visit?", "412"),
    ("How many hostages did the police free, according to Tanzania's interior ministry?", "16"),
    ("How many prisoners did Kenya free, according to the Savanna News Agency?", "12"),  # an act told with its count
])
def test_answer_counted_statement_gives_the_number(mission, question, wanted):
    assert any(wanted in a for a in answer_texts(mission, question))


@pytest.mark.parametrize("question", [
    "How many voters did the observers meet?", "How many ballots were spoiled?",
    "How many regions did the observers visit?",  # told beside another figure: which one, the answer cannot show
    "How many hostages did the police release?",  # beside another figure, and told with another verb
    "How many villagers did the police free?",  # a figure beside others, of another act
    "How many journalists did Kenya free?",  # an act told with a count of something else
    "How many prisoners did Kenya free, according to Tanzania's interior ministry?",  # another source's report
])
def test_answer_counted_statement_without_the_number_is_none(mission, question):
    assert answer_texts(mission, question) == []
