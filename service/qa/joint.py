"""A joint fact's query cut short by the joint index: facts of one kind held by an actor within reach of each
of two given actors (the agreements template's two `#held-up` lines) exist only if an actor within reach of
both holds one (its kg:holderKey), or two holders of one fact are each within reach of a side: both then hold
facts of the kind jointly (kg:jointKey urn:kgqa:joint:Kind:<actor>) and their pair has its key (kg:jointKey
urn:kgqa:pair:Kind:HASH). A few look-ups: none found, and the query, which would find no row, is not run."""
from __future__ import annotations

from pyoxigraph import NamedNode

from ..ingest.indexes import PAIRED
from ..iris import holder_key, joint_key, pair_key
from ..store.base import Store, Term
from .macros import HELD, kind_name, leader_titles
from .reach import PREFIX, reach

_ANY = PREFIX + "SELECT ?key WHERE {{ VALUES ?key {{ {} }} FILTER EXISTS {{ ?fact {} ?key }} }}"


def could_join(text: str, store: Store, bindings: dict[str, Term], broad: bool, index, down: bool) -> bool:
    """False when the query `text` (a template's, its macros unexpanded) holds two #held-up lines of one fact,
    kind and property with their actors bound, and no fact of that kind has a holder within reach of each (the
    reach the lines take in this pass: `broad`, `down`); True when it may, or when this cannot tell."""
    lines = [m.groups() for m in HELD.finditer(text) if m.group(2)]
    if len(lines) != 2 or len({(fact, kind, prop) for _, _, fact, kind, prop, _, _, _ in lines}) != 1:
        return True
    _, _, _, kind, prop, _, _, _ = lines[0]
    name = kind_name(kind, bindings)
    actors = [bindings.get(line[5]) for line in lines]
    if not name or name in PAIRED or prop != "kg:holder" or not getattr(index, "joint_keys", False) \
            or not all(isinstance(a, NamedNode) for a in actors):
        return True
    ones, others = (reach(store, a, broad, down=down, leaders=leader_titles(index), index=index) for a in actors)
    alone = [holder_key(t.value, name) for t in ones if t in others]  # one holder answering for both sides
    if alone and _found(store, alone, "kg:holderKey"):
        return True
    joint = {k.value for k in _found(store, [joint_key(t.value, name) for t in {**ones, **others}], "kg:jointKey")}
    ones, others = ([t for t in side if joint_key(t.value, name).value in joint] for side in (ones, others))
    pairs = list(dict.fromkeys(pair_key(t.value, u.value, name) for t in ones for u in others if t != u))
    return bool(pairs) and bool(_found(store, pairs, "kg:jointKey"))


def _found(store: Store, keys: list, prop: str) -> list:
    """Those of the index keys that some fact has (one look-up each)."""
    return [row["key"] for row in store.select(_ANY.format(" ".join(map(str, keys)), prop))]
