""""Did X agree to cut Y?" answered No by a report that X would not do it (the act's verb or a synonym),
told by X or by its own official; never by an act of other words, nor by one told as not done. Through
the real pipeline, a real store and the question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Levy row in Lima\n\n"
        "EU Trade Commissioner Ana Ruiz met Peruvian Trade Minister Luis Gil in Lima on Monday. "
        "Ruiz said the EU would not exempt Peruvian farmers from the new fertiliser levy. "
        "Gil said Peru would not lower duties on European wine below 20 per cent. "
        "Chile did not lower its duties on Peruvian copper last year.\n")


levy = store_fixture({"levy": TEXT})


@pytest.mark.parametrize("question, said", [
    ("Did Ruiz agree to exempt Peruvian farmers from the fertiliser levy?", "will not exempt"),
    ("Did Peru agree to cut duties on European wine below 20 per cent?", "will not lower"),
], ids=["official-for-her-body", "synonym"])
def test_refused_act_answers_no(levy, question, said):
    answers = ask(levy, question)["answers"]
    assert answers and answers[0]["text"].startswith("No: ") and said in answers[0]["text"], answers


@pytest.mark.parametrize("question", [
    "Did Peru agree to cut taxes on European cheese?",
    "Did Chile agree to lower its duties on Peruvian copper?",
], ids=["other-act", "not-done-is-no-refusal"])
def test_no_refusal_is_not_reported(levy, question):
    document = ask(levy, question)
    assert document["verdict"] == "not_reported", document["answers"]
