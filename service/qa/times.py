"""Times and lengths as answers tell them: dates in words, a meeting's length in the source's words
or in hours and minutes, a time phrase placed mid-sentence."""
from __future__ import annotations

import re

from .facts import FactRecord

_ISO_DURATION = re.compile(r"^P(?:T)?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$")


def duration_text(value: str) -> str:
    match = _ISO_DURATION.match(value)
    if not match or not any(match.groups()):
        return value
    h, m, s = (int(x) if x else 0 for x in match.groups())
    if not (h or m):
        return f"{s} seconds"
    hours = f"{h} hour{'s' if h > 1 else ''}" if h else ""
    return " ".join(x for x in (hours, f"{m} minutes" if m else "") if x)


def how_long(rec: FactRecord, graph: str | None = None) -> str:
    """The meeting's length as the source words it ("more than 90 minutes") when that is short,
    else from its xsd:duration ("94 minutes")."""
    texts = [v.value for v in rec.props.get("durationText", []) if graph in (None, v.graph)]
    short = [t for t in texts if len(t.split()) <= 7]  # "about an hour and 45 minutes"
    if short:
        return short[0]
    durations = [duration_text(v.value) for v in rec.props.get("duration", []) if graph in (None, v.graph)]
    return durations[0] if durations else ""


_SENTENCE_OPENERS = re.compile(r"^(?:On|In|At|Last|This|Next|Earlier|Later|Late|Early|During|Since|Before|After)\b")


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_MONTH = "(?:" + "|".join(m[:3] for m in MONTHS) + r"|Sept)[a-z]*\.?"  # "Jan.", "Sept", "January"
_BARE_DAY = re.compile(rf"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|{_MONTH}\s+\d{{1,2}}\b|"
                       rf"\d{{1,2}}\s+{_MONTH})")  # "Friday", "Jan. 28, 2017", "28 January"
_BARE_SPAN = re.compile(rf"^(?:{_MONTH}(?:\s+\d{{4}})?|\d{{4}})$")  # "January", "January 2017", "2017"
_DAY_OF_MONTH = re.compile(rf"{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}")


def mid_sentence(time_text: str) -> str:
    """'On Wednesday', as a sentence of the source began with it, told mid-sentence: 'on Wednesday'; a bare
    day or date as wire copy writes it ("spoke Friday", "met Jan. 28"): 'on Friday'; a bare month or year:
    'in 2017'."""
    if _BARE_DAY.match(time_text):
        return "on " + time_text
    if _BARE_SPAN.match(time_text):
        return "in " + time_text
    return time_text[:1].lower() + time_text[1:] if _SENTENCE_OPENERS.match(time_text) else time_text


def names_day(time_text: str) -> bool:
    """The time phrase names the day of the month itself ("Jan. 28, 2017"): no date to add to it."""
    return bool(_DAY_OF_MONTH.search(time_text))




def human_date(value: str) -> str:
    """'2021-06-16' -> '16 June 2021' ('2021-06' -> 'June 2021'); anything else as it is."""
    match = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$", value or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        return value
    month = MONTHS[int(match.group(2)) - 1]
    return f"{int(match.group(3))} {month} {match.group(1)}" if match.group(3) else f"{month} {match.group(1)}"
