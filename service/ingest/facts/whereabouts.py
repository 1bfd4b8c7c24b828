"""Where and for how long a meeting took place, from the phrases around its verb or noun: "in Vilnius",
"at the chancellery in Berlin", "on the sidelines of the summit in Vilnius", "a visit to Kenya", "for
three hours", "two days of talks", or the dateline that opens its sentence ("VIENNA (Reuters) - ...").
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from ...model import Fact
from . import attendance, qualifiers, timing
from .spans import char_span, child, noun_phrase, text_of

PLACE_KINDS = ("Place", "Country")
DURATION_ENTS = ("TIME", "DATE")


def fill(fact: Fact, pred: Token, resolver) -> None:
    """Set the meeting's place and duration from the phrases of its verb or noun (and of the verb a
    meeting noun is the object of: "attended the summit in Vilnius"); a remote meeting (fact.remote, set
    before) takes no place from the dateline."""
    preps = [*pred.children, *attendance.stray_after(pred)] if pred.pos_ != "NOUN" else [
        t for t in pred.subtree if t.dep_ == "prep" and not _of_clause_noun(t, pred)]
    verb = attendance.took_part(pred) if pred.pos_ == "NOUN" else None
    preps += list(verb.children) if verb is not None else []
    if pred.pos_ != "NOUN":  # "held talks for 85 minutes in Paris": the length and place told on the noun held
        held = [c for c in pred.children if c.dep_ == "dobj" and c.lemma_.lower() in resolver.lex.meeting_words]
        preps += [t for c in held for t in c.children if t.dep_ == "prep" and t.lower_ in ("for", "in", "with")]
        preps += [t for c in held for a in c.children if a.dep_ == "acl" and a.lemma_.lower() in attendance.LAST_VERBS
                  for t in a.children if t.dep_ == "prep" and t.lower_ in ("in", "at")]  # "talks lasting an hour at X"
    preps += [t for c in [*pred.children, *qualifiers.stray_times(pred)] if c.dep_ in ("npadvmod", "appos")
              and c.ent_type_ == "DATE" for t in c.children
              if t.dep_ == "prep" and t.lower_ in ("at", "in")]  # "met X the next day at a hotel in Y"
    preps += [t for c in preps if c.dep_ == "prep" for g in c.children if g.lower_ in BESIDE
              for t in g.subtree if t.dep_ == "prep"]  # "on the sidelines of the summit in Vilnius"
    preps += [t for c in preps if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"
              for t in g.children if t.dep_ == "prep" and t.lower_ in ("in", "at")]  # "a meeting with X in Paris"
    preps += [t for c in preps if c.dep_ == "prep" and c.lower_ in ("for", "on") for g in c.children
              if g.ent_type_ in DURATION_ENTS for t in g.children if t.dep_ == "prep"]  # "for an hour at X"
    for c in preps:
        obj = child(c, "pobj") if c.dep_ == "prep" else None
        if obj is None and c.dep_ == "prep" and c.lower_ == "for" and fact.duration is None:
            obj = _bare_length(c)  # "met for two hours behind closed doors": "hours" hung on "behind"
            if obj is not None:
                span = char_span(pred.doc, c.i + 1, obj.i + 1)
                fact.duration_text = text_of(pred.doc, span)
                fact.duration = qualifiers.duration(fact.duration_text)
            continue
        if obj is None:
            continue
        if c.lower_ == "for" and obj.ent_type_ in DURATION_ENTS:
            span = char_span(pred.doc, obj.left_edge.i, _measure_end(obj))
            fact.duration_text = text_of(pred.doc, span)
            fact.duration = qualifiers.duration(fact.duration_text)
        elif (c.lower_ in ("in", "at") or (c.lower_ == "to" and pred.lemma_.lower() == "visit")) \
                and fact.place is None:  # "a visit to Kenya": where it took place
            fact.place = place_named(obj, resolver)  # not "at the Kazakh ministry": the dateline's city says more
        if c.lower_ in ("in", "at") and fact.place_text is None:
            fact.place_text = venue_text(c, obj)
    measure = timing.measure_of(pred) if pred.pos_ == "NOUN" else None  # whatever verb holds it
    if measure is not None and measure.ent_type_ in DURATION_ENTS and fact.duration is None:
        span = char_span(pred.doc, measure.left_edge.i, measure.i + 1)  # "two days (of talks)"
        fact.duration_text = text_of(pred.doc, span) if span else None
        fact.duration = qualifiers.duration(fact.duration_text) if fact.duration_text else None
    # "held talks lasting two hours", "met ..., a breakfast that lasted an hour"
    if fact.duration is None and pred.pos_ != "NOUN":
        told = [*pred.children, *(t for c in pred.children if c.dep_ == "prep" for t in c.subtree)]
        for noun in [c for c in told if c.dep_ in ("dobj", "npadvmod", "appos") and c.pos_ == "NOUN"
                     and (c.lemma_.lower() in resolver.lex.meeting_words or c.lemma_.lower() in MEAL_NOUNS)]:
            fact.duration_text, fact.duration = lasted_which(noun)
            if fact.duration:
                break
    if fact.place is None:  # "at the foreign ministry in Astana", "in the east room of the Capitol"
        fact.place = next((k for c in preps if c.dep_ == "prep" and c.lower_ in ("at", "in")
                           for o in c.children if o.dep_ == "pobj" for g in o.children
                           if g.dep_ == "prep" and (g.lower_ == "in" or (g.lower_ == "of" and o.pos_ != "PRON"))
                           for p in g.children if p.dep_ == "pobj"
                           for k in resolver.resolve(noun_phrase(p))[:1]
                           if resolver.actor(k).kind in (PLACE_KINDS if g.lower_ == "in" else ("Place",))), None)
    if fact.place is None and not fact.remote:
        fact.place = dateline_place(pred.sent, resolver) or lead_place(fact, pred, resolver)


def _bare_length(prep: Token) -> Token | None:
    """The length right after a "for" the parser left without its object ("for two hours behind closed
    doors", "hours" hung on the next phrase): the head word of a time entity that starts there."""
    doc = prep.doc
    first = doc[prep.i + 1] if prep.i + 1 < len(doc) else None
    if first is None or first.ent_iob_ != "B" or first.ent_type_ not in DURATION_ENTS:
        return None
    end = first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    last = doc[end - 1]
    return last if last.lemma_.lower() in MEASURE_UNITS else None


MEASURE_UNITS = ("minute", "hour", "day", "week", "month", "year")
BESIDE = (*attendance.BESIDE_NOUNS, "door", "doors")  # "behind closed doors at the palace": the palace


def _of_clause_noun(prep: Token, noun: Token) -> bool:
    """A phrase on another noun inside a clause on the meeting noun ("a meeting arranged by the embassy [in
    Canberra]"): where that noun is, not where the meeting was ("a meeting held [in Geneva]" is)."""
    if prep.head == noun or prep.head.pos_ not in ("NOUN", "PROPN"):
        return False
    tok = prep.head
    while tok != noun and tok.head != tok:
        if tok.dep_ in ("acl", "relcl"):
            return True
        tok = tok.head
    return False


def place_named(obj: Token, resolver) -> str | None:
    """The place a phrase after "in" or "at" names: a place or a country's name, or a place noun named after
    one ("the Qasr Al Watan palace", "the Berlaymont building")."""
    keys = resolver.resolve(noun_phrase(obj))
    kind = resolver.actor(keys[0]).kind if keys else None
    if kind == "Place" or (kind == "Country" and obj.pos_ == "PROPN"):
        return keys[0]
    if keys or obj.lemma_.lower() not in PLACE_NOUNS:
        return None
    return next((k for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                 for k in resolver.resolve(noun_phrase(c))[:1] if resolver.actor(k).kind == "Place"), None)


def venue_text(prep: Token, obj: Token) -> str | None:
    """ "at a hotel in Lusaka", "at the U.S. mission": a place named by a common noun of a building or room,
    as written with its preposition (no named place says it); not "in the region", nor a named place."""
    named = obj.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children)
    if not (obj.pos_ == "NOUN" or named) or obj.lower_ not in VENUES and obj.lemma_.lower() not in VENUES:
        return None  # a building named as a proper noun ("at Parliament House") counts as one
    end = max([obj.i] + [t.right_edge.i for t in obj.rights if t.dep_ not in ("punct", "cc", "conj", "appos")])
    span = char_span(obj.doc, prep.i, end + 1)
    return text_of(obj.doc, span) if span else None


