"""Who signs a quote of several sentences that is signed only after its last one ('"The levy is a disaster.
It will ruin the farmers," Marek said.'): read ahead from the sentence that opens the quote, so that its first
sentences are the signer's words as well, and a "he" or "she" in them is not the signer; and whether a quote
ending its sentence is signed by the short sentence after it ('"Is he ready?" Reilly said.').
"""
from __future__ import annotations

from ...model import Fact
from . import speech
from .quotes import CLOSE_QUOTES, OPEN_QUOTES, _close
from .spans import parsed_text

AHEAD = 200  # tokens read ahead for the mark that closes the quote (a few sentences of one paragraph)
FRAME = 5  # tokens after the closing mark in which the verb that signs the quote stands ('," the minister said')


def ahead(builder, sent) -> Fact | None:
    """The speech fact that signs the quote this sentence opens and leaves open, when a later sentence of the
    same paragraph closes it and a speech verb with a speaker right after the closing mark signs it."""
    toks = [t for t in sent if not t.is_space]
    if not toks or toks[0].text not in OPEN_QUOTES or _close(toks, toks[0].i + 1) is not None:
        return None
    doc = sent.doc
    close = None
    for t in doc[sent.end:min(len(doc), sent.end + AHEAD)]:
        if t.is_space and "\n" in t.text or "\n" in t.whitespace_:
            return None  # the paragraph ends with the quote still open: whose words, not told here
        if t.text in OPEN_QUOTES and t.text not in CLOSE_QUOTES:
            return None  # another quote opens first
        if t.text in CLOSE_QUOTES and t.text != "’":
            close = t
            break
    if close is None:
        return None
    for v in doc[close.i + 1:min(len(doc), close.i + 1 + FRAME)]:
        if v.sent != close.sent or v.pos_ != "VERB":
            continue
        trig = speech.speech_trigger(v, builder.lexicon) or speech.quote_frame(v)
        if trig is None:
            return None  # '"...," she said': the first verb after the mark signs it, or nothing does
        cand = builder.build(v, trig, None, lexical=True)
        return cand.fact if cand is not None and cand.fact.holders else None
    return None


def after(builder, sent) -> bool:
    """Does the quote that ends this sentence get its own speaker in the short sentence right after it
    ('"Is he ready?" Reilly said.': Reilly's words, not a quote going on)?"""
    doc = sent.doc
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text not in (*CLOSE_QUOTES, "''") or sent.end >= len(doc):
        return False
    nxt = doc[sent.end].sent
    words = [t for t in nxt if not (t.is_space or t.is_punct)]
    if not words or len(words) > 12 or "\n" in parsed_text(doc)[last.idx:words[0].idx]:
        return False
    return any(t.pos_ == "VERB" and speech.speech_trigger(t, builder.lexicon) is not None
               and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in t.children) for t in words)
