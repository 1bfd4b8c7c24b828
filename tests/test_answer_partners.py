"""A question asking whom someone met ("who did X meet", "who met X") is answered by the meetings that
name someone besides X; one told with no one else named ("X has met with 40 mayors") answers it only when
none does (tests/test_render_one_side.py) (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXTS = {
    "mayors": ("A nominee's round of visits\n\n"
               "Ingrid Solberg has met with 40 mayors since her nomination, her office said. One of those "
               "meetings was with Pablo Ortiz, in his office last Tuesday, and it lasted about an hour.\n"),
}


mayors = store_fixture(TEXTS)




@pytest.mark.parametrize("question", [
    "Who did Ingrid Solberg meet?",
    "Which mayor did Ingrid Solberg meet?",
    "Who met Ingrid Solberg?",
])
def test_answer_partners_only_meetings_naming_another(mayors, question):
    answers = answer_texts(mayors, question)
    assert answers and all("Pablo Ortiz" in a for a in answers)

