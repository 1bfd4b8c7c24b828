"""A question's bare surname in a store of several articles: the person named in full whom most documents
report, told in a note with the others; no answer when no one leads by twice the documents; a document that
wrote only the surname never takes the name over. Through the real pipeline and store (text written for
the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture


def _article(n: int, person: str, said: str) -> str:
    return f"Budget vote nears, report {n}\n\n{person} said on Monday that {said}.\n"


TEXTS = {
    **{f"ana-{n}": _article(n, "Senator Ana Velez", f"the budget needed {n} more weeks of talks") for n in range(4)},
    "mario": _article(9, "Mayor Mario Velez", "the city would cut its bus fares"),
    "bare": "Bus fares\n\nVelez said the fares were too high for students.\n",
    **{f"tomas-{n}": _article(n, "Governor Tomas Okafor", f"the state would hire {n} more nurses") for n in range(2)},
    **{f"lina-{n}": _article(n, "Judge Lina Okafor", f"the court would hear {n} more appeals") for n in range(2)},
}
many = store_fixture(TEXTS)


@pytest.mark.parametrize("question, holder, other", [
    ("What did Velez say?", "Ana Velez", "Mario Velez"),
    ("What did Senator Velez say?", "Ana Velez", "Mario Velez"),
    ("What did Mario Velez say?", "Mario Velez", "Ana Velez"),
])
def test_linking_surname_most_reported(many, question, holder, other):
    doc = ask(many, question)
    assert doc["template"]["params"]["actor"]["label"] == holder
    texts = [a["text"] for a in doc["answers"]]
    assert texts and all(holder in t and other not in t and "students" not in t for t in texts)


def test_linking_surname_most_reported_is_told(many):
    notes = [r["message"] for r in ask(many, "What did Velez say?").get("relaxed", [])]
    assert any("taken as Ana Velez" in n and "Mario Velez" in n for n in notes)


def test_linking_surname_tied_gives_no_answer(many):
    doc = ask(many, "What did Okafor say?")
    assert not doc["answers"]
    assert "several people" in doc["message"] and "Tomas Okafor" in doc["message"] and "Lina Okafor" in doc["message"]
