"""Background: what an article recalls from its past ("In 1998 the two countries signed an agreement")
rather than reports as news. A question that names no date asks about what the news reports: recalled
facts give way to facts of the reported events (run_plan in answer.py).

A fact is background when its own time (its date, or a year in its time words) lies more than a year
before the publication of every document telling it. A fact without a time, or told by a document
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


def is_background(rec: FactRecord) -> bool:
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
