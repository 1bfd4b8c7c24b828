"""A name found in a document: where it is, which actor it names and how it was found; the entity
labels that make actors, and the labels that never do."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

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


# what a name set off by a comma is said to be when it names a building ("the Catshuis, the prime
# minister's official residence")
VENUE_NOUNS = ("residence", "palace", "hotel", "headquarters", "embassy", "mission", "villa", "castle",
               "mansion", "estate", "retreat", "lodge", "compound", "building", "hall", "venue")


def named_venue(doc: Doc, start: int, end: int) -> bool:
    """A name after "at (the)" set off by an apposition headed by a word for a building ("met at the
    Catshuis, the premier's official residence"): a place, whatever label the tagger gave it."""
    before = [t.lower_ for t in doc[max(0, start - 2):start]]
    if not before or not (before[-1] == "at" or before[-2:] == ["at", "the"]):
        return False
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    heads = [t for t in doc[end + 1:min(len(doc), end + 9)] if t.left_edge.i == end + 1 and t.pos_ == "NOUN"]
    return any(t.lemma_.lower() in VENUE_NOUNS for t in heads[-1:])
