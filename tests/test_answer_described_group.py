""""What did the families of Peruvians held in Chile demand?": a description in a question (a common noun
first) links to the one group of the graph whose name holds all its words in their order, not to the
country it ends with; a description no group's name holds links to none. Through the real pipeline, a real
store and the question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ask, store_fixture

TEXT = ("Prisoners freed at the border\n\n"
        "Chile released twelve Peruvian prisoners on Saturday. Families of at least 30 other Peruvians held in "
        "Chile demanded that the government seek their release. Chile demanded guarantees for its own citizens.\n")

families = store_fixture({"families": TEXT})


@pytest.mark.parametrize("question, wanted, unwanted", [
    ("What did the families of other Peruvians held in Chile demand?", "seek their release", "guarantees"),
    ("What did the families of Peruvian soldiers demand?", None, "guarantees"),
])
def test_answer_described_group_links_the_group(families, question, wanted, unwanted):
    texts = [a["text"] for a in ask(families, question)["answers"]]
    assert all(unwanted not in t for t in texts) and (any(wanted in t for t in texts) if wanted else not texts)
