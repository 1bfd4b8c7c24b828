"""dates: relative dates resolved against the published date; durations as xsd:duration values."""
import pytest

from service.ingest.dates import find_durations, parse_duration, resolve_date


@pytest.mark.parametrize("text, published, date", [
    ("they met on Monday", "2015-09-29", "2015-09-28"),  # a Tuesday: the day before
    ("earlier Monday before the Assembly", "2015-09-28", "2015-09-28"),  # the same day
    ("he said yesterday", "2016-03-01", "2016-02-29"),
    ("the minister said last week", "2015-09-29", "2015-09-21"),  # the Monday that starts it
    ("on Sept. 28 the leaders met", "2015-10-02", "2015-09-28"),
    ("on 28 September 2015", None, "2015-09-28"),
    ("talks resume next Friday", "2015-09-29", "2015-10-02"),
    ("talks on December 30", "2016-01-03", "2015-12-30"),  # read in January: last year
])
def test_dates_resolved(text, published, date):
    assert resolve_date(text, published).date == date


@pytest.mark.parametrize("text, words", [("they met on Monday", "on Monday"), ("said last week", "last week")])
def test_dates_kept_as_text_without_published_date(text, words):
    ref = resolve_date(text, None)
    assert ref.date is None and ref.text == words and text[ref.start:ref.end] == words


@pytest.mark.parametrize("text, value, words", [
    ("met for more than 90 minutes on Monday", "PT1H30M", "more than 90 minutes"),
    ("the talks lasted 94 minutes", "PT1H34M", "94 minutes"),
    ("they spoke for two hours", "PT2H", "two hours"),
    ("an hour and a half of talks", "PT1H30M", "an hour and a half"),
    ("one and a half hours later", "PT1H30M", "one and a half hours"),
    ("a visit of three days", "P3D", "three days"),
    ("the call lasted about half an hour", "PT30M", "about half an hour"),
])
def test_dates_durations(text, value, words):
    assert parse_duration(text) == (value, words)


def test_dates_duration_offsets_point_at_the_words():
    text = "The leaders met for about 45 minutes."
    (value, words, start, end), = find_durations(text)
    assert text[start:end] == words == "about 45 minutes" and value == "PT45M"


@pytest.mark.parametrize("future, date", [(False, "2015-09-25"), (True, "2015-10-02")])
def test_dates_weekday_in_the_future_tense(future, date):
    assert resolve_date("they meet on Friday", "2015-09-29", future=future).date == date


def test_dates_half_a_day_is_no_whole_duration():
    assert parse_duration("the strike lasted half a day") is None  # xsd:duration takes no P0.5D
