""""Who chaired the talks in Nairobi?" answered by "X chaired the session": an act whose object is a
meeting noun is done to the meeting it was held at, so the question's meeting noun is that meeting and its
other words are matched with the meeting's place; never for another kind of noun or another meeting's
words. Through the real pipeline, a real store and the question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXT = ("Lake Basin water talks end with a timetable\n\n"
        "Uganda and Tanzania held talks in Nairobi on Monday over the Lake Basin water dispute. Kenya's foreign "
        "minister, Amos Kiprotich, chaired the session, which lasted six hours.\n")

talks = store_fixture({"talks": TEXT})


@pytest.mark.parametrize("question, expected", [
    ("Who chaired the talks in Nairobi?", "Amos Kiprotich"),
    ("Who chaired the meeting in Nairobi?", "Amos Kiprotich"),
], ids=["talks-in-place", "meeting-in-place"])
def test_answer_chaired_occasion_named_by_meeting_noun(talks, question, expected):
    answers = answer_texts(talks, question)
    assert answers and expected in answers[0], answers


@pytest.mark.parametrize("question", [
    "Who chaired the summit in Lima?",
    "Who chaired the committee in Nairobi?",
], ids=["another-meeting", "not-a-meeting-noun"])
def test_answer_chaired_occasion_not_another(talks, question):
    assert not any("Kiprotich" in a for a in answer_texts(talks, question))
