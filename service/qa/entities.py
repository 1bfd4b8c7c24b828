"""What a name in a question resolves to: a `Link` to an entity of the graph (an actor, an occasion), how it
was found and how sure; an `Entity` as the name index holds it (IRI, label, types, normalized names).
"""
from __future__ import annotations

from dataclasses import dataclass

# Which kind of thing a bare name most likely means when several share it ("Moscow": the government
# before the city).
PRIORITY = ("Person", "Government", "Country", "Organization", "Group", "Occasion", "Place", "Actor")


@dataclass(frozen=True)
class Link:
    iri: str
    label: str
    kind: str  # Person, Government, Occasion, Document...
    how: str  # exact, surname, title, fuzzy, possessor; "most reported" or "ambiguous" for a bare surname
    score: float
    others: tuple[str, ...] = ()  # the other people a bare surname names, most reported first


@dataclass(slots=True)
class Entity:
    iri: str
    label: str = ""
    types: frozenset[str] = frozenset()  # one frozenset per combination of types, shared
    names: tuple[str, ...] = ()  # sorted

    @property
    def kind(self) -> str:
        return next((t for t in PRIORITY if t in self.types), "Actor")


def best(cands: list[Entity], how: str, score: float, labels: frozenset[str] = frozenset()) -> Link:
    """The entity of the kind a bare name most likely means; among equals, one whose label is among
    `labels` (the name itself, not only an alias of it), then the first by IRI."""
    ent = min(cands, key=lambda e: (PRIORITY.index(e.kind), e.label not in labels, e.iri))
    return Link(ent.iri, ent.label, ent.kind, how, score)


_FILLERS = frozenset(("the", "a", "an", "of", "in", "at", "from", "and", "least", "more", "than", "some"))


def described_group(groups: list[Entity], words: list[str]) -> Link | None:
    """'the families of other Colombians held in Venezuela' (a description's normalized words): the one group
    of the graph whose label holds all its words, in their order ("Families of at least 30 other Colombians
    held in Venezuela"); None for fewer than two words that say something, or several groups."""
    wanted = [w for w in words if w not in _FILLERS and not w.isdigit()]
    if len(wanted) < 2:
        return None
    found = [g for g in groups if _in_order(wanted, g.label.lower().split())]
    return Link(found[0].iri, found[0].label, found[0].kind, "description", 0.85) if len(found) == 1 else None


def _in_order(wanted: list[str], label: list[str]) -> bool:
    rest = iter(label)
    return all(any(w == t for t in rest) for w in wanted)
