"""Names in apposition to a title that the parser hangs elsewhere or that are no apposition at all (roles.py
asks these): "the Secretary to the Treasury, Ana Gil," with the name hung on the body after the title, and
"Ana Gil: My deputy, ..." where a speaker's label is no apposition."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

if TYPE_CHECKING:
    from .reading import Reading

ORG_PREPS = {"of", "at", "for", "with"}  # the body a title is "of"
PAST_WORD = "Former "


def labelled(doc, person: int, title: TokenSpan) -> bool:
    """ "Ana Gil: My deputy, Luis Roa, ...": a speaker's label and the words after its colon are no
    apposition, whatever the parser hangs on the label."""
    lo, hi = sorted((person, title.start))
    return any(t.text == ":" for t in doc[lo:hi])


def apposed_to_office(r: Reading, head: Token, titled: set[int]) -> list[tuple[Token, Token]]:
    """ "the Secretary to the Treasury, Ana Gil,": a name in apposition right after the body that ends the
    title's "of/to/for Y" (Y named, no person nor title: "the adviser to the President, X" is the
    President's name), wherever the parser hangs the name or the "to"; the name is the title's.
    (name, Y) pairs."""
    doc = head.doc
    prep = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in ORG_PREPS | {"to"}:
        return []
    out = []
    for obj in prep.children:
        if obj.dep_ != "pobj" or obj.pos_ != "PROPN" or (r.key_at[obj.i] and r.is_person(r.key_at[obj.i])) \
                or obj.i in titled \
                or obj.i + 2 >= len(doc) or doc[obj.i + 1].text != "," \
                or not all(w.dep_ in ("det", "compound") for w in doc[prep.i + 1:obj.i]):
            continue
        name = doc[obj.i + 2]  # the name's first word; its head word is in apposition
        while name.dep_ == "compound" and name.head.i > name.i:
            name = name.head
        if name.dep_ == "appos" and name.left_edge.i == obj.i + 2 and not (
                r.key_at[name.head.i] and r.is_person(r.key_at[name.head.i])):
            out.append((name, obj))
    return out
