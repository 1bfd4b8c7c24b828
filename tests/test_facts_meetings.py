"""Facts stage: meetings, on sentences written for this project (tests/data/sentences/meetings.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case, run


@pytest.mark.parametrize("case", cases("meetings"))
def test_facts_meetings(case):
    check_case(case)


def test_facts_meetings_second_report_joins_first():
    text = ("Biden and Xi hold phone call amid Taiwan tensions\n\n"
            "Joe Biden and Xi Jinping spoke by phone for two hours on Thursday, the White House said.")
    facts, _actors = run(text, "2022-07-29")
    meetings = [f for f in facts if f.kind == "Meeting"]
    assert len(meetings) == 1
    assert len(meetings[0].evidence) == 2
    assert (meetings[0].date, meetings[0].duration) == ("2022-07-28", "PT2H")


@pytest.mark.parametrize("text", [
    "Emmanuel Macron spoke by phone with Olaf Scholz on Friday, their first call since they met in Paris in May.",
    "Emmanuel Macron met Olaf Scholz on Friday, weeks after a summit which they held in Paris in May.",
])
def test_facts_meetings_background_meeting_stays_apart(text):
    facts, _actors = run(text, "2023-06-10")
    meetings = [f for f in facts if f.kind == "Meeting"]
    friday = [m for m in meetings if m.date == "2023-06-09"]
    assert len(friday) == 1 and friday[0].place is None  # Paris was the earlier meeting's place


def test_facts_meetings_different_times_do_not_join():
    text = ("Emmanuel Macron met Olaf Scholz on Friday in Berlin.\n\n"
            "Macron and Scholz also met in March at a summit in Brussels.")
    facts, _actors = run(text, "2023-06-10")
    assert len([f for f in facts if f.kind == "Meeting"]) == 2


@pytest.mark.parametrize("text", [
    ("Maria Keller and John Foster met for an hour at the embassy in Vienna on Monday.\n\n"
     "Keller said she had spoken by phone with Foster almost daily in the month before the meeting."),
    ("Maria Keller and John Foster met for an hour at the embassy in Vienna on Monday.\n\n"
     "Keller and Foster spoke by phone again after the meeting."),
    ("Maria Keller and John Foster met for an hour at the embassy in Vienna on Monday.\n\n"
     "Keller and Foster also spoke by phone on Monday."),
])
def test_facts_meetings_calls_apart_from_the_meeting_stay_apart(text):
    facts, _actors = run(text, "2024-05-08")
    meetings = [f for f in facts if f.kind == "Meeting"]
    in_person = [m for m in meetings if m.duration == "PT1H"]
    assert len(meetings) == 2 and len(in_person) == 1
    assert (in_person[0].date, len(in_person[0].evidence)) == ("2024-05-06", 1)


@pytest.mark.parametrize("text, pairs", [
    ("Anna Keller met John Foster and Paul Grant separately on Monday.",
     [{"anna-keller", "john-foster"}, {"anna-keller", "paul-grant"}]),
    ("John Foster and Paul Grant arrived in Oslo on Monday. Anna Keller spoke by phone with both men on Tuesday.",
     [{"anna-keller", "john-foster"}, {"anna-keller", "paul-grant"}]),
    ("Anna Keller met John Foster and Paul Grant on Monday.", [{"anna-keller", "john-foster", "paul-grant"}]),
])
def test_facts_meetings_each_met_apart_is_a_meeting_each(text, pairs):
    facts, _actors = run(text, "2024-05-08")
    assert [set(f.holders) for f in facts if f.kind == "Meeting"] == pairs


def test_facts_meetings_time_told_by_the_meeting_is_not_its_own():
    text = ("Maria Keller and John Foster met for an hour at the embassy in Vienna on Monday.\n\n"
            "Keller said she had spoken by phone with Foster in the week before the meeting.")
    facts, _actors = run(text, "2024-05-08")
    call = [f for f in facts if f.kind == "Meeting" and f.verb == "speak"]
    assert len(call) == 1 and (call[0].time_text, call[0].date) == (None, None)


@pytest.mark.parametrize("text, remote", [
    ("Emmanuel Macron and Olaf Scholz spoke by phone on Friday.", True),
    ("Emmanuel Macron held a phone call with Olaf Scholz on Friday.", True),
    ("The renewed Macron-Scholz telephone diplomacy calmed the markets on Friday.", True),
    ("Emmanuel Macron and Olaf Scholz met in Berlin on Friday.", False),
    ("Emmanuel Macron held talks with Olaf Scholz in Berlin on Friday.", False),
], ids=["phone verb", "phone call noun", "telephone diplomacy", "met", "talks"])
def test_facts_meetings_told_by_phone_are_remote(text, remote):
    facts, _actors = run(text, "2023-06-10")
    meetings = [f for f in facts if f.kind == "Meeting"]
    assert meetings and all(m.remote is remote for m in meetings)


@pytest.mark.parametrize("text", [
    "Emmanuel Macron and Olaf Scholz met in Berlin on Friday, in talks that both sides called useful.",
    "Emmanuel Macron met Olaf Scholz in Berlin on Friday after critics called for a summit.",
], ids=["clause with called", "advcl with called for"])
def test_facts_meetings_call_inside_a_clause_is_not_remote(text):
    facts, _actors = run(text, "2023-06-10")
    meetings = [f for f in facts if f.kind == "Meeting" and f.date == "2023-06-09"]
    assert meetings and not any(m.remote for m in meetings)


@pytest.mark.parametrize("later", [
    "The call lasted about an hour, an aide said.",
    "Their phone call lasted about an hour, an aide said.",
], ids=["the call", "their phone call"])
def test_facts_meetings_call_is_not_the_meeting_in_person(later):
    text = "Emmanuel Macron and Olaf Scholz met in Berlin on Monday to discuss energy prices. " + later
    facts, _actors = run(text, "2024-05-06")
    [berlin] = [f for f in facts if f.kind == "Meeting" and f.place]
    assert berlin.duration is None and len(berlin.evidence) == 1
