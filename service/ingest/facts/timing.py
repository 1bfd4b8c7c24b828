"""When a meeting is told as held: still to come ("will meet", "planned"), awaited ("until the talks"),
before or after another, one of a series, in the background of the story ("since their meeting in 2019"),
or measured ("talks lasting two hours"); and the wording a meeting's time is told in.
"""
from __future__ import annotations

import re
from itertools import islice

from spacy.tokens import Token

from ...model import Fact
from . import qualifiers

FUTURE_AUX = ("will", "to", "shall", "'ll")


def planned(pred: Token) -> bool:
    """A meeting still to come or not held by the subject: "will meet", "to meet", "were met"."""
    return any((c.dep_ == "aux" and c.lower_ in FUTURE_AUX) for c in pred.children) or \
        (any(c.dep_ == "auxpass" for c in pred.children) and not any(c.dep_ == "agent" for c in pred.children))


def before(noun: Token) -> bool:
    """A meeting named as a point in time before which something happened ("prior to the convening
    of the meeting", "hours before the summit")."""
    return any(t.lower_ in ("before", "prior", "ahead", "until", "since") for t in islice(noun.ancestors, 4))


AWAITING = ("until", "ahead")


def awaited(noun: Token) -> bool:
    """A meeting still awaited by what the clause reports ("not before the summit", "until after the
    summit", "ahead of the talks")."""
    steps = list(islice(noun.ancestors, 3))
    return any(t.lower_ in AWAITING or any(c.lower_ in AWAITING and c.i < noun.i for c in t.children)
               for t in steps if t.pos_ in ("ADP", "ADV", "SCONJ"))


def after_length(pred: Token, published: str | None, stray=()) -> tuple[str | None, str | None]:
    """The time the parser hung on the meeting's length ("met X for about 90 minutes on 14 October"):
    when the meeting was, as a time told on the verb would be."""
    for c in [*pred.children, *stray]:
        if c.dep_ == "prep" and c.lower_ == "for":
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ in ("TIME", "DATE"):
                    text, day = qualifiers.time_of(g, published)
                    if text:
                        return text, day
    return None, None


def conditional(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children)


MEASURES = ("minute", "hour", "day", "week", "round", "session")
FUTURE_TIMES = ("next", "tomorrow", "coming", "later this", "later in")


def measure_of(noun: Token) -> Token | None:
    """The measure a meeting noun is told in ("two days of talks", "three rounds of negotiations")."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "of" or head.head.lemma_.lower() not in MEASURES:
        return None
    return head.head


def to_come(time_text: str | None) -> bool:
    """A time still ahead ("next week", "tomorrow"): a meeting then has not been held."""
    low = (time_text or "").lower()
    return any(w in low for w in FUTURE_TIMES)


BACKGROUND_MARKS = ("since",)


def background(pred: Token) -> bool:
    """A meeting told as background ("the first call since they met in California", "the summit,
    which they held in 2019"): a fact of its own, but not the meeting later sentences speak of."""
    return pred.dep_ == "relcl" or any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in pred.children)


# adverbs that tell a series of contacts ("spoke by phone almost daily"), never one meeting
SERIES = ("daily", "weekly", "nightly", "regularly", "repeatedly", "frequently", "often", "routinely")
RELATIVE_TIMES = ("before", "after", "since", "ahead", "prior")
DEFINITE = ("the", "that", "this")


def series(pred: Token) -> bool:
    """Contacts told as a series ("spoke by phone almost daily", "met every week"): not one meeting."""
    return any(t.lower_ in SERIES or (t.dep_ == "det" and t.lower_ == "every" and t.head.lemma_.lower() in MEASURES)
               for c in _near(pred) for t in c.subtree)


def timed_by_meeting(pred: Token, meeting_words) -> bool:
    """A contact timed by the meeting the document speaks of ("in the week before the meeting", "after
    the talks"): another event than that meeting."""
    return any(t.lower_ in RELATIVE_TIMES and t.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in meeting_words and any(d.lower_ in DEFINITE for d in g.children)
        for g in t.children) for c in _near(pred) for t in c.subtree)


def _near(pred: Token) -> list[Token]:
    return [c for c in pred.children if c.dep_ in ("advmod", "npadvmod", "prep")]


def when(time_text: str) -> str:
    """A time expression without its preposition, to compare two reports' times."""
    words = time_text.lower().split()
    return " ".join(words[1:] if words and words[0] in ("on", "in", "at", "during") else words)


def date_from_before(facts: list[Fact], before: list[Fact], recent, sides=set) -> None:
    """A meeting told without a time takes the day of the sentence just before ("X and Y agreed on Friday
    to ... The two leaders held talks lasting two hours") when what exactly its participants did there is
    dated as news (`recent(date)`) and names one day; that sentence joins its evidence. `sides` reads holders
    as the sides they stand for ("Armenia and Azerbaijan agreed on Wednesday" before their ministers met)."""
    for meeting in facts:
        if meeting.kind != "Meeting" or meeting.time_text or meeting.status or len(meeting.holders) < 2:
            continue
        same = [f for f in before if f.kind != "Meeting" and f.date and sides(f.holders) == sides(meeting.holders)
                and not (f.status or f.negated or f.hedged or f.condition) and recent(f.date)]
        if same and len({f.date for f in same}) == 1:
            meeting.time_text, meeting.date = same[0].time_text, same[0].date
            meeting.evidence += [e for e in same[0].evidence if e not in meeting.evidence]


def other_year(one, other, published: str | None) -> bool:
    """Of two meetings, one told in a year before the report's ("in 2021 they met in X") and the other in
    none (this week's, undated): two meetings, not one told twice."""
    years = _year(one), _year(other)
    told = years[0] or years[1]
    return (years[0] is None) != (years[1] is None) and len(published or "") >= 4 and told < published[:4]


def _year(meeting) -> str | None:
    """The year a meeting is dated or told in, if any."""
    found = re.search(r"\b(1[89]|20)\d\d\b", meeting.date or meeting.time_text or "")
    return found.group(0) if found else None
