"""Figures and sentence-level qualifiers of the facts a sentence yields: its "according to X" (the
attribution, cut out of a content that holds it), the occasion, and numbers with what they count (filled
into the Estimate that covers them, or estimates of their own, whose holder is whoever stands behind them).
"""
from __future__ import annotations

from ...model import Fact, Span
from . import estimates, framing, kinds
from .positions import Builder, Candidate
from .spans import char_span, text_of

PLEDGES = ("Intention", "Commitment")  # "pledged about 1.5 billion dollars": the size of what is given
# kinds whose content may hold an estimate: what is said or feared, what was done ("had deployed about
# 10,000 soldiers", told by a speaker) and what is pledged; a proposal's or a deal's numbers are its terms
FIGURED = ("Statement", "Concern", "Action", *PLEDGES)


def qualify(builder: Builder, cand: Candidate, occasion, according) -> None:
    """Sentence-level qualifiers of one fact: attribution, occasion; an estimate's source."""
    fact = cand.fact
    if according is not None and cand.content and cand.content[0] <= according[2] < cand.content[1]:
        framing.cut_around(fact, cand, according)
    if according is not None and not fact.attribution:
        attribute(builder, fact, according)
    if occasion is not None and fact.occasion is None:
        fact.occasion = occasion
    if fact.kind == "Estimate" and cand.trigger.word == "put":  # "put the toll at 300"
        cand.content = estimates.put_figure(fact, cand.pred) or cand.content
    if fact.kind == "Estimate" and not fact.holders and fact.attributed_to:
        fact.holders = [fact.attributed_to]  # "..., according to the UN": the UN's estimate
    if fact.kind == "Estimate" and not fact.attribution:
        if cand.trigger.pos == "noun":  # "Recent Russian estimates are that ..."
            span = char_span(builder.doc, cand.pred.left_edge.i, cand.pred.i + 1)
            fact.attribution = text_of(builder.doc, span) if span else None
        elif cand.trigger.word == "put" and not fact.holders:  # "the city's civil protection office put the
            subj = next((c for c in cand.pred.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
            span = char_span(builder.doc, subj.left_edge.i, subj.i + 1) if subj is not None else None
            fact.attribution = text_of(builder.doc, span) if span else None  # figure at": named, no actor
        fact.attributed_to = fact.holders[0] if fact.holders else fact.attributed_to


ACCORDING_EXACT = 10  # a count this large told "according to X" is X's figure, exact or not


def in_sentence(builder: Builder, sent, kept: list[Candidate], according) -> list[Fact]:
    """Numbers with what they count: filled into an Estimate fact that covers them, or new ones.
    `according`: the sentence's "according to X" (according.according_to), found once."""
    out = []
    span = char_span(sent.doc, sent.start, sent.end)
    if span is None:
        return out
    evidence = Span(*span)
    sourced = according is not None or any(c.trigger.speech for c in kept)
    for number, phrase, noun, needs_approximate in estimates.counted(sent, sourced):
        cover = [c for c in kept if c.content and c.content[0] <= number.i < c.content[1]]
        estimate = next((c for c in cover if c.fact.kind == "Estimate"), None)
        if estimate is not None:
            if estimate.fact.quantity is None:  # "put the figure at 12,000": its count set by qualify
                estimates.fill(estimate.fact, number, phrase, noun, counts=estimate.trigger.word != "put")
            continue
        if any(c.lexical and not c.trigger.speech and c.fact.kind not in FIGURED for c in cover):
            continue  # "proposed a pause in exchange for about 40 hostages": terms, not an estimate
        if according is not None and (estimates.number_value(phrase) or 0) >= ACCORDING_EXACT:
            needs_approximate = False  # "has killed 31 soldiers, according to the army": the army's count
        fact = estimates.standalone(number, phrase, noun, evidence, needs_approximate)
        if fact is None:
            continue
        if according is not None:
            attribute(builder, fact, according)
            content = (fact.content_span and framing.tokens_of(sent, fact.content_span))
            if content and content[0] <= according[2] < content[1]:
                framing.cut_around(fact, Candidate(fact, number, kinds.GENERIC, content, False), according)
        background = estimates.in_relative_clause(noun)  # "where a million people sought shelter"
        holding = [c for c in cover if c.fact.holders and c.lexical and c.fact.kind != "Action" and not background]
        speaker = next((c for c in holding if c.trigger.speech or c.fact.kind not in PLEDGES), None)
        if speaker is None and not fact.attributed_to:  # "Japan pledged about 5 billion dollars": Japan's
            speaker = next(iter(holding), None)
        if speaker is not None:
            fact.holders = list(speaker.fact.holders)
            fact.attributed_to = speaker.fact.holders[0]
        elif fact.attributed_to:
            fact.holders = [fact.attributed_to]
        if background and not fact.holders:  # "which makes up about two-thirds of ...": a gloss
            continue
        out.append(fact)
    for cand in kept:
        if cand.fact.kind == "Estimate" and cand.fact.quantity is None:
            clause = cand.pred.head if cand.trigger.pos == "noun" else cand.pred
            tokens = list(clause.subtree)  # the number in what is estimated first ('estimated "about 18,000"')
            inside = range(*cand.content) if cand.content else range(0)
            estimates.fill_loose(cand.fact, sorted(tokens, key=lambda t: t.i not in inside))  # stable: in order
    return out


def attribute(builder: Builder, fact: Fact, according) -> None:
    fact.attribution = according[0]
    phrase = builder.doc[according[1].left_edge.i:according[3]]
    keys = builder.resolver.resolve(phrase) or builder.named_in(phrase)  # "State Department figures"
    fact.attributed_to = keys[0] if keys else fact.attributed_to
