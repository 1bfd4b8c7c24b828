"""The index triples written with each fact, for the question templates: kg:holderKey (facts of kind K
held by A), kg:pairKey (meetings of A with B), kg:jointKey (facts of kind K held by A and B), kg:linkKey
(facts about A, facts of A by verb), kg:topicKey (positions of A about T) and kg:occasionKey (meetings at
O), each one index range instead of a scan. The bench's graph generator writes them through these
functions too."""
from __future__ import annotations

from pyoxigraph import NamedNode

from .. import iris
from .. import vocab as v

INDEXED = v.INDEX_PROPS  # written (kg:indexes says so)
PAIRED = ("Meeting",)  # kinds whose holders are also indexed two by two (kg:pairKey)


def index_pairs(kind: str, holders: list[NamedNode]) -> list[tuple[NamedNode, NamedNode]]:
    """The index triples' (predicate, object) of a fact of `kind` held by `holders` (a meeting's
    participants): kg:holderKey urn:kgqa:holder:Kind:<holder>, and one for Position for a position, so that the question
    templates find "facts of kind K held by A" in one index range rather than every fact of A; for a
    meeting also kg:pairKey urn:kgqa:pair:Meeting:<hash> for each two of its participants ("meetings of A
    with B": one range, not every meeting of A tested for B); a fact of another kind held by two or more
    kg:jointKey urn:kgqa:joint:Kind:<holder> for each holder and urn:kgqa:pair:Kind:<hash> for each two,
    per kind ("what A and B agreed": known to be nothing from a few look-ups). The bench's graph generator
    writes them through this function too."""
    kinds = [kind] + (["Position"] if kind in v.POSITION_KINDS else [])
    two = [(a, b) for n, a in enumerate(holders) for b in holders[n + 1:] if a != b]
    if kind in PAIRED:
        pairs = [(v.PAIRKEY, iris.pair_key(a.value, b.value, kind)) for a, b in two]
    else:
        joint = list(dict.fromkeys(h for ab in two for h in ab))
        pairs = [(v.JOINTKEY, iris.joint_key(h.value, k)) for h in joint for k in kinds] + \
            [(v.JOINTKEY, iris.pair_key(a.value, b.value, k)) for a, b in two for k in kinds]
    return [(v.HOLDERKEY, iris.holder_key(h.value, k)) for h in holders for k in kinds] + pairs


def index_links(kind: str, links: list[tuple[NamedNode, NamedNode]], verb: str | None) -> list[tuple]:
    """kg:linkKey triples' (predicate, object) of a fact of `kind` from its (property, actor) links: an actor
    it is about, targets or is told to, keyed by the property and each kind of the fact ("accusations about
    A": one index range, not every fact about A tested for its kind); a holder or participant keyed by the
    fact's verb ("what A established": not every fact of A tested for its verb). A position also carries a
    kg:topicKey per holder and actor it is about, targets or is told to ("A's positions on T": one range, not
    A's positions joined with every fact about T). The generator writes them too."""
    kinds = [kind] + (["Position"] if kind in v.POSITION_KINDS else [])
    out, holders, topics = [], [], []
    for prop, actor in links:
        name = prop.value[len(v.KG_NS):]
        if prop in (v.HOLDER, v.PARTICIPANT):
            holders.append(actor)
            if verb:
                out.append((v.LINKKEY, iris.verb_key(actor.value, name, verb)))
        else:
            topics.append(actor)
            out += [(v.LINKKEY, iris.link_key(actor.value, name, k)) for k in kinds]
    if kind in v.POSITION_KINDS:
        out += [(v.TOPICKEY, iris.topic_key(h.value, t.value, "Position"))
                for h in dict.fromkeys(holders) for t in dict.fromkeys(topics)]
    return out


def index_occasions(kind: str, holders: list[NamedNode], reached: dict[NamedNode, int]) -> list[tuple]:
    """kg:occasionKey triples' (predicate, object) of a meeting with participants `holders` that reaches each
    occasion of `reached` through kg:occasion in that many steps at least (1: its own occasion): urn:kgqa:at
    for its own, urn:kgqa:via for one reached only through another, and urn:kgqa:held-at per participant
    and occasion at any depth ("meetings at O", "meetings of A at O": one range each, not every meeting
    at O tested for its kind, or every meeting of A for its occasion). The generator writes them too."""
    if kind not in PAIRED:
        return []
    out = [(v.OCCASIONKEY, iris.occasion_key(o.value, kind, via=n > 1)) for o, n in reached.items()]
    return out + [(v.OCCASIONKEY, iris.holder_occasion_key(h.value, o.value, kind)) for h in holders for o in reached]
