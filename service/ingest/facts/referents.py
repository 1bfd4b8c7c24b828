"""What "the proposal" is: a fact whose content is only a definite noun phrase headed by a noun naming a
kind of fact ("accepted the proposal", "rejected his demand", "welcomed the deal") refers to the fact of
that kind told just before it in the document, by another holder (service/lexicon/referents.tsv names
the nouns and their kinds). Precision first: one candidate in reach, or no link at all.
"""
from __future__ import annotations

from bisect import bisect_right

from ...model import Fact

WINDOW = 8  # sentences back at most: a lede's proposal is still "the proposal" a few paragraphs on
_DEFINITE = {"the", "this", "that"}


def link(facts: list[Fact], doc, resolver, referents: dict[str, tuple[str, ...]]) -> None:
    """Set `responds_to` on each fact of `facts` that names an earlier fact by its kind. One pass in
    text order, looking back over the facts of the window only."""
    if not referents:
        return
    starts = [s.start_char for s in doc.sents]

    def sentence(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    told = sorted((f for f in facts if f.content_span is not None), key=lambda f: f.content_span.start)
    seen: list[tuple[int, Fact]] = []  # (sentence, fact) of facts with content of their own, in text order
    for fact in told:
        here = sentence(fact.content_span.start)
        named = _named(fact, doc, resolver, referents)
        if named is None:
            restated = _restated(fact, doc, resolver, [f for at, f in seen if at >= here - WINDOW])
            if restated is not None:
                fact.responds_to = restated
            seen.append((here, fact))
            continue
        kinds, owners, _ = named
        found: dict[tuple, Fact] = {}
        for at, cand in reversed(seen):
            if at < here - WINDOW:
                break
            if _candidate(cand, fact, kinds, owners):
                found.setdefault((cand.kind, tuple(sorted(cand.holders)), cand.content), cand)
        if len(found) > 1:  # "her demand" after she "demanded" X and "asked for" Y: the one told by the noun's verb
            found = {k: f for k, f in found.items() if _told_as(f, named[2])}
        if len(found) == 1:  # two proposals in reach: which one is meant is a guess
            fact.responds_to = next(iter(found.values()))


def _told_as(fact: Fact, noun: str) -> bool:
    """Whether a fact was told with the verb of the noun naming it ("demanded" for "the demand",
    "proposed" for "the proposal"): the same word, or the same stem of five letters or more."""
    verb = (fact.verb or "").split(" ")[0]
    stem = 0
    while stem < min(len(verb), len(noun)) and verb[stem] == noun[stem]:
        stem += 1
    return verb == noun or stem >= 5


def _candidate(cand: Fact, fact: Fact, kinds: tuple[str, ...], owners: set[str] | None) -> bool:
    if cand.kind not in kinds or cand.negated or cand.status or not cand.holders:
        return False
    if cand.content_span.end > fact.content_span.start or set(cand.holders) & set(fact.holders):
        return False  # a stance on one's own proposal is no response to it
    return owners is None or bool(owners & set(cand.holders))


def _named(fact: Fact, doc, resolver, referents) -> tuple[tuple[str, ...], set[str] | None, str] | None:
    """(the kinds the content names, the actors its possessor names or None, the noun) when the content is only
    "the/this/his [adjectives] NOUN" with NOUN in the lexicon; else None."""
    span = doc.char_span(fact.content_span.start, fact.content_span.end, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(words) < 2 or len(words) > 4:
        return None
    head = words[-1]
    kinds = referents.get(head.lemma_.lower())
    if kinds is None or head.tag_ not in ("NN",) or head != span.root:  # "the proposals": which ones?
        return None
    first, middle = words[0], words[1:-1]
    if any(t.pos_ != "ADJ" and not (t.dep_ == "amod" and t.tag_ == "VBN") for t in middle):
        # "the US proposal", "the audit proposal": named by more; "the phased plan" is an adjective's
        return None
    noun = head.lemma_.lower()
    if first.lower_ in _DEFINITE:
        return kinds, None, noun
    if first.tag_ == "PRP$":  # "his demand": his must be the other side, when it can be told who he is
        owners = set(resolver.resolve(doc[first.i:first.i + 1]))
        return kinds, owners or None, noun
    return None


def _restated(fact: Fact, doc, resolver, before: list[Fact]) -> Fact | None:
    """The proposal a leader restates: "X's president proposed [the brigade]" after "a Nigerian proposal to
    build a standby brigade": a proposal whose content is only "the NOUN" (an aside after a comma aside),
    naming the thing of the one earlier proposal of the holder's own country that names that noun."""
    if fact.kind != "Proposal" or len(fact.holders) != 1:
        return None
    span = doc.char_span(fact.content_span.start, fact.content_span.end, alignment_mode="expand")
    if span is None or len(span) < 2 or span[0].lower_ != "the":
        return None
    head = span.root
    if head.tag_ != "NN" or any(t.pos_ != "ADJ" for t in span[1:head.i - span.start]) or (
            head.i + 1 < span.end and span.doc[head.i + 1].text != ","):
        return None
    own = getattr(resolver, "country", lambda key: None)(fact.holders[0])
    if own is None or own == fact.holders[0]:
        return None
    noun = head.lemma_.lower()
    found = [f for f in before if f.kind == "Proposal" and f.holders == [own] and not f.negated and not f.status
             and f.content_span is not None and noun in _lemmas(doc, f)]
    return found[0] if len(found) == 1 else None


def _lemmas(doc, fact: Fact) -> set[str]:
    span = doc.char_span(fact.content_span.start, fact.content_span.end, alignment_mode="expand")
    return {t.lemma_.lower() for t in span} if span is not None else set()
