"""A person asked about by a fuller name than the sources use ("Marta Ruiz Olmedo" for "Marta Ruiz",
a second surname the tagger left out) is that person; a word more never makes another kind of actor
(text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXTS = {
    "calls": ("Ministers confirm the list\n\n"
              "Spanish Foreign Minister Marta Ruiz and Portugal's interior minister, Rui Costa, spoke by phone "
              "on Thursday to confirm the final list, both governments said.\n"),
}


calls = store_fixture(TEXTS)


@pytest.mark.parametrize("question, said", [
    ("Who did Marta Ruiz Olmedo speak to by phone?", "Rui Costa"),
    ("Who did Marta Ruiz speak to by phone?", "Rui Costa"),
    ("Who did Marta Ruiz Foundation speak to by phone?", None),
])
def test_plans_fuller_names_link_to_the_person(calls, question, said):
    answers = ask(calls, question)["answers"]
    assert (said in " ".join(a["text"] for a in answers)) if said else answers == []
