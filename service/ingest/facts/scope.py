"""What a predicate with no content clause of its own covers: an action's complements to its right
("established a joint information center in Baghdad"), and the words a bare speech verb reports (the
sentence around "he said", the quote before '..., she said').
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import OBJECT_DEPS
from .contents import temporal


def right_complements(pred: Token, skip: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """Token range of everything a verb governs to its right (objects, prepositions, clauses), up to a
    coordinated verb: the content of an action ("established a joint information center in Baghdad")."""
    deps = OBJECT_DEPS + ("prep", "acomp", "ccomp", "xcomp", "agent", "npadvmod")  # a particle is the verb's
    kids = [c for c in pred.children if c.i > pred.i and c.dep_ in deps and c.dep_ not in skip
            and not (c.dep_ in ("prep", "npadvmod") and (temporal(c) or c.ent_type_ in ("DATE", "TIME")))]
    if not kids:
        return None
    start = min(k.left_edge.i for k in kids)
    end = max(k.right_edge.i for k in kids) + 1
    for c in pred.children:  # a coordinated clause ends the content
        if c.dep_ in ("conj", "cc") and start < c.i < end:
            end = c.i
    return start, end


# marks of a clause that says when or why, not what was said ("as she said, ..." is a report of it)
SUBORDINATING = ("after", "before", "since", "because", "than", "until", "although", "though")


def clause_around(pred, subj, obj=None) -> tuple[int, int] | None:
    """What a speech verb with no clause of its own reports: the rest of its sentence ("All of which,
    he said, would help": the sentence; '"We are ready," she said': the quote before; "..., the
    minister told lawmakers": what comes before, the one told is no part of it)."""
    if pred.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SUBORDINATING for c in pred.children):
        # "after she testified, X ...", "closer than he claimed": the sentence around is not what was said,
        # only the verb's own words are ("since she declared for governor")
        own = pred.i + 1, pred.right_edge.i + 1
        return own if sum(1 for t in pred.doc[own[0]:own[1]] if t.is_alpha) >= 2 else None
    if any(c.dep_ == "neg" for c in pred.children):
        return None  # "Ecuador has not replied": a reply not made says nothing
    reason = _parenthetical_in(pred)
    if reason is not None:  # "X did Y because, she said, Z": her words are Z, not the sentence
        return reason
    clause = pred.head if pred.dep_ == "xcomp" else pred
    if clause.dep_ == "relcl" and any(c.dep_ == "prep" and any(g.tag_ in ("WP", "WDT") for g in c.children)
                                      for c in clause.children):
        return None  # "those about whom he has written", "in which he seemed to confirm the critiques": the
        # clause says what its noun is; the sentence around it is not his words
    relative = clause.dep_ == "relcl" and clause.head.i < clause.i
    reduced = relative and not any(c.tag_ in ("WP", "WDT", "WRB") or c.lower_ == "that" for c in clause.children)
    alpha = lambda a, b: sum(1 for t in pred.doc[a:b] if t.is_alpha)  # noqa: E731
    # a speech verb in a relative clause: the sentence around says what its noun is, not what was said.
    # "the figure Brill cited has appeared in reports": with no relative word, the noun is what was cited;
    # "an editor who has argued for a ban, said ...": with one, only the clause's own words
    if reduced and clause.left_edge.i == clause.head.i + 1:  # not '... was the "obvious choice", X announced'
        noun = clause.head.left_edge.i, clause.left_edge.i
        return noun if alpha(*noun) and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in
                                            pred.doc[noun[0]:noun[1]]) else None
    if relative and not reduced:
        own = pred.i + 1, clause.right_edge.i + 1
        return own if alpha(*own) >= 2 else None
    sent = pred.sent
    first = min([pred.i] + ([subj.left_edge.i] if subj is not None else []))
    last = max([pred.i] + [c.right_edge.i for c in pred.children if c.dep_ in ("prep", "npadvmod", "advmod")
                           and c.i > pred.i] + ([obj.right_edge.i] if obj is not None and obj.i > pred.i else [])
               + ([subj.right_edge.i] if subj is not None and subj.i > pred.i else []))  # "..., said X, an expert"
    words = lambda a, b: sum(1 for t in pred.doc[a:b] if not t.is_punct and not t.is_space)  # noqa: E731
    # "Colombia accepted the offer; Ecuador has not replied": a clause past a semicolon is the sentence's other
    start = max([t.i + 1 for t in pred.doc[sent.start:first] if t.text == ";"], default=sent.start)
    end = min([t.i for t in pred.doc[last + 1:sent.end] if t.text == ";"], default=sent.end)
    left, right = words(start, first), words(last + 1, end)
    if left >= 3 and right >= 3:
        return start, end
    if max(left, right) < 3:
        return None
    return (start, first) if left > right else (last + 1, end)


def _parenthetical_in(pred) -> tuple[int, int] | None:
    """The subordinate clause a parenthetical speech verb sits in ("..., because, she said, lower prices would
    raise sales"): its words after the conjunction and the parenthetical; None when the verb is in no such clause."""
    head = pred.head
    mark = next((c for t in (head, pred) for c in t.children  # the parser hangs "because" on either
                 if c.dep_ == "mark" and c.lower_ in SUBORDINATING and c.i < pred.i), None)
    if pred.dep_ != "parataxis" or head.dep_ not in ("advcl", "conj") or mark is None or head.i < pred.i:
        return None
    start = mark.i + 1
    while start < head.i and (pred.doc[start].is_punct or pred.left_edge.i <= start <= pred.right_edge.i):
        start += 1
    own = start, head.right_edge.i + 1
    return own if sum(1 for t in pred.doc[own[0]:own[1]] if t.is_alpha) >= 3 else None