def _measure_end(obj: Token) -> int:
    """Where a length ends: "45 minutes", not "45 minutes at the convention centre" (a place of its own)."""
    ends = [obj.i] + [t.right_edge.i for t in obj.rights if t.dep_ not in ("prep", "relcl", "acl", "punct", "cc")
                      and not (t.dep_ == "conj" and t.ent_type_ not in DURATION_ENTS)]
    return max(ends) + 1


def dateline_place(sent, resolver) -> str | None:
    """The place of a dateline that opens the meeting's sentence, or ends just before it (the parser
    may cut "VIENNA (Reuters) —" off as a sentence of its own): where the reported events were."""
    in_dateline = getattr(resolver, "in_dateline", None)
    if in_dateline is None:
        return None
    if in_dateline(sent.start):
        start = end = sent.start
        while end < sent.end and in_dateline(end):
            end += 1
    elif sent.start > 0 and in_dateline(sent.start - 1):
        start = end = sent.start
        while start > 0 and in_dateline(start - 1):
            start -= 1
    else:
        return None
    doc = sent.doc
    for m in resolver.mentions_in(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)):
        if resolver.actor(m.actor).kind == "Place":
            return m.actor
    return None


LEAD_PARAGRAPHS = 3  # the paragraphs of wire copy that report the dateline's events
RECENT_DAYS = 7


