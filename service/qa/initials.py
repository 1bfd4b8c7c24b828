"""Bodies a question names by their initials ("the EAC", when the graph knows only "East African Community")
or by a unit of theirs named after them ("the EAC observation mission", "the Red Cross delegation"): the
extraction gives a unit's words to its owner ("the East African Community's mission said": the Community's),
so the question's unit means that owner too.
"""
from __future__ import annotations

import re

from .entities import Entity, Link

# units that speak for the body named in front of them (as the extraction's "agent" cues: mission, delegation)
UNITS = frozenset(("mission", "delegation", "embassy"))
_SMALL = frozenset(("of", "for", "the", "and", "on", "de", "des", "du", "la"))
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def owner_in_front(text: str) -> str | None:
    """ "the EAC observation mission" -> "EAC": the capitalized words in front of lower-case words ending in a
    unit noun; None for anything else ("the mission", "the Nobel Peace Prize mission" keeps its words)."""
    words = [w for w in text.split() if w.lower() != "the"]
    k = next((n for n, w in enumerate(words) if not w[:1].isupper()), len(words))
    rest = words[k:]
    if not k or not rest or rest[-1].lower() not in UNITS or not all(w.isalpha() and w.islower() for w in rest):
        return None
    return " ".join(words[:k])


def initials_of(label: str) -> str:
    """ "East African Community" -> "eac" (small words skipped); '' unless every other word is capitalized."""
    words = [w for w in label.split() if w.lower() not in _SMALL]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).lower()


def by_initials(entities) -> dict[str, list[Entity]]:
    """Bodies (not people, occasions or places) by the initials of their labels, for by_initials."""
    out: dict[str, list[Entity]] = {}
    for e in entities:
        if e.kind not in ("Person", "Occasion", "Place") and initials_of(e.label):
            out.setdefault(initials_of(e.label), []).append(e)
    return out


def spelled(table: dict[str, list[Entity]], text: str) -> Link | None:
    """The one body whose label's initials a word in capitals spells ("EAC"); None for several or none."""
    word = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    found = table.get(word.lower(), []) if _ACRONYM.fullmatch(word) else []
    return Link(found[0].iri, found[0].label, found[0].kind, "initials", 0.85) if len(found) == 1 else None
