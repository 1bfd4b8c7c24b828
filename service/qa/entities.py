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
