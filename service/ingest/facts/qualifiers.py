"""What qualifies a fact: its condition ("if it were under a UN mandate"), negation, hedging
("may", "seems"), attribution ("according to X"), and time ("on Monday", "last week").
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from itertools import islice

from spacy.tokens import Token

from .. import columns, dates
from . import clauses
from .lexicon import Lexicon
from .seams import dated_name, quoted_sign
from .spans import any_between, char_span, child, only, subtree_span, text_of

CONDITION_MARKS = ("if", "unless", "provided", "providing", "as long as")
NEGATIONS = ("not", "n't", "never", "no")
TIME_PREPS = ("on", "in", "at", "during", "since", "until", "by", "last", "earlier", "this")


def condition(pred: Token) -> tuple[str, tuple[int, int]] | None:
    """The `if` clause under a predicate or under the clause it governs (text, char span)."""
    marked = _conditions(pred.doc)
    at = bisect_left(marked, pred.left_edge.i)
    if at == len(marked) or marked[at] > pred.right_edge.i:
        return None  # no token of its subtree could open a condition: the loop below would find none
    own = list(pred.children) + [g for c in pred.children if c.dep_ in ("ccomp", "xcomp", "dobj", "prep")
                                 for g in c.subtree]
    for c in own:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
            span = char_span(pred.doc, *subtree_span(c))
            if span:
                return text_of(pred.doc, span), span
        if c.dep_ == "prep" and c.lower_ in ("on", "under", "with") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in ("condition", "proviso") for g in c.children):
            span = char_span(pred.doc, *subtree_span(c))  # "on condition that the army halts air strikes"
            if span:
                return text_of(pred.doc, span), span
    return None


CONDITIONS_KEY = "kgqa_conditions"


def _conditions(doc) -> list[int]:
    """Indices of the tokens that condition() could return, found once per Doc (it runs for every
    candidate, and few sentences hold an "if" or an "on condition that")."""
    found = doc.user_data.get(CONDITIONS_KEY)
    if found is None:
        found = doc.user_data[CONDITIONS_KEY] = [  # both kinds of condition are an advcl or a prep
            i for i in columns.where(doc, "dep", ("advcl", "prep")) if _conditional(doc[i])]
    return found


def _conditional(c: Token) -> bool:
    return (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)) or (
        c.dep_ == "prep" and c.lower_ in ("on", "under", "with") and any(
            g.dep_ == "pobj" and g.lemma_.lower() in ("condition", "proviso") for g in c.children))


def negated(pred: Token) -> bool:
    """The predicate itself is negated ("did not accept", "are not concerned")."""
    heads = [pred]
    if (pred.dep_ in ("acomp", "xcomp") or (pred.pos_ == "ADJ" and pred.head != pred)) and quoted_sign(pred) is None:
        heads.append(pred.head)  # not "banners reading 'Don't give up' to demand": the banner's words
    heads += [c for c in pred.children if c.dep_ == "aux"]  # "never will accept": the adverb hangs on "will"
    if _elided_head(pred):
        heads.append(pred.head)  # "does not, and never will, accept": the first auxiliary's verb is this one
    if pred.dep_ == "xcomp" and pred.head.lemma_ in ("have", "be") and any(
            c.lower_ == "yet" for c in pred.head.children):
        return True  # "has yet to ratify the bid": not done
    if emphatic(pred):
        return False  # "I couldn't agree more": the strongest agreement, not none
    if pred.dep_ == "xcomp" and pred.head.lower_ in NOT_LIKELY:
        return not any(c.dep_ == "neg" for c in pred.head.head.children)  # "is unlikely to seek": hedged, and not
    if failed(pred):
        return not any(c.dep_ == "neg" for c in pred.head.children)  # "failed to agree": did not agree
    if (verb := clauses.short_of(pred)) is not None:  # "stopped short of endorsing": did not endorse
        return not any(c.dep_ == "neg" for c in verb.children)
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")
               or c.lower_ in ("n't", "n’t")  # "has n't backed off" written apart: parsed as anything
               or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))  # "no longer"
               or (c.dep_ == "det" and c.lower_ == "no" and h.pos_ == "NOUN")  # "has no plans to"
               for h in heads for c in h.children) or none_done(pred)


NOT_LIKELY = ("unlikely", "improbable")  # "is unlikely to run": probably will not (hedged as well, verbs.tsv)
STRANDED = ("do", "have", "be", "will", "would", "can", "could", "shall", "should", "may", "might", "must")


def _elided_head(pred: Token) -> bool:
    """The predicate completes an auxiliary left without a verb before a coordination ("has not, and will
    not, sign": "has" is the head of "sign", and its own "not" negates it too)."""
    head = pred.head
    return pred.dep_ == "conj" and head.i < pred.i and head.lemma_.lower() in STRANDED and not any(
        c.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "attr", "prep") for c in head.children)


