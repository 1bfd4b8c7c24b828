"""A question about "the call" is answered with the meeting held by phone, and "how long" with a meeting
whose length is told; a meeting face to face the same week answers neither (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXTS = {
    "calls": ("Two leaders keep talking\n\n"
              "Emmanuel Macron and Olaf Scholz met in Berlin on Monday to discuss energy prices. "
              "On Wednesday, Macron spoke by phone with Scholz. The call lasted about an hour and 20 minutes, "
              "an aide said.\n"),
}


calls = store_fixture(TEXTS)


def texts(store, question: str) -> list[str]:
    return answer_texts(store, question)


@pytest.mark.parametrize("question", [
    "How long did the call between Macron and Scholz last?",
    "When did Macron and Scholz speak by phone?",
], ids=["how long", "when by phone"])
def test_answer_calls_only_the_call(calls, question):
    [answer] = texts(calls, question)
    assert "remotely" in answer and "Berlin" not in answer


def test_answer_calls_length_as_the_source_words_it(calls):
    [answer] = texts(calls, "How long did Macron and Scholz meet?")
    assert "about an hour and 20 minutes" in answer


def test_answer_calls_where_gives_the_meeting_in_person(calls):
    [answer] = texts(calls, "Where did Macron and Scholz meet?")
    assert "Berlin" in answer and "remotely" not in answer
