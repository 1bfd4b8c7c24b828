"""'Who accused X (of Y)?': X is the one accused, so X's own accusations, and those that only name X in
passing, answer nothing; "of Y" is what the accusation must say. Through the real pipeline, a real store
and the question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, kgqa, store_fixture

TEXT = ("Rivals trade charges\n\n"
        "Ana Ruiz accused Luis Delgado of lying about the budget. "
        "Luis Delgado accused Ana Ruiz of hiding the audit. "
        "Marta Vidal accused the newspapers of ignoring the audit that Luis Delgado ordered.\n")


charges = store_fixture({"charges": TEXT})


@pytest.mark.parametrize("question, said, never", [
    ("Who accused Luis Delgado?", "Ana Ruiz accused Luis Delgado", ("Luis Delgado accused", "Vidal")),
    ("Who accused Delgado of lying?", "Ana Ruiz accused Luis Delgado", ("Luis Delgado accused", "Vidal")),
    ("Who accused Ana Ruiz?", "Luis Delgado accused Ana Ruiz", ("Ana Ruiz accused", "Vidal")),
], ids=["named", "named-with-charge", "other-side"])
def test_answer_targets_are_the_accused(charges, question, said, never):
    texts = " | ".join(answer_texts(charges, question))
    assert said in texts and not any(n in texts for n in never)


def test_answer_targets_keep_the_charge_words(charges):
    from service.qa import parse
    app = kgqa(charges)
    parsed = parse.parse("Who accused Luis Delgado of lying?", app.words, app.question_model())
    assert parsed.target and "lying" in parsed.words


WORKS = ("Pact row\n\n"
         "The Department of Foreign Affairs signed the fisheries pact on Monday. "
         "Senator Rosa Lindo accused the foreign affairs department of \"signing first and asking the Senate "
         "afterwards.\"\n")
works = store_fixture({"works": WORKS})


@pytest.mark.parametrize("question, said", [
    ("What did Rosa Lindo accuse the foreign affairs department of?", "signing first"),
    ("Who accused the foreign affairs department?", "signing first"),
    ("What did Rosa Lindo accuse the Senate of?", None),
], ids=["named-as-the-question-writes-it", "who-accused-it", "named-in-the-charge-is-not-accused"])
def test_answer_targets_untold_named_in_passage(works, question, said):
    """No target recorded (the accused named otherwise than the graph's name): the one the question names,
    as it writes it, in the passage outside what the accusation says; never one named inside it."""
    texts = " | ".join(answer_texts(works, question))
    assert (said in texts) if said else not texts
