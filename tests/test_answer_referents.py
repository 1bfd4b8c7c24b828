"""A stance on "the proposal" answers questions about what was proposed: the question's words are found in
the proposal it names (kg:respondsTo), and the answer quotes both passages exactly; real pipeline and store."""
from __future__ import annotations

import pytest

from tests.support import ingested

BASE = "http://kgqa.test/"
TEXT = ("Ingrid Dahl, Norway's foreign minister, proposed a ceasefire along the northern border on Tuesday.\n\n"
        "The talks in Oslo lasted four hours, officials said.\n\n"
        "President Omar Haddad accepted the proposal on Thursday.\n")


@pytest.fixture(scope="module")
def referents_app(tmp_path_factory):
    from tests.support import kgqa

    store = ingested(tmp_path_factory.mktemp("referents"), {"border": TEXT})
    app = kgqa(store)
    yield app
    store.close()


@pytest.mark.parametrize("question", ["Who accepted the proposal for a ceasefire?",
                                      "Did Omar Haddad accept the ceasefire proposal?"])
def test_answer_referents_words_of_the_proposal(referents_app, question):
    answers = referents_app.ask(question, link_root=BASE)["answers"]
    accepted = [a for a in answers if a["values"]["kind"] == "Acceptance"]
    assert accepted, [a["text"] for a in answers]
    answer = accepted[0]
    assert "Haddad" in answer["text"] and "ceasefire" in answer["text"]
    assert answer["values"]["respondsTo"]["kind"] == "Proposal"
    quotes = [p["quote"] for p in answer["provenance"]]
    assert any("accepted the proposal" in q for q in quotes) and any("proposed a ceasefire" in q for q in quotes)
    for p in answer["provenance"]:  # every quote is the text at its offsets
        assert TEXT[p["start"]:p["end"]] == p["quote"]


def test_answer_referents_other_words_find_nothing(referents_app):
    answers = referents_app.ask("Who accepted the proposal for early elections?", link_root=BASE)["answers"]
    assert not any(a["values"]["kind"] == "Acceptance" for a in answers)
