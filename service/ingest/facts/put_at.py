"""Where a position was put, kept out of what it says: a meeting the parser hung on the content's noun
("put forward [the plan] in the meeting", "proposed [the date] at a working dinner") is the fact's
occasion (the reader links it), not part of what was proposed, welcomed or criticized.
"""
from __future__ import annotations

from . import kinds
from .lexicon import Lexicon
from .spans import child

OCCASION_PREPS = ("in", "at", "during")  # "proposed the plan [at the summit]": where it was put


def before_occasion(doc, content: tuple[int, int], lexicon: Lexicon) -> tuple[int, int]:
    """A noun content without a last phrase naming a meeting, on the noun or on the verb right after its
    object; any other content as it is ("a pause [in the fighting]" keeps its phrase)."""
    start, end = content
    root = doc[start:end].root
    if root.pos_ not in ("NOUN", "PROPN"):
        return content
    preps = [t for t in doc[root.i + 1:end] if t.dep_ == "prep" and (t.head == root or not start <= t.head.i < end)]
    for prep in preps:
        obj = child(prep, "pobj")
        found = kinds.trigger_for(obj, lexicon) if obj is not None and prep.lower_ in OCCASION_PREPS else None
        if found is not None and found[0].kind == "Meeting" and prep.right_edge.i == end - 1 and prep.i > start + 1:
            return start, prep.i
    return content
