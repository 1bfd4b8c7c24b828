"""Quotes in a paragraph: where one opens and closes, and which speaker a quote that goes on over the next
sentences keeps (`Quotes`, one per document, fed sentence by sentence by the reader).
"""
from __future__ import annotations

from ...model import Fact, Span
from .. import columns
from .spans import _prefix_counts, char_span, parsed_text, text_of

OPEN_QUOTES = ("“", '"', "‘")
CLOSE_QUOTES = ("”", '"', "’")
FINITE = ("VBZ", "VBP", "VBD", "MD")
CLOSING = {"“": ("”", '"'), '"': ('"', "”", "''"), "‘": ("’",)}


OPENS_KEY = "kgqa_open_quotes"


def has_quote(doc, start: int, end: int) -> bool:
    """Does an opening quote mark stand among the tokens [start, end) (counted once per Doc)?"""
    before = doc.user_data.get(OPENS_KEY)
    if before is None:
        before = doc.user_data[OPENS_KEY] = _prefix_counts(len(doc), columns.where(doc, "text", OPEN_QUOTES))
    start, end, _ = slice(start, end).indices(len(doc))  # as doc[start:end] reads them
    return end > start and before[end] > before[start]


class Quotes:
    """Remembers the last quoted speaker of the current paragraph, and whether their quote is still
    open at the end of the last sentence ('Lavrov said: "We are ready. But NATO must stop."')."""

    def __init__(self):
        self.speaker: Fact | None = None
        self.end_char = -1
        self.open = False
        self.unnamed_end = -1  # end of the last sentence quoting someone not named ("an official said")
        self.turn = False  # the speaker's words are a transcript turn: the paragraph, quote marks or none

    def unheard(self, sent) -> None:
        """A quote whose speaker names no actor: the quotes and pronouns right after are theirs."""
        self.speaker, self.open, self.unnamed_end = None, False, _last_char(sent)

    def after_unnamed(self, sent) -> bool:
        """Does this sentence follow straight on a quote by a speaker not named?"""
        first = next((t for t in sent if not t.is_space), None)
        return first is not None and self.unnamed_end >= 0 and \
            not parsed_text(sent.doc)[self.unnamed_end:first.idx].strip(" \n\t\"“”")

    def lost(self) -> None:
        """A quote whose own speaker is not told (only someone it quotes in turn): no one's words go on."""
        self.speaker, self.open = None, False

    def heard(self, fact: Fact, sent) -> None:
        """A speech fact whose content is a quote."""
        self.speaker, self.end_char, self.open = fact, _last_char(sent), _balance(sent) > 0
        self.turn = False

    def signed_ahead(self, fact: Fact, sent) -> None:
        """A quote this sentence opens, signed by `fact` in a later sentence: its words from this one on."""
        first = next(t for t in sent if not t.is_space)
        self.speaker, self.end_char, self.open, self.turn = fact, first.idx, False, False

    def turned(self, fact: Fact, sent) -> None:
        """A labelled turn of an interview ("Wulandari: ..."): the rest of its paragraph is the speaker's."""
        self.speaker, self.end_char, self.open, self.turn = fact, _last_char(sent), True, True

    def continues(self, sent) -> bool:
        """Is this sentence still the last speaker's words (a quote open, or a new quote opening,
        in the same paragraph)?"""
        first = next((t for t in sent if not t.is_space), None)
        if self.speaker is None or first is None:
            return False
        if "\n" in parsed_text(sent.doc)[self.end_char:first.idx]:
            self.speaker, self.open, self.turn = None, False, False
            return False
        if self.turn:
            return True
        if self.open and first.text == "”":  # '... "focusing on voters. ”Several senators urged ...': closed
            self.open = False
            return False
        if first.text in OPEN_QUOTES:
            return not _quoted_term(sent, first.i)
        before = first.i - 1  # the parser may leave a sentence's opening mark at the end of the one before
        if self.open and before >= 0 and sent.doc[before].text in OPEN_QUOTES and _quoted_term(sent, before):
            self.open = False
            return False
        return self.open

    def close_in(self, sent) -> int:
        """Where the speaker's quote that goes on over this sentence closes in it (its end when it does not)."""
        toks = [t for t in sent if not t.is_space]
        if self.turn or not toks:
            return sent.end
        close = _close(toks, toks[0].i + (0 if self.open else 1))
        return close.i if close is not None else sent.end

    def went_on(self, sent, reopened: bool = False) -> tuple[int, int]:
        """Follow the speaker's quote over a sentence that continues() it: where their words start and end
        in it, and whether the quote is still open after it. `reopened`: only whether a quote opens in it
        ('"So I would tell them: read the report.'; a title quoted inside an open quote does not close it)."""
        toks = [t for t in sent if not t.is_space]
        start = toks[0].i + (0 if self.open else 1)
        close = _close(toks, start) if not self.turn else None  # a turn's quote marks are quotes inside it
        if reopened:
            self.open = self.open or (close is None and _balance(sent) > 0)
        else:
            self.open = close is None and (self.open or _balance(sent) > 0)
        self.end_char = _last_char(sent)
        return start, close.i if close is not None else sent.end

    def continued(self, sent) -> Fact | None:
        """The Statement of a sentence that continues() the speaker's quote."""
        doc = sent.doc
        start, end = self.went_on(sent)
        span = char_span(doc, start, end)
        if span is None:
            return None
        previous = self.speaker
        return Fact(kind="Statement", evidence=[Span(*char_span(doc, sent.start, sent.end))],
                    holders=list(previous.holders), verb=previous.verb if previous.kind == "Statement" else "say",
                    content=text_of(doc, span),
                    content_span=Span(*span), recipient=list(previous.recipient),
                    occasion=previous.occasion, time_text=previous.time_text, date=previous.date,
                    confidence=round(previous.confidence * 0.9, 3))