def none_done(pred: Token) -> bool:
    """The thing done is none: "no ransom was paid", "offered no concessions"."""
    return pred.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubjpass", "dobj") and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
        for c in pred.children)


FAILING = ("fail", "decline", "neglect")  # verbs whose to-clause was not done, and is no fact of its own


def failed(pred: Token) -> bool:
    """A to-clause of a verb of not doing ("failed to agree on a ceasefire", "declined to endorse him")."""
    return pred.dep_ == "xcomp" and pred.head.pos_ == "VERB" and pred.head.lemma_.lower() in FAILING


@only("lower", "more")
def _more(t: Token) -> bool:
    return t.lower_ == "more"


def emphatic(pred: Token) -> bool:
    """ "could not agree more", "couldn't disagree more": an idiom of full assent, neither negated nor hedged."""
    return any_between(pred.doc, _more, pred.i + 1, pred.right_edge.i + 1) and any(
        c.lower_ == "more" and c.i > pred.i for c in pred.children) and any(
        c.dep_ == "aux" and c.lower_ in ("could", "can") for c in pred.children) and any(
        c.dep_ == "neg" for c in pred.children)


def hedged(pred: Token, lexicon: Lexicon) -> float:
    """A weight below 1 when the predicate is hedged: a modal ("may"), a hedging adverb
    ("reportedly"), or a hedging verb above it ("seems open to")."""
    weight = 1.0
    if emphatic(pred):
        return weight
    heads = [pred]
    if pred.dep_ in ("acomp", "xcomp", "oprd") or pred.pos_ == "ADJ":
        heads.append(pred.head)
    for h in heads:
        for c in h.children:
            if c.dep_ in ("aux", "advmod") and lexicon.cue(c.lower_) == "hedge":
                weight = min(weight, lexicon.cue_weight(c.lower_))
        if h != pred and lexicon.cue(h.lemma_) == "hedge":
            weight = min(weight, lexicon.cue_weight(h.lemma_))
    for up in islice(pred.ancestors, 3):  # "it is a possibility that X", "X seems to"
        if lexicon.cue(up.lemma_) == "hedge" and up.pos_ != "AUX":
            weight = min(weight, lexicon.cue_weight(up.lemma_))
    for c in pred.head.children if pred.dep_ == "ccomp" else ():
        if c.dep_ in ("attr", "acomp") and lexicon.cue(c.lemma_) == "hedge":
            weight = min(weight, lexicon.cue_weight(c.lemma_))
    return weight


