"""Questions put to someone: "asked about X" is a question, not a request; "Asked whether X, Y said no" is
Y's answer to X, not Y's words "Asked whether X".
"""
from __future__ import annotations

from spacy.tokens import Token

QUESTION_NOUNS = ("question", "questions", "query", "queries")
ASKING = ("ask", "press", "question")  # "Asked whether ...", "Pressed on whether ..."


def answered(pred: Token) -> tuple[str | None, tuple[int, int]] | None:
    """ "Asked whether X, Y said no": (the answer "no" or "yes", or None when the verb gives neither, and the
    token range of X); None when no such question frames the verb."""
    frame = next((c for c in pred.children if c.dep_ == "advcl" and c.i < pred.i and c.tag_ == "VBN"
                  and c.lemma_.lower() in ASKING), None)
    if frame is None:
        return None
    clause = next((c for t in [frame, *(p for p in frame.children if p.dep_ == "prep")] for c in t.children
                   if c.dep_ in ("ccomp", "pcomp") and any(m.dep_ == "mark" and m.lower_ in ("whether", "if")
                                                         for m in c.children)), None)
    if clause is None:
        return None
    start = next(m.i for m in clause.children if m.dep_ == "mark") + 1
    word = next((c.lower_ for c in pred.children if c.lower_ in ("no", "yes") and c.i > pred.i), None)
    return word, (start, clause.right_edge.i + 1)


def inquiry(pred: Token) -> bool:
    """'ask about X': a question put, not a request ('ask for X', 'ask Y to do Z' are requests)."""
    if pred.lemma_.lower() not in ("ask", "inquire", "enquire"):
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() in QUESTION_NOUNS for c in pred.children):
        return True  # "asked the same question", "asked questions about the deal"
    return any(c.dep_ == "prep" and c.lower_ == "about" for c in pred.children) and not any(
        c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ == "for" for c in pred.children)
