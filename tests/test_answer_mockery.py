""""Did X propose Y?" (or "promise") answered No by X's remark suggesting Y that the article tells as mockery,
the remark quoted; never by a suggestion told without such a cue, and never when X did propose it. Through the real
pipeline, a real store and the question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Transit row in Dunmore\n\n"
        "Mayor Ines Calder proposed a new tram line to the harbour on Monday.\n\n"
        "Senator Hal Brewster was scathing about the plan. \"Perhaps we should let the pigeons run the trams "
        "as well,\" he said.\n\n"
        "\"Perhaps we should talk to the unions first,\" said Councillor Pavel Ortiz.\n")


transit = store_fixture({"transit": TEXT})


@pytest.mark.parametrize("question", [
    "Did Brewster propose letting the pigeons run the trams?",
    "Did Brewster propose that the city council let the pigeons in?",
], ids=["the-remark-s-words", "who-it-names-told-otherwise"])
def test_mocking_remark_answers_no(transit, question):
    document = ask(transit, question)
    answers = document["answers"]
    assert document["verdict"] == "no" and answers, document
    assert answers[0]["text"].startswith("No: ") and "pigeons" in answers[0]["text"], answers
    assert "not a proposal" in answers[0]["text"], answers


@pytest.mark.parametrize("question, verdict", [
    ("Did Ortiz propose talking to the unions?", "not_reported"),
    ("Did Calder propose a tram line to the harbour?", "yes"),
], ids=["no-cue-no-verdict", "a-real-proposal"])
def test_no_mockery_no_no(transit, question, verdict):
    document = ask(transit, question)
    assert document["verdict"] == verdict, document["answers"]


RALLY = ("Morrow rally in Leon\n\n"
         "Governor Ada Morrow promised a new reservoir for Leon on Saturday.\n\n"
         "\"My opponent promises everything,\" Morrow said. \"Maybe next week Mr Halden will promise us snow.\" "
         "The crowd laughed; she did not pause.\n\n"
         "\"Maybe next year we will pave the mountain road,\" said Councillor Rafael Quintero.\n")
rally = store_fixture({"rally": RALLY})


@pytest.mark.parametrize("question, verdict", [
    ("Did Ada Morrow promise snow?", "no"),
    ("Did Quintero promise to pave the mountain road?", "not_reported"),
    ("Did Ada Morrow promise a new reservoir?", "yes"),
], ids=["laughed-at-remark-no", "no-cue-no-verdict", "a-real-promise"])
def test_mocking_remark_answers_promise(rally, question, verdict):
    document = ask(rally, question)
    assert document["verdict"] == verdict, document["answers"]
    assert verdict != "no" or "not a promise" in document["answers"][0]["text"], document["answers"]
