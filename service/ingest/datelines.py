"""Datelines: the place in capitals that opens a paragraph ("VIENNA (Reuters) -"), found once per Doc;
where the reported events were, and never a speaker or a holder."""
from __future__ import annotations

from spacy.tokens import Doc

from . import columns

DATELINES_KEY = "kgqa_datelines"  # doc.user_data: found once per Doc

_DASHES = ("—", "–", "--", "-")


def datelines(doc: Doc) -> set[int]:
    """Tokens of datelines: a paragraph opening with a place in capitals ("JEDDAH, Saudi Arabia —",
    "BEIJING (Reuters) -") up to the dash. Found once per Doc: the set is shared, not to be changed."""
    found = doc.user_data.get(DATELINES_KEY)
    if found is None:
        found = doc.user_data[DATELINES_KEY] = _datelines(doc)
    return found


def _datelines(doc: Doc) -> set[int]:
    out: set[int] = set()
    # the tokens that open a line: the first, and each one after a token holding a line break (a
    # token's trailing whitespace is at most one space)
    opening = [0] + [b + 1 for b in columns.holding(doc, "\n") if b + 1 < len(doc)] if len(doc) else []
    for tok in (doc[i] for i in opening):
        if not (tok.is_upper and tok.is_alpha and len(tok.text) > 2):
            continue
        for j in range(tok.i + 1, min(tok.i + 10, len(doc))):
            if doc[j].text in _DASHES:
                out |= set(range(tok.i, j + 1))
                break
            if "\n" in doc[j].text:
                break
    return out


def in_brackets(doc: Doc, s: int, dateline: set[int]) -> bool:
    """Token s follows an opening bracket of its dateline: "VIENNA (Alpine News Agency) —"."""
    i = s - 1
    while i in dateline and doc[i].text != ")":
        if doc[i].text == "(":
            return True
        i -= 1
    return False


def filed_from(doc: Doc, dateline: set[int], taken: list[bool]) -> list[tuple[int, int]]:
    """The place name opening each dateline, in capitals ("RIO DE JANEIRO (Reuters) —"), where no
    other name was found."""
    out = []
    for i in sorted(dateline):
        if i - 1 in dateline:
            continue
        e = i
        while e in dateline and doc[e].is_upper and doc[e].is_alpha:
            e += 1
        if e > i and not any(taken[i:e]):
            out.append((i, e))
    return out
