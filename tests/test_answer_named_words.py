"""A question's object words that name an actor ("the Peru deal") must be in the fact or its passage, and
a recipient no fact records ("what did X tell Y") must at least be named there, said as relaxed: another
deal, or words told to someone else, answer nothing. An audience with words in front of it ("told Chilean
reporters") is named so in the passage, never by another audience's words. Through the real pipeline, a
real store and the question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXT = ("Trade talks stall\n\n"
        "Carlos Ruiz rejected the fishing deal on Monday. "
        "Ana Ruiz rejected the Peru deal on Tuesday. "
        "Carlos Ruiz told reporters that the budget was sound. "
        "Ana Ruiz told Chilean reporters that the harbour would reopen. Ana Ruiz said the Bolivian side would wait. "
        "Elena Diaz, the finance minister, arrived in Lima on Wednesday. Chile sent two observers.\n")


talks = store_fixture({"talks": TEXT})


@pytest.mark.parametrize("question, said, never", [
    ("Who rejected the Peru deal?", "Ana Ruiz rejected the Peru deal", "fishing"),
    ("Who rejected the Chile deal?", None, "deal"),
    ("What did Carlos Ruiz tell Elena Diaz?", None, "budget"),
    ("What did Ana Ruiz tell Chilean reporters?", "harbour", "Bolivian"),
    ("What did Ana Ruiz tell Bolivian reporters?", None, "harbour"),
], ids=["named-modifier", "named-modifier-absent", "recipient-never-told", "audience-qualified",
        "audience-qualified-other"])
def test_answer_named_words_must_be_there(talks, question, said, never):
    texts = " | ".join(answer_texts(talks, question))
    assert (said is None or said in texts) and never not in texts
