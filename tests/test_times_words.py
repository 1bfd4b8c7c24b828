"""times: a meeting's length in hours and minutes, a time phrase told mid-sentence."""
from __future__ import annotations

import pytest

from service.qa.times import duration_text, mid_sentence


@pytest.mark.parametrize("value, words", [
    ("PT1H45M", "1 hour 45 minutes"), ("PT2H", "2 hours"), ("PT45M", "45 minutes"), ("PT30S", "30 seconds"),
    ("P1D", "P1D"),
])
def test_times_duration_in_hours_and_minutes(value, words):
    assert duration_text(value) == words


@pytest.mark.parametrize("text, told", [
    ("On Wednesday", "on Wednesday"), ("Last week", "last week"), ("Monday", "on Monday"),
    ("on Friday", "on Friday"), ("Mondays", "Mondays"), ("Jan. 28, 2017", "on Jan. 28, 2017"),
    ("28 January", "on 28 January"), ("2017", "in 2017"), ("January 2017", "in January 2017"), ("May", "in May"),
    ("earlier this week", "earlier this week"),
])
def test_times_phrase_mid_sentence(text, told):
    assert mid_sentence(text) == told


@pytest.mark.parametrize("text, day", [("Jan. 28, 2017", True), ("on 5 March", True), ("on Friday", False),
                                       ("in 2017", False)])
def test_times_phrase_names_its_day(text, day):
    from service.qa.times import names_day
    assert names_day(text) is day
