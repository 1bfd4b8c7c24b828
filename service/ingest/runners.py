"""People named only by the party they run for ("the GOP candidate", "the Republican nominee") when the
document does not settle who they are: an actor of the document labelled by the phrase, a member of the
party, so that their words have a holder and are never the party's own.
"""
from __future__ import annotations

import hashlib

from spacy.tokens import Token

from ..iris import slug
from ..model import Actor

# people standing in a race: "the GOP candidate", "the Labour contenders" are not their party
RUNNING = ("candidate", "nominee", "contender", "hopeful", "frontrunner", "front-runner", "challenger",
           "incumbent", "standard-bearer", "runner-up")
ELDERS = ("elder", "leader", "strategist", "operative", "insider", "lawmaker", "senator", "official")  # plural only
_MODIFIERS = ("amod", "compound", "nmod")


def runner(tok: Token, key_at: list[str | None], kind_of) -> tuple[Actor, int, int] | None:
    """The actor for "the <party> <candidate>" (a singular noun of RUNNING with "the", or a plural of RUNNING
    or ELDERS, and one party or party group among its modifiers; kind_of(key): an actor's kind), with its
    token span; None elsewhere."""
    several = tok.tag_ == "NNS"  # "the GOP contenders", "several GOP elders": a group of the party's people
    if tok.tag_ not in ("NN", "NNS") or tok.lemma_.lower() not in RUNNING + ELDERS or not (several or any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children if c.i < tok.i)):
        return None
    if tok.lemma_.lower() in ELDERS and not several:
        return None  # "the GOP elder": one person the text names nowhere, left alone
    mods = [c for c in tok.children if c.dep_ in _MODIFIERS and c.i < tok.i]
    parties = {key_at[t.i] for c in mods for t in c.subtree if key_at[t.i]}
    if len(parties) != 1 or kind_of(next(iter(parties))) not in ("Organization", "Group"):
        return None  # "the Ohio candidate", "the Ruiz nominee": no party, or a person who nominates
    left = min(c.left_edge.i for c in mods)
    doc = tok.doc
    words = " ".join(t.text for t in doc[left:tok.i + 1])
    label = words[0].upper() + words[1:] if several else "The " + words
    scope = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:10]  # one race's candidate: this document's
    actor = Actor(f"runner-{slug(label)}-{scope}", label, "Group" if several else "Person", {label})
    actor.member_of |= parties
    return actor, left, tok.i + 1
