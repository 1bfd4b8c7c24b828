"""Questions put to someone: "asked about X" is a question, not a request; "Asked whether X, Y said no" is
Y's answer to X, not Y's words "Asked whether X"; an interview's "What worries you most?" makes the answer
after it the speaker's worry.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .kinds import trigger_for

QUESTION_NOUNS = ("question", "questions", "query", "queries")
ASKING = ("ask", "press", "question")  # "Asked whether ...", "Pressed on whether ..."


ANSWERS = ("no", "yes")


def answered(pred: Token, content: tuple[int, int] | None = None) -> tuple[str | None, tuple[int, int]] | None:
    """ "Asked whether X, Y said no" or 'said: "No. ..."': (the answer "no" or "yes", or None when the verb
    gives neither, and the token range of X); None when no such question frames the verb."""
    frame = next((c for c in pred.children if c.dep_ == "advcl" and c.i < pred.i and c.tag_ == "VBN"
                  and c.lemma_.lower() in ASKING), None)
    clause = _whether(frame) if frame is not None else None
    if clause is None:
        return None
    word = next((c.lower_ for c in pred.children if c.lower_ in ANSWERS and c.i > pred.i), None)
    return word or opening_answer(pred.doc, content), _question(clause)


def answered_before(pred: Token) -> tuple[str, tuple[int, int], Token] | None:
    """ "X was asked whether P. "No," she said.": (the answer, the token range of P, the one asked) when the
    sentence is a bare "No" or "Yes" told with the verb and the sentence before puts that question."""
    word = next((c for c in pred.children if c.dep_ == "intj" and c.lower_ in ANSWERS), None)
    start = pred.sent.start
    if word is None or start == 0 or any(
            not (t.is_punct or t.i in (word.i, pred.i) or t.dep_ == "nsubj" and t.head.i == pred.i) for t in pred.sent):
        return None
    before = pred.doc[start - 1].sent
    for frame in before:
        if frame.lemma_.lower() not in ASKING or frame.pos_ != "VERB":
            continue
        asked_one = next((c for c in frame.children if c.dep_ in ("nsubjpass", "dobj")), None)
        clause = _whether(frame)
        if asked_one is not None and clause is not None:
            return word.lower_, _question(clause), asked_one
    return None


def opening_answer(doc, content: tuple[int, int] | None) -> str | None:
    """ "No" or "yes" when a quoted answer opens with it as a sentence or an interjection ('"No. Families
    disagree."', '"Yes, we will"')."""
    if content is None:
        return None
    start = content[0]
    while start < content[1] and doc[start].is_punct:
        start += 1  # the opening quote mark
    if content[1] - start < 2:
        return None
    first, after = doc[start], doc[start + 1]
    return first.lower_ if first.lower_ in ANSWERS and first.dep_ == "intj" and after.is_punct else None


def _question(clause: Token) -> tuple[int, int]:
    """The token range of the question a whether-clause puts: its words after "whether" or "if"."""
    return next(m.i for m in clause.children if m.dep_ == "mark") + 1, clause.right_edge.i + 1


def _whether(frame: Token) -> Token | None:
    """The whether- or if-clause a verb of asking puts as its question ("asked whether X", "pressed on whether X";
    "asked if X", which the parser may read as a condition)."""
    return next((c for t in [frame, *(p for p in frame.children if p.dep_ == "prep")] for c in t.children
                 if c.dep_ in ("ccomp", "pcomp", "advcl") and any(m.dep_ == "mark" and m.lower_ in ("whether", "if")
                                                       for m in c.children)), None)


def inquiry(pred: Token) -> bool:
    """'ask about X', 'ask whether X': a question put, not a request ('ask for X', 'ask Y to do Z' are requests)."""
    if pred.lemma_.lower() not in ("ask", "inquire", "enquire"):
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() in QUESTION_NOUNS for c in pred.children):
        return True  # "asked the same question", "asked questions about the deal"
    if any(c.dep_ == "ccomp" and c.i > pred.i and (any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in
                                                       c.children) or c.left_edge.tag_ in ("WDT", "WP", "WRB"))
           for c in pred.children):
        return True  # "asked the council whether it would delay the vote", "asked why": a question put
    return any(c.dep_ == "prep" and c.lower_ == "about" for c in pred.children) and not any(
        c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ == "for" for c in pred.children)


# what an interviewer's question can ask a speaker to state as their own position
ASKED_KINDS = ("Concern", "Proposal", "Demand")
NEGATIVE_OPENINGS = ("no", "nothing", "none", "not", "never", "nobody", "neither")


def asked_stance(question: Span, lexicon):
    """The trigger of a wh-question put to the one answering ("What worries you most?", "What do you
    propose?", "What is your fear?"): the answer is that kind of position of theirs. None for yes/no
    questions and for what others think ("What does Canberra propose?")."""
    if not question.text.rstrip().endswith("?") or not any(t.lower_ == "what" for t in question):
        return None
    for tok in question:
        found = trigger_for(tok, lexicon)
        if found is None or found[0].fact_kind not in ASKED_KINDS:
            continue
        if any((c.dep_ in ("nsubj", "dobj") and c.lower_ == "you") or (c.dep_ == "poss" and c.lower_ == "your")
               for c in tok.children):
            return found[0]
    return None


def refusal(answer: Span) -> bool:
    """An answer that names nothing asked for ("Nothing.", "No, I fear nothing")."""
    first = next((t for t in answer if t.is_alpha), None)
    return first is None or first.lower_ in NEGATIVE_OPENINGS
