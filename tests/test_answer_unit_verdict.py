"""A body's unit named in the question by the body's initials ("the AU observation mission") means the body
its words were given to; "did X call Y free and fair" asks what X said of Y, no phone call; and a judgement X
stopped short of ("stopped short of calling it free and fair") answers No when its own sentence names Y, never
Yes, and nothing for another Y. Through the real pipeline, a real store and the question answerer (text
written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Zambian vote calm, monitors say\n\n"
        "LUSAKA, May 3 — The African Union's election observation mission said on Monday that Zambia's "
        "election had been peaceful but stopped short of calling it free and fair, saying its observers had been "
        "kept out of two counting centres.\n\n"
        "Electoral commissioner Ana Ruiz said the count would end on Friday.\n")


zambia = store_fixture({"zambia": TEXT})


@pytest.mark.parametrize("question, verdict", [
    ("Did the AU observation mission call Zambia's election free and fair?", "no"),
    ("Did the African Union call the election free and fair?", "no"),
    ("Did the AU mission call Zambia's election peaceful?", "yes"),
])
def test_answer_unit_verdict_told(zambia, question, verdict):
    document = ask(zambia, question)
    assert document.get("verdict") == verdict and document["answers"], document


@pytest.mark.parametrize("question", [
    "Did the AU observation mission call the count free and fair?",  # "it" is the election, not the count
    "Did the UN observation mission call Zambia's election free and fair?",  # no body of those initials
    "Did the African Union call Ana Ruiz?",  # a call, none told
])
def test_answer_unit_verdict_none(zambia, question):
    assert not ask(zambia, question)["answers"]


@pytest.mark.parametrize("question, wanted", [
    ("What did the AU say?", "kept out of two counting centres"),
    ("What did the AU observation mission say?", "kept out of two counting centres"),
])
def test_answer_unit_verdict_initials_link(zambia, question, wanted):
    assert any(wanted in a["text"] for a in ask(zambia, question)["answers"])
