"""Lists the parser reads as a name with an apposition: "Norway, the EU and the Faroe Islands agreed" (the
second member hung on the first as its apposition, the rest on the second), "Serbia's negotiator, X, and
Kosovo's negotiator, Y" (the second titled member hung on the first one's name). holders.py asks these for
the members after the first."""
from __future__ import annotations

from spacy.tokens import Token

from .spans import noun_phrase


def listed_in_apposition(tok: Token, resolver) -> list[str]:
    """ "Norway, the EU and the Faroe Islands agreed": a list the parser read as a name with an apposition
    that has the list's "and Z": a name right after the comma, itself named, with its own "and" and
    conjunct, is the list's second member, not another name of the first. The members after the first."""
    doc = tok.doc
    for a in tok.children:
        if a.dep_ != "appos" or a.pos_ != "PROPN" or a.left_edge.i != tok.i + 2 or doc[tok.i + 1].text != ",":
            continue
        if not (any(c.dep_ == "cc" for c in a.children) and any(c.dep_ == "conj" for c in a.children)):
            continue
        members = [a, *a.conjuncts]  # the phrase of the first may hold the others
        keys = list(dict.fromkeys(k for m in members for k in resolver.resolve(noun_phrase(m))))
        first = resolver.resolve(noun_phrase(tok))
        if len(keys) == len(members) and not set(first) & set(keys) and not any(
                resolver.actor(k).kind == "Person" for k in first + keys):  # people: a caption's list, an aside
            return keys
    return []


def conjoined_to_apposition(tok: Token) -> list[Token]:
    """ "Serbia's chief negotiator, Nenad Ilic, and Kosovo's chief negotiator, Ana Gashi": the parser hangs
    the second member on the first one's apposition; the titles so hung after an "and", each with its name."""
    if tok.pos_ != "NOUN":
        return []  # a name with an apposition and "and": a caption's list, read as is
    out = []
    for a in tok.children:
        if a.dep_ != "appos" or a.i < tok.i or a.pos_ != "PROPN":
            continue
        out += [c for c in a.children if c.dep_ == "conj" and c.pos_ == "NOUN"  # another title, with its name
                and any(t.dep_ == "appos" and t.pos_ == "PROPN" for t in c.children)
                and any(t.dep_ == "cc" and t.lower_ == "and" and a.i < t.i < c.i for t in a.children)]
    return out
