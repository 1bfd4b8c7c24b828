"""The actors within reach of a given one, as the templates' #reach lines bind them: itself, its
government or country; in the broad form also the groups that act for it (its negotiators), the
organizations of its own roles (a leader's country) and those holding a role in it (its officials).
Computed from the actor outwards (macros.py).
"""
from __future__ import annotations

from pyoxigraph import NamedNode

from ..store.base import Store, Term
from .spelling import normalize

SAME = "(kg:governmentOf|^kg:governmentOf)*"
PREFIX = "PREFIX kg: <https://w3id.org/kgqa/ns#>\n"
_NEAR = PREFIX + f"SELECT DISTINCT ?a ?b WHERE {{ ?a {SAME} ?b }}"
_HOLDERS = PREFIX + "SELECT DISTINCT ?b WHERE { ?role kg:organization ?org ; kg:holder ?b . ?role a kg:Role }"
_ORGS = PREFIX + "SELECT DISTINCT ?b WHERE { ?role kg:holder ?a ; kg:organization ?b . ?role a kg:Role }"
_LEADERS = PREFIX + ("SELECT DISTINCT ?b ?t WHERE { ?role kg:organization ?org ; kg:holder ?b ; kg:title ?t . "
                     "?role a kg:Role }")
_DELEGATES = PREFIX + "SELECT DISTINCT ?b WHERE { ?b kg:memberOf ?a . ?b a kg:Group }"


def _among(query: str, name: str, terms) -> str:
    """`query` restricted to ?name among `terms` (store results, written from term objects)."""
    return query.replace("WHERE {", f"WHERE {{ VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}", 1)


def reach(store: Store, actor: Term, broad: bool, *, down: bool = True, leaders: frozenset[str] = frozenset(),
          index=None) -> dict[Term, int]:
    """The actors within reach of a given one: itself, its government or country (1); in the broad
    form also the organizations of its own roles (a leader's country) and, `down`, those holding a
    role in it (its officials) (2), or else those holding one of the titles `leaders` in it (its president,
    not its officials: the role's organization says whose leader, nothing is guessed). Computed from the
    given actor outwards with a few index look-ups, where a path inside the template would start from every
    holder in the graph. With the store's name
    index, from the roles and governments it holds, without a query."""
    if index is not None and isinstance(actor, NamedNode):
        return {NamedNode(iri): n for iri, n in index.reach(actor.value, broad, down=down, leaders=leaders).items()}
    near = {row["b"]: 1 for row in store.select(_NEAR, {"a": actor})}
    near.setdefault(actor, 1)
    if broad:
        found = {row["b"] for row in store.select(_among(_ORGS, "a", near))}
        if found:  # and their governments or countries, in one query
            found |= {row["b"] for row in store.select(_among(_NEAR, "a", sorted(found, key=str)))}
        if down:
            found |= {row["b"] for row in store.select(_among(_HOLDERS, "org", near))}
        elif leaders:
            found |= {row["b"] for row in store.select(_among(_LEADERS, "org", near))
                      if normalize(row["t"].value).replace("-", " ") in leaders}
        for term in sorted({row["b"] for row in store.select(_among(_DELEGATES, "a", near))}, key=str):
            near.setdefault(term, 1)  # groups that act for it: "the Congolese government negotiators"
        for term in sorted(found, key=str):
            near.setdefault(term, 2)
    return near


FEW = 8  # actors in reach bound as a VALUES block; more are tested with IN