def lead_place(fact: Fact, pred: Token, resolver) -> str | None:
    """A meeting told in the first paragraphs of an article that opens with a dateline, with no time or a
    time of the days before publication: at the dateline's place ("BRUSSELS (Reuters) — ... The two
    ministers held two days of talks"). Later paragraphs tell background, elsewhere."""
    in_dateline = getattr(resolver, "in_dateline", None)
    document = getattr(resolver, "document", None)
    doc = pred.doc
    if in_dateline is None or document is None or not len(doc) or not in_dateline(0):
        return None
    if fact.time_text and not recent(fact.date, document.published):
        return None
    if len(re.findall(r"\n\s*", doc.text[:pred.idx])) >= LEAD_PARAGRAPHS:
        return None
    return dateline_place(doc[0].sent, resolver)


def recent(day: str | None, published: str | None) -> bool:
    """A day in the week before publication: the news the article reports, not its background."""
    try:
        gap = dt.date.fromisoformat((published or "")[:10]) - dt.date.fromisoformat((day or "")[:10])
    except ValueError:
        return False
    return 0 <= gap.days <= RECENT_DAYS


def lasted_which(noun: Token) -> tuple[str | None, str | None]:
    """The length a which-clause gives a meeting noun or the place named on it ("a summit in the
    capital, which lasted six hours": a place lasts no hours, the summit did)."""
    for tok in noun.subtree:
        lasting = tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head == noun  # "talks lasting two hours"
        if tok.lemma_.lower() not in attendance.LAST_VERBS or not lasting and not _said_which(tok, noun) and (
                tok.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in tok.children)):
            continue
        if tok.head != noun and not _said_which(tok, noun) and tok.head.ent_type_ not in ("GPE", "LOC", "FAC") \
                and tok.head.lemma_.lower() not in PLACE_NOUNS:
            continue  # "a summit of the bloc, which has lasted decades": only the meeting or its place
        text, length = length_of(tok)
        if text:
            return text, length
    return None, None


def _said_which(verb: Token, noun: Token) -> bool:
    """ "The breakfast, which one of them said lasted two hours": a verb of lasting with no subject of its
    own, reported in a which-clause on the meeting noun."""
    said = verb.head
    return verb.dep_ == "ccomp" and said.dep_ == "relcl" and said.head == noun \
        and any(c.tag_ == "WDT" for c in said.children) and not any(c.dep_ == "nsubj" for c in verb.children)


def length_of(verb: Token) -> tuple[str | None, str | None]:
    """The length a verb of lasting gives ("lasted six hours", "went on for 85 minutes"): its words and
    its xsd:duration."""
    for c in verb.children:
        obj = child(c, "pobj") if c.dep_ == "prep" and c.lower_ in ("for", "over", "under") else c
        if obj is None or (obj.ent_type_ not in DURATION_ENTS and obj.lemma_.lower() not in UNITS) \
                or c.dep_ not in ("prep", "npadvmod", "dobj"):
            continue
        # "lasted a little over an hour": the words between the verb and the unit are the length's
        start = min([obj.left_edge.i] + [d.left_edge.i for d in verb.children if verb.i < d.i < obj.i
                                         and d.dep_ in ("dobj", "advmod", "npadvmod")])
        span = char_span(verb.doc, start, obj.right_edge.i + 1)
        text = text_of(verb.doc, span) if span else None
        if text and qualifiers.duration(text):
            return text, qualifiers.duration(text)
    return None, None


UNITS = ("minute", "hour", "day", "week")  # a length told without a date or time entity ("a little over an hour")
MEAL_NOUNS = ("breakfast", "lunch", "dinner")  # a meal told beside a meeting is that meeting
PLACE_NOUNS = ("capital", "city", "town", "resort", "headquarters", "palace", "hotel", "venue")
# buildings and rooms a meeting is held in, kept as written when no named place says where ("at a hotel")
VENUES = ("hotel", "mission", "embassy", "consulate", "residence", "office", "palace", "ministry", "headquarters",
          "building", "hall", "room", "restaurant", "diner", "cafe", "café", "villa", "compound", "resort", "venue",
          "chamber", "airport", "base", "church", "centre", "center", "club", "home", "farm", "ranch", "library",
          "school", "hospital", "tent", "lodge", "estate", "castle", "house", "mansion", "suite", "studio",
          "presidency", "chancellery", "secretariat")
