"""A fact whose time words tell it as a month or more before its report ("six months ago", "last year") is
recalled, not the news: it gives way to the facts of the reported events unless the question asks for that
time (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXTS = {
    "bridge": ("Bridge opening slips again\n\n"
               "Transport Minister Elena Varga said on Monday that the bridge will open in the spring of 2028. "
               "Six months ago she said the bridge would open in March. Last week she said the bridge was "
               "nearly finished.\n"),
}

bridge = store_fixture(TEXTS, published="2026-11-24")


@pytest.mark.parametrize("question, present, absent", [
    ("What did Elena Varga say about the bridge?", "spring of 2028", "March"),
    ("What did Elena Varga say about the bridge six months ago?", "March", "2028"),
], ids=["news", "asked for that time"])
def test_answer_recalled_ago_gives_way_to_the_news(bridge, question, present, absent):
    answers = answer_texts(bridge, question)
    assert any(present in a for a in answers) and not any(absent in a for a in answers)


def test_answer_recalled_ago_last_week_is_news(bridge):
    assert any("nearly finished" in a for a in answer_texts(bridge, "What did Elena Varga say about the bridge?"))