def _close(toks, start: int):
    """The mark that closes the speaker's quote from token `start` on; a ’ that closes a ‘ opened inside it
    ('Take the ‘reform’ label off') is not it."""
    inner = 0
    for t in toks:
        if t.i < start or t.i == toks[0].i:
            continue
        if t.text == "‘":
            inner += 1
        elif t.text == "’" and inner:
            inner -= 1
        elif t.text in CLOSE_QUOTES:
            return t
    return None


def _balance(sent) -> int:
    """Quotes opened and not closed in a sentence (straight quotes alternate; a straight mark after a curly
    one left open closes it: 'would “definitely not support" him'; a straight mark left open by a sentence
    before in the paragraph is closed by the first one here: '"We lost. We lost every vote," said X.')."""
    doc = sent.doc
    first = sent.start
    while first > 0 and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
    _, straight = _marks(doc[first:sent.start], 0, 0)
    curly, straight = _marks(sent, 0, straight % 2)
    return curly + straight % 2


def _marks(toks, curly: int, straight: int) -> tuple[int, int]:
    for t in toks:
        if t.text in ("“", "‘"):
            curly += 1
        elif t.text == "”" and curly <= 0 and straight % 2:
            straight += 1  # 'known as the " roads governor.”': a curly mark closing a straight one
        elif t.text in ("”", "’"):
            curly -= 1
        elif t.text == '"':
            if curly > 0 and straight % 2 == 0:
                curly -= 1
            else:
                straight += 1
    return curly, straight


def _quoted_term(sent, opening: int) -> bool:
    """Does the sentence open with a few quoted words (after the mark at `opening`) that its own clause goes
    on from ('"Top secret" is the highest level'): a term quoted, not the speaker's words going on?"""
    doc = sent.doc
    closing = CLOSING.get(doc[opening].text, CLOSE_QUOTES)  # its own mark: not the ’ of a quote inside
    close = next((t for t in doc[opening + 1:min(opening + 6, sent.end)] if t.text in closing), None)
    if close is None or close.i + 1 >= sent.end or not doc[close.i + 1].is_alpha:
        return False
    return not any(t.tag_ in FINITE for t in doc[opening + 1:close.i])  # no clause of its own


def _last_char(sent) -> int:
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last.idx + len(last.text) if last is not None else sent.end_char
