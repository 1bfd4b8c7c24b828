"""Ordinary phrasings read as the clause they ask about (questions written for this project): a leading
"according to X," is the source; "when did X VERB Y" asks the time of any kind of fact; a meal had with
someone is a meeting; after do-support a lower-case word after a capitalized name is the verb."""
from __future__ import annotations

import pytest

from tests.test_parse_questions import read


@pytest.mark.parametrize("question, template, according, yesno", [
    ("According to Lena Varga, did the strike damage the coalition?", "actions", "Lena Varga", True),
    ("According to the Finnish foreign minister, will the tariff cut go ahead in May?", "actions",
     "the Finnish foreign minister", True),
    ("According to Omar Diallo, did Senegal reject the offer?", "positions", "Omar Diallo", True),
])
def test_parse_question_forms_leading_source(question, template, according, yesno):
    parsed = read(question)
    assert (parsed.template, parsed.slots.get("according"), parsed.yesno) == (template, according, yesno)


@pytest.mark.parametrize("question, template, actors", [
    ("When did the European Court of Human Rights award damages to Lena Varga?", "actions",
     ["the European Court of Human Rights"]),
    ("When did Chile and Peru agree fishing quotas without Ecuador?", "agreements", ["Chile", "Peru"]),
    ("When did the Nordic ministers approve the visa in principle?", "positions", ["the Nordic ministers"]),
])
def test_parse_question_forms_when_any_fact(question, template, actors):
    parsed = read(question)
    assert (parsed.template, parsed.slots.get("actors"), parsed.yesno) == (template, actors, False)
    assert "date" in parsed.details


@pytest.mark.parametrize("question, actors", [
    ("Who did Lena Varga have breakfast with before the vote?", ["Lena Varga"]),
    ("Who had lunch with Omar Diallo?", ["Omar Diallo"]),
    ("Did Lena Varga have dinner with Omar Diallo?", ["Lena Varga", "Omar Diallo"]),
])
def test_parse_question_forms_meal_is_meeting(question, actors):
    parsed = read(question)
    assert (parsed.template, parsed.slots.get("actors")) == ("meetings", actors)



@pytest.mark.parametrize("question, actors, need", [
    ("How long did Tuesday's session between Lena Varga and Omar Diallo last?", ["Lena Varga", "Omar Diallo"],
     ["tuesday"]),
    ("How long did the talks between Chad and Niger in Addis Ababa last?", ["Chad", "Niger"], ["addis", "ababa"]),
    ("Who did Lena Varga hold coalition talks with on Sunday?", ["Lena Varga"], ["sunday"]),
])
def test_parse_question_forms_meeting_day_and_place_not_sides(question, actors, need):
    parsed = read(question)
    assert (parsed.slots.get("actors"), parsed.need) == (actors, need)


def test_parse_question_forms_discuss_asks_the_topic():
    assert set(read("What did Lena Varga and Omar Diallo discuss at their meeting?").details) >= {"content", "about"}


@pytest.mark.parametrize("question, counted, counting, according", [
    ("By how many votes did Peru's Congress approve the budget?", ["votes"], "approve", None),
    ("What is the rail contract worth, according to Estonia's finance ministry?", ["rail", "contract"], "",
     "Estonia's finance ministry"),
])
def test_parse_question_forms_count_asked(question, counted, counting, according):
    parsed = read(question)  # a count by its margin, a thing's worth: figures, as any how-many question
    assert (parsed.template, parsed.counted, parsed.counting, parsed.slots.get("according")) == (
        "estimates", counted, counting, according)


@pytest.mark.parametrize("question, words, counted", [
    ("What turnout did Peru's electoral board report?", ["turnout"], ["turnout"]),
    ("What death toll did the army give?", ["toll"], ["toll"]),
    ("What figure did the ministry give for the dead?", ["dead"], []),  # any figure: "figure" counts nothing
])
def test_parse_question_forms_figure_asked(question, words, counted):
    parsed = read(question)  # a noun a figure is put on ("put turnout at"): the actor's estimate of it
    assert (parsed.template, parsed.words, parsed.counted) == ("estimates", words, counted)


def test_parse_question_forms_no_figure_asked():
    assert read("What did the army report?").template == "statements"
