"""A joint fact's query cut short by the joint index: facts of one kind held by an actor within reach of each
of two given actors (the agreements template's two `#held-up` lines) are found by one look-up of the keys of
every two of them (kg:jointKey, or kg:pairKey for a meeting) and of the holder keys of any actor within reach of
both (one holder answering for both sides). No key: the query finds no row, and is not run."""
from __future__ import annotations

from pyoxigraph import NamedNode

from ..ingest.indexes import PAIRED
from ..iris import holder_key, pair_key
from ..store.base import Store, Term
from .macros import HELD, kind_name, leader_titles
from .reach import PREFIX, reach


def could_join(text: str, store: Store, bindings: dict[str, Term], broad: bool, index, down: bool) -> bool:
    """False when the query `text` (a template's, its macros unexpanded) holds two #held-up lines of one fact,
    kind and property with their actors bound, and no fact of that kind has a holder within reach of each (the
    reach the lines take in this pass: `broad`, `down`); True when it may, or when this cannot tell."""
    lines = [m.groups() for m in HELD.finditer(text) if m.group(2)]
    if len(lines) != 2 or len({(fact, kind, prop) for _, _, fact, kind, prop, _, _, _ in lines}) != 1:
        return True
    _, _, _, kind, prop, _, _, _ = lines[0]
    name = kind_name(kind, bindings)
    meeting = name in PAIRED
    if not name or not getattr(index, "pair_keys" if meeting else "joint_keys", False) or \
            prop != ("kg:participant" if meeting else "kg:holder"):
        return True
    actors = [bindings.get(line[5]) for line in lines]
    if not all(isinstance(a, NamedNode) for a in actors):
        return True
    ones, others = (reach(store, a, broad, down=down, leaders=leader_titles(index), index=index) for a in actors)
    pairs = dict.fromkeys(pair_key(t.value, u.value, name) for t in ones for u in others if t != u)
    alone = [holder_key(t.value, name) for t in ones if t in others]
    parts = [f"{{ VALUES ?key {{ {' '.join(map(str, keys))} }} ?fact {p} ?key }}" for p, keys in (
        ("kg:pairKey" if meeting else "kg:jointKey", pairs), ("kg:holderKey", alone)) if keys]
    return bool(parts) and bool(store.select(PREFIX + f"SELECT ?fact WHERE {{ {' UNION '.join(parts)} }} LIMIT 1"))