def time_of(pred: Token, published: str | None) -> tuple[str | None, str | None]:
    """(time text, ISO date) of a predicate: a DATE entity among its own modifiers (a weekday ahead
    when the clause is told in the future)."""
    for c in [*pred.children, *stray_times(pred)]:
        if c.dep_ == "prep" and c.lower_ in TIME_PREPS:
            obj = child(c, "pobj")
            if obj is not None and obj.ent_type_ == "DATE":
                return _timed(c.i, _entity_end(pred.doc, obj.i), pred, published)
            if obj is not None and dated_name(c) is not None:  # "In 2014 Norway agreed": the date, not the name
                return _timed(c.i, _entity_end(pred.doc, c.i + 1), pred, published)
            if obj is not None and obj.ent_type_ == "TIME" and any(
                    d.dep_ == "compound" and d.ent_type_ == "DATE" for d in obj.lefts):  # "on Friday morning"
                return _timed(c.i, obj.i + 1, pred, published)
            # "On Wednesday Macron spoke": the parser hangs the date on the name, leaving "On" bare
            nxt = pred.doc[c.i + 1] if c.i + 1 < len(pred.doc) else None
            if obj is None and nxt is not None and nxt.ent_iob_ == "B" and nxt.ent_type_ == "DATE":
                return _timed(c.i, _entity_end(pred.doc, nxt.i), pred, published)
        if c.dep_ in ("npadvmod", "advmod", "tmod", "appos") and c.ent_type_ == "DATE":
            end = c.i + 1 if c.lower_ in ("day", "days") else c.right_edge.i + 1  # not "the next day at a hotel"
            text, day = _timed(c.left_edge.i, end, pred, published)
            return text, day or _day_after(text, pred, published)
        if c.dep_ == "advmod" and c.lower_ in ("recently", "yesterday", "today"):
            return _timed(c.i, c.i + 1, pred, published)
    return None, None


def stray_times(pred: Token) -> list[Token]:
    """A time the parser hung on the object's apposition ("met the party's leader, X, the following day"):
    the verb's time, never a name of the one met."""
    if not any_between(pred.doc, _dated_apposition, pred.left_edge.i, pred.right_edge.i + 1):
        return []  # none under the predicate at all
    return [t for c in pred.children if c.dep_ == "dobj" for t in c.subtree if _dated_apposition(t)]


@only("dep", "appos")
def _dated_apposition(t: Token) -> bool:
    return t.dep_ == "appos" and t.ent_type_ == "DATE" and t.pos_ == "NOUN"


NEXT_DAY = ("the following day", "the next day", "a day later")


def _day_after(text: str | None, pred: Token, published: str | None) -> str | None:
    """ "the following day" after a sentence that names one day ("met X on Sunday. He met Y the
    following day"): the day after it; None when that sentence names no day or more than one."""
    if (text or "").lower() not in NEXT_DAY or pred.sent.start == 0:
        return None
    before = pred.doc[pred.sent.start - 1].sent
    days = {resolve_date(e.text, published) for e in before.ents if e.label_ == "DATE"} - {None}
    if len(days) != 1:
        return None
    return (dt.date.fromisoformat(days.pop()) + dt.timedelta(days=1)).isoformat()


def _entity_end(doc, i: int) -> int:
    """The end of the entity that token i begins or continues: the date itself, no more."""
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _timed(start: int, end: int, pred: Token, published: str | None) -> tuple[str | None, str | None]:
    """The time text of tokens [start, end) and its date, a weekday ahead when `pred` is told in the
    future (_future: asked only here, once a time is found)."""
    span = char_span(pred.doc, start, end)
    if not span:
        return None, None
    text = text_of(pred.doc, span)
    return text, resolve_date(text, published, future=_future(pred))


def _future(pred: Token) -> bool:
    """A clause told in the future ("will present on Thursday", "plans to meet on Friday"): its weekday
    is the next one, not the last. A noun ("their second debate on Monday") is told in its verb's tense."""
    for _ in range(3):  # "will take the stage for their debate": the verb the noun hangs on
        if pred.pos_ in ("VERB", "AUX") or pred.head == pred:
            break
        pred = pred.head
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in pred.children):
        return True
    return pred.dep_ == "xcomp" and pred.head.lemma_ in ("be", "plan", "expect", "schedule", "intend", "due") \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children)


def resolve_date(text: str, published: str | None, future: bool = False) -> str | None:
    """ISO date of a time expression ("on Monday", "yesterday", "Sept. 28") against the published
    date (the dates helper of the ingest stages); None when it names no single day."""
    found = dates.resolve_date(text, published, future=future)
    return found.date if found is not None and found.precision == "day" else None


def duration(text: str) -> str | None:
    """xsd:duration of "more than 90 minutes" -> PT90M (the number stated, the bound kept in the text)."""
    found = dates.parse_duration(text)
    return found[0] if found else None
