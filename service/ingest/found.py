"""A name found in a document: where it is, which actor it names and how it was found; the entity
labels that make actors, and the labels that never do."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Actor

LOCATIVE = {"in", "at", "from", "near", "outside", "inside", "to", "into", "across", "around", "via"}
ENT_KINDS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "NORP": "Group", "FAC": "Place",
             "LOC": "Place"}

NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")  # "leaders Saturday"


@dataclass(frozen=True)
class Found:
    start: int  # token indices [start, end)
    end: int
    key: str
    how: str  # name | metonym | demonym | entity | place


def copy(actor: Actor) -> Actor:
    """A per-document copy of a lexicon actor (documents add members and aliases to theirs)."""
    return Actor(actor.key, actor.label, actor.kind, set(actor.aliases), actor.government_of,
                 set(actor.member_of))
