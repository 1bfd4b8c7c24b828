"""Whether an Intention is told as its holder's plan. Not when a plan is only the measure of something
else ("fought harder than she had planned to"), when the clause asks or leaves open what is planned
("what he decides to do with it", "whether both sides want a deal", "will decide whether to run"), nor
when its holders are shares of people polled ("47 percent said they would vote for her": a poll's
finding, told as their Statement, not anyone's plan).
"""
from __future__ import annotations

from spacy.tokens import Token

QUESTION_WORDS = ("what", "which", "who", "whom", "whose", "whatever", "whichever")  # not "that", tagged WDT
COPULAS = ("be", "is", "was", "are", "were", "'s", "’s")
QUESTION_MARKS = ("whether", "if")
# how an indirect question hangs on what asks or wonders: "see what he decides", "question as to whether"
QUESTION_DEPS = ("ccomp", "pcomp", "csubj", "dobj", "advcl")  # advcl: "whatever he decides to do, ..."


def untold(pred: Token, holders: list[str], actors: dict) -> bool:
    """Is this Intention not told as its holders' own plan (see the module's docstring)?"""
    return compared(pred) or asked_open(pred) or polled(holders, actors)


def compared(pred: Token) -> bool:
    """ "Fought harder than she had planned to": the plan is the measure of what was done, not told."""
    return any(c.dep_ == "mark" and c.lower_ == "than" for c in pred.children) and not any(
        c.tag_ == "WRB" for c in pred.children)  # "than when he was seeking to win": a time compared


def asked_open(pred: Token) -> bool:
    """An indirect question ("to see what he decides to do", "as to whether both sides want to make it"):
    what is planned is asked, not told. A relative clause ("the wall he wants to build"), a clause after
    a copula ("that's what we intend to do") or one asking how or why ("how and why he decided to add
    it") tells the plan."""
    if _no_object(pred) and any(c.dep_ in ("xcomp", "ccomp") and c.left_edge.i > pred.i and _asks(c)
                                for c in pred.children):
        return True  # "will decide whether to run", "has not decided which candidate he will back"
    clause = pred
    while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
        clause = clause.head
    if clause.dep_ not in QUESTION_DEPS or clause.head.lemma_.lower() in COPULAS or clause.head.lower_ in COPULAS:
        return False  # "that's what we intend to do": a plan named, not asked
    return _asks(clause)


def _no_object(pred: Token) -> bool:
    """No object of its own before its clause: "decided which to back", not "would nominate justices who
    oppose it" (a relative clause the parser hung on the verb)."""
    return not any(c.dep_ in ("dobj", "dative") for c in pred.children)


def _asks(clause: Token) -> bool:
    """A clause opened by a word that makes it a question ("what", "which", "whether", "if"),
    not by one of a clause inside it ("said when elected he would", "said if elected he would")."""
    first, tok = clause.left_edge, clause.left_edge
    while tok != clause and tok.head != tok:
        if tok.dep_ == "advcl":
            return False
        tok = tok.head
    if first.lower_ in QUESTION_MARKS:
        return first.dep_ == "mark" and first.head == clause
    return first.lower_ in QUESTION_WORDS  # "what", "which": the thing planned is what is asked; "how
    # and why X decided to": the decision is told


def polled(holders: list[str], actors: dict) -> bool:
    """Holders that are all shares of people polled ("Only 4 in 10 voters", "A majority of her backers"),
    Groups of one document (sources.shares)."""
    return bool(holders) and all(k.startswith("unnamed-") and k in actors and actors[k].kind == "Group"
                                 for k in holders)
