"""Background: what an article recalls from its past ("In 1998 the two countries signed an agreement")
rather than reports as news. A question that names no date asks about what the news reports: recalled
facts give way to facts of the reported events (run_plan in answer.py).

A fact is background when its own time (its date, or a year in its time words) lies more than a year
before the publication of every document telling it, or when its time words tell it as a month or more
before the report ("six months ago", "last year"). A fact without a time, or told by a document
without a publication date, is not background.
"""
from __future__ import annotations

import datetime as dt
import re

from .facts import FactRecord
from .plan import Plan

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_DAYS = 366


def _published(source: dict) -> dt.date | None:
    try:
        return dt.date.fromisoformat((source.get("published") or "")[:10])
    except ValueError:
        return None


def _when(rec: FactRecord) -> tuple[dt.date | None, int | None]:
    """The fact's date, else the year its time words name."""
    for value in rec.values("date"):
        try:
            return dt.date.fromisoformat(value.value[:10]), None
        except ValueError:
            continue
    years = [int(m.group(1)) for v in rec.values("timeText") for m in _YEAR.finditer(v.value)]
    return None, max(years) if years else None


_AGO = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+) (week|month|year)s? "
                  r"ago\b|\blast (month|year)\b", re.I)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_UNIT_DAYS = {"week": 7, "month": 30, "year": 365}
RECALLED_DAYS = 28  # told as this long before the report ("six months ago", "last year"): not the news


def _ago(rec: FactRecord) -> int | None:
    """How many days before its report a fact's time words place it ("six months ago": 180), if they do."""
    for value in rec.values("timeText"):
        found = _AGO.search(value.value)
        if found and found.group(3):
            return _UNIT_DAYS[found.group(3).lower()]
        if found:
            count = found.group(1).lower()
            return (int(count) if count.isdigit() else _NUMBERS[count]) * _UNIT_DAYS[found.group(2).lower()]
    return None


def is_background(rec: FactRecord) -> bool:
    ago = _ago(rec)
    if ago is not None:
        return ago >= RECALLED_DAYS
    day, year = _when(rec)
    if day is None and year is None:
        return False
    published = [_published(p.source) for p in rec.evidence]
    if not published or None in published:
        return False
    if day is not None:
        return all((pub - day).days > _DAYS for pub in published)
    return all(year < pub.year - 1 for pub in published)


def dated(plan: Plan) -> bool:
    """The question names a time itself ("in 1998", a date): its facts are wanted whenever they were."""
    return "date" in plan.bindings or any(_YEAR.search(w) for w in [*plan.words, *plan.need_words])
