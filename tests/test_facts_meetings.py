"""Facts stage: meetings, on sentences written for this project (tests/data/sentences/meetings.json)."""
from __future__ import annotations

import pytest

from tests.facts_support import cases, check_case, run


@pytest.mark.parametrize("case", cases("meetings"))
def test_facts_meetings(case):
    check_case(case)


def test_facts_meetings_second_report_joins_first():
    text = ("Biden and Xi hold phone call amid Taiwan tensions\n\n"
            "Joe Biden and Xi Jinping spoke by phone for two hours on Thursday, the White House said.")
    facts, _actors = run(text, "2022-07-29")
    meetings = [f for f in facts if f.kind == "Meeting"]
    assert len(meetings) == 1
    assert len(meetings[0].evidence) == 2
    assert (meetings[0].date, meetings[0].duration) == ("2022-07-28", "PT2H")
