""""According to X": the source a sentence cites, where its phrase ends, and the doers the parser hung on
the source ("According to envoy Mara Lind, Brazil and Canada agreed": Brazil and Canada agreed, Lind tells it).
"""
from __future__ import annotations

from spacy.tokens import Token

from .. import columns
from .spans import char_span, child, text_of


def according_to(sent) -> tuple[str, Token, int, int] | None:
    """"according to X" in a sentence: (the phrase, X's head token, index of "according", index after X)."""
    for tok in (sent.doc[i] for i in columns.between(sent.doc, "lower", ("according",), sent.start, sent.end)):
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        obj = child(to, "pobj", "pcomp") if to is not None else None
        if obj is None and to is not None:
            obj = misparsed_source(to)
        if obj is not None:
            doers = doers_after(obj)  # "According to X, A and B agreed": X alone
            end = doers.i - 1 if doers is not None else obj.right_edge.i + 1
            span = char_span(tok.doc, tok.i, end)
            if span:
                return text_of(tok.doc, span), obj, tok.i, end
    return None


def misparsed_source(to: Token) -> Token | None:
    """ "According to envoy Mara Lind, Brazil and Canada agreed": the parser made the source the verb's
    subject and the doers its apposition. The source's head noun, when a comma follows it."""
    doc = to.doc
    if to.i + 1 >= len(doc):
        return None
    name = doc[to.i + 1]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    return name if name.dep_ in ("nsubj", "nsubjpass") and name.pos_ in ("PROPN", "NOUN") \
        and doers_after(name) is not None else None


def doers_after(source: Token) -> Token | None:
    """ "According to envoy Mara Lind, Brazil and Canada agreed": the doers the parser made an apposition
    of the source, set off by a comma, right before their verb."""
    doc = source.doc
    for c in source.children:
        nxt = c.right_edge.i + 1
        if c.dep_ in ("appos", "conj") and c.i > source.i and doc[c.i - 1].text == "," and nxt < len(doc) \
                and doc[nxt].pos_ in ("VERB", "AUX", "ADV") and doc[nxt].dep_ != "appos":
            return c
    return None


def after_according(subj: Token) -> Token | None:
    """ "According to envoy Mara Lind, Brazil and Canada agreed": the parser made the source the subject
    and the doers its apposition; the doers after the comma are the subject (None when none is)."""
    doc, left = subj.doc, subj.left_edge.i
    if left < 2 or doc[left - 2].lower_ != "according" or doc[left - 1].lower_ != "to":
        return subj
    return doers_after(subj)


def according_doers(pred: Token) -> Token | None:
    """ "According to Mara Lind, Brazil and Canada agreed": a verb left with no subject, whose doers the
    parser hung on the source of an opening "according to" as its apposition."""
    source = next((c for t in pred.children if t.lower_ == "according" and t.i < pred.i
                   for to in t.children if to.lower_ == "to" for c in to.children if c.dep_ == "pobj"), None)
    doers = doers_after(source) if source is not None else None
    if doers is None or doers.right_edge.i >= pred.i:
        return None
    between = pred.doc[doers.right_edge.i + 1:pred.i]
    return doers if all(t.head.i == pred.i and t.dep_ in ("aux", "auxpass", "neg", "advmod") for t in between) \
        else None
