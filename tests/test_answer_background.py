"""History an article recalls ("In 1996 the two countries signed...") gives way to the events it
reports, unless the question names a time (tests/data/graphs/recalled.json)."""
from __future__ import annotations

import pytest

from tests.qa_graph import graph_store
from tests.support import kgqa


@pytest.fixture(scope="module")
def recalled(tmp_path_factory):
    st = graph_store(tmp_path_factory.mktemp("recalled"), "recalled")
    yield st
    st.close()


def contents(store, question: str) -> list[str]:
    return [a["values"]["content"] for a in kgqa(store).ask(question, link_root="/")["answers"]]


@pytest.mark.parametrize("question, expected", [
    # the countries' own news first; their 2003 and 2019 proposals are history in a 2025 report
    ("What did Norland propose?", ["a shared customs post at the border"]),
    # all a country holds is history: what it did then is still the answer
    ("What did Sudmark propose?", ["a customs union"]),
    # a time named in the question: the history asked about
    ("What did Norland and Sudmark agree on in 1996?", ["an agreement that settled their border"]),
    ("What did Norland propose in 2019?", ["a joint fishing zone"]),
    # the leaders themselves: their own agreement, not widened
    ("What did Lind and Oster agree on?", ["to build a joint rail link"]),
], ids=["current first", "only history", "year asked", "date asked", "leaders"])
def test_answer_background_gives_way_to_reported_events(recalled, question, expected):
    assert contents(recalled, question) == expected


def test_answer_background_countries_widened_to_their_leaders_news(recalled):
    """The countries agreed nothing but history: their presidents' agreement in the same report, marked widened."""
    [answer] = kgqa(recalled).ask("What did Norland and Sudmark agree on?", link_root="/")["answers"]
    assert answer["values"]["content"] == "to build a joint rail link"
    assert answer["widened"]["scope"] == "same document"
    assert sorted(a["label"] for a in answer["widened"]["to"]) == ["Ana Lind", "Piet Oster"]
