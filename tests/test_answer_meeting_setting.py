"""A meeting question that names where ("in Oslo") or what for ("for breakfast") is answered only by
meetings whose fact or report names it: an earlier meeting of the same two people elsewhere, or another
meeting of the same person, is another event; and "when did they meet" is not answered by the call that
prepared the meeting. Through the real pipeline and store (text written for the
project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Trade envoys meet again\n\n"
        "OSLO -- Trade envoy Mara Lind and Vice Minister Chen Bo met in Oslo on Sunday for six hours. "
        "Lind and Chen last met in Lisbon in June. "
        "Separately, Lind met the Dutch envoy Joost Smit for breakfast on Saturday at her hotel. "
        "Lind also met Dana Holt of Canada for about twenty minutes late on Saturday. "
        "Lind and Chen had spoken by phone on Thursday to prepare the talks.\n")

envoys = store_fixture({"envoys": TEXT})


@pytest.mark.parametrize("question, wanted, unwanted", [
    ("Where did Mara Lind and Chen Bo meet in Oslo?", "Oslo", "Lisbon"),
    ("When did Lind and Chen meet in Lisbon?", "Lisbon", "Oslo"),
    ("Who did Mara Lind meet for breakfast?", "Joost Smit", "Dana Holt"),
])
def test_answer_meeting_setting_names_the_meeting(envoys, question, wanted, unwanted):
    texts = [a["text"] for a in ask(envoys, question)["answers"]]
    assert texts and all(unwanted not in t for t in texts) and any(wanted in t for t in texts)


def test_answer_meeting_setting_unknown_gives_no_answer(envoys):
    doc = ask(envoys, "Who did Mara Lind meet in Geneva?")
    assert not doc["answers"] and "geneva" in doc["message"].lower()


@pytest.mark.parametrize("question, remote", [("When did Mara Lind and Chen Bo meet?", False),
                                              ("When did Mara Lind and Chen Bo speak by phone?", True)])
def test_answer_meeting_setting_a_call_is_no_meeting(envoys, question, remote):
    texts = [a["text"] for a in ask(envoys, question)["answers"]]
    assert texts and all(("remotely" in t) == remote for t in texts)


# a place no name says ("at a hotel", "at the Austrian mission") is told as written
VENUES = ("Envoys meet twice\n\n"
          "Foreign Minister Lena Kovac met Ivo Brandt on Monday at the Austrian mission, according to a diplomat. "
          "She met Tomas Ferrada the following day at a hotel in Vienna.\n")

venues = store_fixture({"venues": VENUES})


@pytest.mark.parametrize("question, wanted", [
    ("Where did Lena Kovac and Ivo Brandt meet?", "at the Austrian mission"),
    ("Where did Kovac meet Tomas Ferrada?", "at a hotel in Vienna"),
])
def test_answer_meeting_setting_venue_as_written(venues, question, wanted):
    texts = [a["text"] for a in ask(venues, question)["answers"]]
    assert texts and wanted in texts[0]
