"""Who signs a quote of several sentences that is signed only after its last one ('"The levy is a disaster.
It will ruin the farmers," Marek said.'): read ahead from the sentence that opens the quote, so that its first
sentences are the signer's words as well, and a "he" or "she" in them is not the signer.
"""
from __future__ import annotations

from ...model import Fact
from . import kinds, speech
from .quotes import CLOSE_QUOTES, OPEN_QUOTES, _close

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
        found = kinds.trigger_for(v, builder.lexicon)
        trig = found[0] if found is not None and found[0].speech else speech.quote_frame(v)
        if trig is None:
            return None  # '"...," she said': the first verb after the mark signs it, or nothing does
        cand = builder.build(v, trig, None, lexical=True)
        return cand.fact if cand is not None and cand.fact.holders else None
    return None
