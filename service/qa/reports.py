"""The same fact told by several documents, merged into one answer: two reports are the same when
they have the kind, holders and date, and words close enough (stems, compared only between records of
similar size); a meeting is compared only with those sharing one of its dates or undated, and held the
same way (by phone or face to face), and an undated one only with reports published within a week of it;
a meeting with one participant named is merged with none; a role
with the same title and its organization named by one report only (or cut short by one) is one role.
"""
from __future__ import annotations

import datetime
import re

from . import facts as facts_mod
from .wording import stem


def merge_reports(records: list[facts_mod.FactRecord]) -> list[facts_mod.FactRecord]:
    """The same fact told by several outlets (two fact nodes: same kind, actors and negation, the same
    content in other words, or a meeting on no different date) as one record crediting every source;
    values they disagree on (a length, a date) stay side by side, each with its graph, as a conflict."""
    out: list[facts_mod.FactRecord] = []
    # compared only with the same kind and actors; each kept record with what it is compared by: its
    # sources, and its dates and places (a meeting) or the word stems of its content
    buckets: dict[tuple, list[list]] = {}
    # a meeting's bucket also by date: its entries with each date, and those with none (a meeting on
    # another date is no twin: only these are compared, first in the bucket's order as before)
    dated: dict[tuple, tuple[dict[str, set[int]], set[int]]] = {}
    for rec in records:
        key = _report_key(rec)
        meeting = key[0] == "Meeting"
        if meeting and len(key[4]) < 2:  # "X took part in a meeting": two such reports name no one event
            out.append(rec)
            continue
        bucket = buckets.setdefault(key, [])
        mine = _compared(rec, meeting)
        by_date, undated = dated.setdefault(key, ({}, set()))
        if meeting or key[0] == "Role":
            near = sorted(undated.union(*(by_date.get(d, ()) for d in mine[2]))) if meeting and mine[2] \
                else range(len(bucket))
            at = next((n for n in near if (meeting or _near_size(bucket[n][3], mine[3]))
                       and _same_report(bucket[n], mine, meeting)), None)
        else:  # the words' test of _same_report inlined: a frequent actor's hundred facts compared two by two
            at = _same_words(bucket, mine)
        if at is None:
            out.append(rec)
            at = len(bucket)
            bucket.append(mine)
            if meeting:
                _dates(mine, at, by_date, undated)
            continue
        twin = bucket[at]
        kept = twin[0]
        for name, vals in rec.props.items():
            kept.props.setdefault(name, []).extend(v for v in vals if v not in kept.props[name])
        kept.evidence += [p for p in rec.evidence if p not in kept.evidence]
        kept.occasions += [o for o in rec.occasions if o not in kept.occasions]
        kept.settings += [s for s in rec.settings if s not in kept.settings]
        twin[:] = _compared(kept, meeting)  # its sources (and a meeting's dates, places) have grown
        if meeting:
            _dates(twin, at, by_date, undated)
    return out


def _dates(entry: list, at: int, by_date: dict[str, set[int]], undated: set[int]) -> None:
    """A meeting's entry `at` of its bucket under each of its dates (or as undated)."""
    for date in entry[2]:
        by_date.setdefault(date, set()).add(at)
    if entry[2]:
        undated.discard(at)
    else:
        undated.add(at)


def _report_key(rec: facts_mod.FactRecord) -> tuple:
    return (rec.kind(), rec.first("negated"), rec.first("remote"),  # a call and a meeting face to face: two events
            *(frozenset(v.value for v in rec.values(n)) for n in ("holder", "participant", "recipient", "target")))


def _compared(rec: facts_mod.FactRecord, meeting: bool) -> list:
    if meeting:
        return [rec, rec.sources(), {v.value for v in rec.values("date")}, {v.value for v in rec.values("place")}]
    if rec.kind() == "Role":  # "Governor" and "Governor of Indiana": one office, its organization said or not
        return [rec, rec.sources(), {(rec.first("title") or "").lower()}, 1]
    stems = _stems(rec.first("content") or "")
    if rec.referent is not None:  # "accepted the proposal": two reports of it accept the same proposal
        stems |= _stems(rec.referent.first("content") or "")
    return [rec, rec.sources(), stems, len(stems)]


def _same_report(a: list, b: list, meeting: bool) -> bool:
    """b (of the same kind and actors as a) tells a's fact: from other sources, in the same words, or a
    meeting on no different date or place."""
    if not a[1].isdisjoint(b[1]):
        return False
    if meeting:
        same = all(not (x and y) or x & y for x, y in ((a[2], b[2]), (a[3], b[3])))
        return same and (bool(a[2] and b[2]) or _published_near(a[0], b[0]))
    if a[0].kind() == "Role":
        return a[2] == b[2] and _same_body(a[0].labels("organization"), b[0].labels("organization"))
    n, m = a[3], b[3]
    if not (n and m) or 5 * min(n, m) < 4 * max(n, m):  # sets of such sizes cannot share 80%
        return False
    return len(a[2] & b[2]) / len(a[2] | b[2]) >= 0.8  # at least 80% of their word stems shared


def _same_words(bucket: list[list], mine: list) -> int | None:
    """The first entry of the bucket (of the same kind and actors, neither a meeting nor a role) that tells
    `mine` in the same words from other sources, as _same_report decides it."""
    sources, stems, n = mine[1], mine[2], mine[3]
    if not n:
        return None
    for at, entry in enumerate(bucket):
        m = entry[3]
        if not m or 5 * (n if n < m else m) < 4 * (m if n < m else n) or not entry[1].isdisjoint(sources):
            continue
        shared = len(entry[2] & stems)
        if shared / (n + m - shared) >= 0.8:  # at least 80% of their word stems shared (|a|+|b|-|a&b| = |a|b|)
            return at
    return None


def _published_near(a: facts_mod.FactRecord, b: facts_mod.FactRecord, days: int = 7) -> bool:
    """Two reports of a meeting, one of them undated, tell one event only when they were published within a
    week of each other (two debates of the same pair, months apart, are two events); unknown dates agree."""
    def dates(rec: facts_mod.FactRecord) -> list[datetime.date]:
        out = []
        for p in rec.evidence:
            try:
                out.append(datetime.date.fromisoformat(str(p.source.get("published") or "")[:10]))
            except ValueError:
                continue
        return out
    ours, theirs = dates(a), dates(b)
    return not ours or not theirs or any(abs((x - y).days) <= days for x in ours for y in theirs)


def _same_body(ours: list[str], theirs: list[str]) -> bool:
    """Two reports' organizations of one title are one: either names none, or each name of one begins a
    name of the other ("Republican National" cut short from "Republican National Committee")."""
    low = [[x.lower() for x in ours], [x.lower() for x in theirs]]
    return not low[0] or not low[1] or all(any(x.startswith(y) or y.startswith(x) for y in low[1]) for x in low[0])


def _near_size(n: int, m: int) -> bool:
    """Two word-stem sets of these sizes can share 80% (the test _same_report starts with, made before the
    call: a frequent actor's hundred facts are compared two by two)."""
    return bool(n and m) and 5 * (n if n < m else m) >= 4 * (m if n < m else n)


def _stems(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"\w[\w'-]*", text.lower()) if len(w) > 2}
