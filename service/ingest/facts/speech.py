"""Reported speech: who said it, to whom, and what else their words carry.

- A position reported inside someone's words ("He revealed that Moscow fears ...") is attributed to
  the speaker.
- A quote's speaker also speaks the quoted sentences that follow in the same paragraph with no
  speaker of their own ("Iran is one of those players," after `"...," he said.`).
"""
from __future__ import annotations

from spacy.tokens import Token

from ...model import Fact, Span
from .clauses import char_span, text_of
from .positions import Candidate

OPEN_QUOTES = ("“", '"', "‘")
CLOSE_QUOTES = ("”", '"', "’")


def speaker_of(cand: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """The speech fact whose content holds this candidate's predicate, if any."""
    for other in candidates:
        if other is cand or not other.trigger.speech or other.content is None:
            continue
        start, end = other.content
        if start <= cand.pred.i < end:
            return other
    return None


def attribute(cand: Candidate, speech: Candidate) -> None:
    """Credit a reported position to its speaker."""
    if not speech.fact.holders or cand.fact.attributed_to:
        return
    cand.fact.attributed_to = speech.fact.holders[0]
    pred = speech.pred
    subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
    start = min(subj.left_edge.i, pred.i) if subj is not None else pred.i
    span = char_span(pred.doc, start, pred.i + 1)
    if span:
        cand.fact.attribution = text_of(pred.doc, span)


def has_quote(doc, start: int, end: int) -> bool:
    return any(t.text in OPEN_QUOTES for t in doc[start:end])


class Quotes:
    """Remembers the last quoted speaker of the current paragraph."""

    def __init__(self):
        self.speaker: Fact | None = None
        self.end_char = -1

    def heard(self, fact: Fact, sent) -> None:
        """A speech fact whose content is a quote."""
        self.speaker, self.end_char = fact, _last_char(sent)

    def continued(self, sent) -> Fact | None:
        """A Statement for a quoted sentence with no speaker of its own, in the same paragraph."""
        if self.speaker is None:
            return None
        doc = sent.doc
        first = next((t for t in sent if not t.is_space), None)
        gap = doc.text[self.end_char:first.idx if first is not None else sent.end_char]
        if "\n" in gap:
            self.speaker = None
            return None
        if first is None or first.text not in OPEN_QUOTES:
            return None
        close = next((t for t in sent if t.i > first.i and t.text in CLOSE_QUOTES), None)
        end = close.i if close is not None else sent.end
        span = char_span(doc, first.i + 1, end)
        if span is None:
            return None
        previous = self.speaker
        fact = Fact(kind="Statement", evidence=[Span(*char_span(doc, sent.start, sent.end))],
                    holders=list(previous.holders), verb=previous.verb, content=text_of(doc, span),
                    content_span=Span(*span), recipient=list(previous.recipient),
                    occasion=previous.occasion, time_text=previous.time_text, date=previous.date,
                    confidence=round(previous.confidence * 0.9, 3))
        self.end_char = _last_char(sent)
        return fact


def quote_tokens(pred: Token) -> bool:
    """The speech verb reports a direct quote (its clause sits between quote marks)."""
    sent = pred.sent
    return any(t.text in OPEN_QUOTES for t in sent)


def _last_char(sent) -> int:
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last.idx + len(last.text) if last is not None else sent.end_char
