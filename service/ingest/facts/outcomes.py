"""What talks ended with: an agreement those who met reached ("ended with an agreement on the dates of
three debates") or did not ("ended three days of talks without a ceasefire"), each an Agreement of theirs
told beside the meeting (meetings.py asks these of the meetings it finds).
"""
from __future__ import annotations

from spacy.tokens import Token

from ...model import Fact, Span
from .spans import char_span, noun_phrase, text_of
from .timing import conditional

# what talks end without when no one agreed: "without a deal", "without reaching a ceasefire"
DEAL_NOUNS = ("deal", "agreement", "accord", "ceasefire", "cease-fire", "truce", "consensus", "compromise", "pact")


def reached(without: Token) -> list[Token]:
    """The agreement noun of a without-phrase: "without a deal", "without reaching an agreement"."""
    out = []
    for g in without.children:
        nouns = [g] if g.dep_ == "pobj" else [c for c in g.children if c.dep_ == "dobj"] if g.dep_ == "pcomp" else []
        out += [n for n in nouns if n.lemma_.lower() in DEAL_NOUNS]
    return out


END_VERBS = ("end", "close", "conclude", "finish", "wrap")  # "the talks ended with a deal on X"
TOLD_DEALS = ("ceasefire", "cease-fire", "truce")  # deal nouns that say what was agreed without an "on"-phrase
DEAL_TOPICS = ("on", "over", "about", "for")


def settled(meeting: Fact, noun: Token) -> Fact | None:
    """ "The meeting ... lasted an hour and ended with an agreement on the dates of three debates": what
    those who met agreed, an Agreement of theirs, told in the noun's sentence. Only a meeting held, told
    as over in the past tense (not "could end with a deal", "if the talks end with ..."), and a deal whose
    terms are named (its on-phrase, or a ceasefire itself): "ended with an agreement" alone says nothing."""
    if meeting.status or len(meeting.holders) < 2 or noun.dep_ != "nsubj":
        return None
    verbs = [noun.head] + [c for c in noun.head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                           and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    for verb in verbs:
        if verb.lemma_.lower() not in END_VERBS or verb.tag_ != "VBD" or any(
                c.dep_ in ("neg", "aux", "mark") for c in verb.children) or conditional(verb):
            continue
        for deal in (g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "in")
                     for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in DEAL_NOUNS):
            if any(c.dep_ == "det" and c.lower_ == "no" for c in deal.children):
                continue
            terms = next((g for c in deal.children if c.dep_ == "prep" and c.lower_ in DEAL_TOPICS
                          for g in c.children if g.dep_ == "pobj"), None)
            if terms is not None:
                found = char_span(deal.doc, terms.left_edge.i, terms.right_edge.i + 1)
            elif deal.lemma_.lower() in TOLD_DEALS:
                np = noun_phrase(deal)
                found = char_span(deal.doc, np.start, np.end)
            else:
                continue
            if found is None:
                continue
            sent = noun.sent
            fact = Fact(kind="Agreement", evidence=[Span(*char_span(noun.doc, sent.start, sent.end))],
                        holders=list(meeting.holders), content=text_of(deal.doc, found), content_span=Span(*found),
                        verb="agree", confidence=0.8)
            fact.date, fact.time_text, fact.occasion = meeting.date, meeting.time_text, meeting
            return fact
    return None


def unreached(meeting: Fact, pred: Token) -> Fact | None:
    """ "ended three days of talks without a ceasefire", "met without reaching a deal": what those who
    met did not agree, a negated Agreement of theirs (held meetings only)."""
    if meeting.status or len(meeting.holders) < 2:
        return None
    verb = pred if pred.pos_ in ("VERB", "AUX") else next(
        (t for t in pred.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    deal = next((g for c in [*verb.children, *pred.children] if c.dep_ == "prep" and c.lower_ == "without"
                 for g in reached(c)), None)
    if deal is None:
        return None
    np = noun_phrase(deal)
    found = char_span(deal.doc, np.start, np.end)
    if found is None:
        return None
    span = Span(*found)
    fact = Fact(kind="Agreement", evidence=list(meeting.evidence[:1]), holders=list(meeting.holders),
                content=text_of(deal.doc, found), content_span=span, verb="agree", confidence=0.8)
    fact.negated, fact.date, fact.time_text, fact.occasion = True, meeting.date, meeting.time_text, meeting
    return fact
