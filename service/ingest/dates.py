"""Times and durations as values, for the facts stage.

- `resolve_date(text, published)`: "on Monday", "yesterday", "last week", "earlier Monday",
  "September 28", "Sept. 28, 2015", "2015-09-28" -> a TimeRef with the ISO date when it can be
  worked out from the document's published date (news reports the past: a weekday is the latest such
  day on or before publication), else the text alone.
- `parse_duration(text)`: "more than 90 minutes", "two hours", "an hour and a half" -> ("PT90M", text).
- `find_dates(span_text)` / `find_durations(span_text)`: the same over a longer passage.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9})
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
           "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
           "several": None, "few": None, "couple": 2, "half": 0.5}
UNITS = {"second": ("S", 1 / 60), "minute": ("M", 1), "hour": ("H", 60), "day": ("D", 1440),
         "week": ("W", 10080), "month": ("MO", 43200), "year": ("Y", 525600)}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ABSOLUTE = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b",
               re.I),
]
_RELATIVE = re.compile(
    r"\b(?:(?P<qual>last|this|next|earlier|later|on|late|early)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")\b"
    r"|\b(?P<word>yesterday|today|tonight|tomorrow|the day before yesterday)\b"
    r"|\b(?P<rel>last|this|next|past)\s+(?P<unit>week|month|year)\b", re.I)
_DURATION = re.compile(
    r"(?P<qual>(?:more|less|fewer) than|over|under|about|around|nearly|almost|some|roughly|at least|at most"
    r"|just over|just under)?\s*(?P<halfof>half\s+(?=an?\s))?"
    r"(?P<num>\d+(?:\.\d+)?|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
    r"(?:[\s-]+(?:and a half|and-a-half))?[\s-]+(?P<unit>second|minute|hour|day|week|month|year)s?"
    r"(?P<half>\s+and\s+a\s+half)?(?:\s+and\s+(?P<num2>\d+|[a-z-]+)\s+(?P<unit2>minute|second)s?)?\b", re.I)


@dataclass(frozen=True)
class TimeRef:
    text: str
    date: str | None = None  # ISO date when known
    precision: str = "day"  # day | week | month | year
    start: int = 0  # offsets of `text` in the passage it was found in
    end: int = 0


def resolve_date(text: str, published: str | None, *, future: bool = False) -> TimeRef | None:
    """The first date expression in `text`, resolved against `published` (ISO date) when possible.
    `future`: the clause speaks of what will happen ("will meet on Friday": the next Friday)."""
    found = find_dates(text, published, future=future)
    return found[0] if found else None


def find_dates(text: str, published: str | None, *, future: bool = False) -> list[TimeRef]:
    pub = dt.date.fromisoformat(published) if published else None
    out: list[TimeRef] = []
    for pattern in _ABSOLUTE:
        for m in pattern.finditer(text):
            out.append(_absolute(m, pub))
    for m in _RELATIVE.finditer(text):
        if any(r.start <= m.start() < r.end for r in out):
            continue
        out.append(_relative(m, pub, future))
    return sorted((r for r in out if r is not None), key=lambda r: r.start)


def _absolute(m: re.Match, pub: dt.date | None) -> TimeRef | None:
    g = m.groupdict()
    try:
        if "y" in g and g.get("y"):
            day = dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        else:
            month = MONTHS[g["month"].lower().rstrip(".")]
            year = int(g["year"]) if g.get("year") else (pub.year if pub else None)
            if year is None:
                return TimeRef(m.group(0), None, "day", m.start(), m.end())
            day = dt.date(year, month, int(g["day"]))
            if not g.get("year") and pub and day > pub + dt.timedelta(days=31):
                day = day.replace(year=year - 1)  # "December 30" read in January: last year
    except ValueError:
        return None
    return TimeRef(m.group(0), day.isoformat(), "day", m.start(), m.end())


def _relative(m: re.Match, pub: dt.date | None, future: bool = False) -> TimeRef:
    text = m.group(0)
    if pub is None:
        return TimeRef(text, None, "day", m.start(), m.end())
    if m.group("day"):
        target = WEEKDAYS.index(m.group("day").lower())
        back = (pub.weekday() - target) % 7
        qual = (m.group("qual") or "").lower()
        if qual == "next" or (future and qual not in ("last", "earlier")):
            day = pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7)
        else:
            day = pub - dt.timedelta(days=back + (7 if qual == "last" and back == 0 else 0))
        return TimeRef(text, day.isoformat(), "day", m.start(), m.end())
    if m.group("word"):
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "the day before yesterday": -2}
        day = pub + dt.timedelta(days=shift[m.group("word").lower()])
        return TimeRef(text, day.isoformat(), "day", m.start(), m.end())
    rel, unit = m.group("rel").lower(), m.group("unit").lower()
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
        return TimeRef(text, monday.isoformat(), "week", m.start(), m.end())
    if unit == "month":
        month_index = pub.year * 12 + pub.month - 1 + step
        first = dt.date(month_index // 12, month_index % 12 + 1, 1)
        return TimeRef(text, first.isoformat(), "month", m.start(), m.end())
    return TimeRef(text, dt.date(pub.year + step, 1, 1).isoformat(), "year", m.start(), m.end())


def parse_duration(text: str) -> tuple[str, str] | None:
    """(xsd:duration, the words) of the first duration in `text`, or None."""
    found = find_durations(text)
    return found[0][:2] if found else None


def find_durations(text: str) -> list[tuple[str, str, int, int]]:
    """(xsd:duration, words, start, end) of every duration in `text`."""
    out = []
    for m in _DURATION.finditer(text):
        value = _number(m.group("num"))
        if value is None:
            continue
        if m.group("halfof") and m.group("unit").lower() not in ("hour", "minute"):
            continue  # "half a day", "half a year": no whole number of the units xsd:duration allows
        if m.group("halfof"):  # "half an hour"
            value /= 2
        elif m.group("half") or "half" in m.group(0).lower().split(m.group("unit").lower())[0][-12:]:
            value += 0.5
        minutes = value * UNITS[m.group("unit").lower()][1]
        if m.group("num2"):
            extra = _number(m.group("num2")) or 0
            minutes += extra * UNITS[m.group("unit2").lower()][1]
        words = m.group(0).strip()
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        out.append((_xsd(minutes, m.group("unit").lower()), words, start, m.end()))
    return out


def _number(word: str) -> float | None:
    word = word.lower()
    if word[0].isdigit():
        return float(word)
    return NUMBERS.get(word)


def _xsd(minutes: float, unit: str) -> str:
    if unit in ("day", "week", "month", "year"):
        if unit == "month":
            return f"P{_num(minutes / 43200)}M"
        if unit == "year":
            return f"P{_num(minutes / 525600)}Y"
        return f"P{_num(minutes / 1440)}D"
    hours, rest = divmod(round(minutes * 60), 3600)
    mins, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{mins}M" if mins else "") + \
        (f"{secs}S" if secs or not (hours or mins) else "")


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"
