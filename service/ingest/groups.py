"""Group actors from plural noun phrases about people with an actor as modifier: "Washington military
planners", "Russian diplomats", "Washington's key regional allies in Syria, including Saudi Arabia,
Kuwait, Qatar and Turkey" (a Group whose members are listed), so questions about them find something.
The nouns that name people ("planners", "allies", "officials") are data: group_heads in actors.json.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..iris import slug
from ..model import Actor
from . import columns

_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod"}
_MEMBER_PREPS = {"including", "like", "such"}
_SCOPE_PREPS = {"in", "of", "from", "for"}
COLLECTIVE = {"police"}  # singular in form, a group of people  # "negotiators for Sudan's army and the RSF"


@dataclass(frozen=True)
class GroupFound:
    head: int  # token index of the plural noun
    start: int  # token span of the label [start, end)
    end: int
    actor: Actor
    members: tuple[str, ...]


def find_groups(doc: Doc, heads: set[str], key_at: list[str | None], how_at: list[str | None],
                pair_nouns: dict[str, str], tokens: list[Token] | None = None,
                dateline: frozenset[int] | set[int] = frozenset()) -> list[GroupFound]:
    """Groups in text order. key_at/how_at give the actor key (and how it was found) at each token;
    `dateline`, the tokens of datelines, which no group's words take in ("BRUSSELS (Reuters) - EU leaders")."""
    out, tokens = [], doc if tokens is None else tokens
    for tok in (tokens[i] for i in columns.where(doc, "tag", ("NNS", "NNPS"))):  # both tests below need a plural
        if how_at[tok.i] == "demonym" and people_of(tok):
            label = tok.text  # "Most Americans oppose ...": the country's people, not its state
            out.append(GroupFound(tok.i, tok.i, tok.i + 1, Actor("group-" + slug(label), label, "Group", {label},
                                                                member_of={key_at[tok.i]}), ()))
            continue
        if tok.tag_ not in ("NNS", "NNPS") or key_at[tok.i] and how_at[tok.i] != "entity":
            continue
        text = tok.lower_
        if text not in heads and tok.lemma_.lower() + "s" not in heads and text not in pair_nouns:
            continue
        if text in pair_nouns and any(c.lower_ in ("two", "both", "three") for c in tok.children):
            continue
        modifiers = [c for c in tok.children if c.dep_ in _MODIFIER_DEPS and _actor_in(c, key_at)]
        scope = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in _SCOPE_PREPS
                 and any(_actor_in(g, key_at) for g in c.children if g.dep_ == "pobj")]
        named = key_at[tok.i] is not None  # "Chechens", "Kurds": a people named by an entity
        own_name = _proper_name_before(tok)  # "M23 rebels", "Houthi fighters": a movement's own name
        named = named or own_name
        if not (modifiers or scope or named):
            continue
        left = min([tok.i, *(c.left_edge.i for c in tok.children if c.dep_ in _MODIFIER_DEPS)])
        while left < tok.i and (doc[left].dep_ in ("det", "predet") or doc[left].like_num
                                or doc[left].tag_ == "PRP$" or left in dateline):
            left += 1
        right = max([tok.i, *(c.right_edge.i for c in scope)]) + 1
        label = doc[left:right].text
        key = "group-" + slug(label.replace("'s", ""))
        actor = Actor(key, label, "Group", {label})
        if own_name and not modifiers and not scope:
            actor.aliases.add(doc[tok.i - 1].text)  # "the M23" names the M23 rebels' movement
        owners = {key_at[c.i] for m in modifiers if m.dep_ != "poss" and not _negated(m)
                  for c in m.subtree if key_at[c.i]}
        owners |= {key_at[t.i] for c in scope if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
                   for t in [g, *g.conjuncts] if key_at[t.i]}  # "the foreign ministers of X and Y" act for each
        actor.member_of |= owners
        out.append(GroupFound(tok.i, left, right, actor, tuple(_members(tok, key_at))))
    return out


def owner_by_name(doc: Doc, group: GroupFound, bodies: dict[str, str]) -> str | None:
    """The one body named in the document whose name holds the group's capitalized modifier as words:
    "West African leaders" at a summit of the Economic Community of West African States are its leaders.
    Two words at least: "European officials" may be any European state's, not the European Commission's.
    `bodies`: key -> label of the organizations the document names."""
    words = doc[group.start:group.head]
    if group.actor.member_of or len(words) < 2 or not all(t.is_title and t.is_alpha for t in words):
        return None
    phrase = re.compile(rf"(?<!\w){re.escape(words.text)}(?!\w)")
    found = [k for k, label in bodies.items() if phrase.search(label)]
    return found[0] if len(found) == 1 else None


def people_of(tok: Token) -> bool:
    """A plural nationality word that names people rather than the state: "Americans", "most Russians",
    "many Ukrainians" (no article: "the Russians rejected the plan" is the Russian side); not a
    modifier ("American officials") nor a hyphenated heritage ("African-Americans")."""
    return (tok.tag_ in ("NNS", "NNPS") and tok.dep_ not in ("compound", "amod", "nmod")
            and not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children)
            and not hyphenated(tok))


def hyphenated(tok: Token) -> bool:
    """A word joined by a hyphen to the word before it ("Americans" in "African-Americans")."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
        and not doc[tok.i - 2].whitespace_


def _negated(modifier: Token) -> bool:
    """'non-Islamic State', 'anti-Kremlin': the modifier names who the group is not."""
    return any(t.lower_ in ("non", "anti", "non-", "anti-") or t.lower_.startswith(("non-", "anti-"))
               for t in modifier.subtree)


def _actor_in(tok: Token, key_at: list[str | None]) -> bool:
    """An actor, or a nationality, party or religion ("Republican lawmakers", "Sunni rebels")."""
    return any(key_at[t.i] or t.ent_type_ == "NORP" for t in tok.subtree)


def _members(head: Token, key_at: list[str | None]) -> list[str]:
    """Actors listed after "including", "such as", "like", in apposition, or coordinated after "of"."""
    out: list[str] = []
    for child in head.children:
        objs = []
        if child.dep_ == "prep" and child.lower_ in _MEMBER_PREPS:
            objs = [g for g in child.subtree if g.dep_ == "pobj"]
        elif child.dep_ == "appos":
            objs = [child]
        elif child.dep_ == "prep" and child.lower_ in ("of", "from"):  # "the leaders of Egypt, Jordan and Iraq"
            objs = [g for g in child.children if g.dep_ == "pobj" and len([t for t in [g, *g.conjuncts]
                                                                           if key_at[t.i]]) > 1]
        for obj in objs:
            for tok in [obj, *obj.conjuncts]:
                if key_at[tok.i] and key_at[tok.i] not in out:
                    out.append(key_at[tok.i])
    return out


def named_as_such(tok: Token, heads: set[str], owner: str | None, owner_label: str | None,
                  dateline: frozenset[int] | set[int] = frozenset()) -> tuple[Actor, int, int] | None:
    """A group that a plural noun of people names without any actor in it ("Police said", "current and
    former officials said", "her advisers said"): an actor of its own, labelled by the phrase ("Ana
    Ruiz's advisers" when a possessive pronoun says whose). None for other nouns and for vague ones."""
    word, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ not in ("NOUN", "PROPN") or not (word in heads or lemma + "s" in heads or word in COLLECTIVE):
        return None
    if tok.tag_ not in ("NNS", "NNPS") and word not in COLLECTIVE:
        return None
    left = tok.i
    for c in sorted(tok.children, key=lambda t: t.i):
        if c.i < tok.i and c.dep_ in ("amod", "compound", "nmod"):
            left = min(left, c.left_edge.i)
    while left < tok.i and left in dateline:  # "VIENNA (AP) - Western diplomats said"
        left += 1
    words = [t.text for t in tok.doc[left:tok.i + 1]]
    if not words:
        return None
    label = " ".join(words)
    label = label[0].upper() + label[1:]
    if owner_label:
        label = f"{owner_label}'s {label[0].lower() + label[1:]}"
    key = "group-" + slug(label.replace("'s", ""))
    actor = Actor(key, label, "Group", {label})
    if owner:
        actor.member_of.add(owner)
    return actor, left, tok.i + 1


def _proper_name_before(tok: Token) -> bool:
    """The plural noun follows a name of its own that no actor was found for ("M23 rebels", "Houthi
    fighters"): with digits, or capitalized inside its sentence as a proper noun or an acronym."""
    if tok.i == 0:
        return False
    c = tok.doc[tok.i - 1]
    if c.head != tok or c.dep_ != "compound":
        return False
    return any(ch.isdigit() for ch in c.text) or (
        c.text[:1].isupper() and c.i > c.sent.start and (c.pos_ == "PROPN" or c.text.isupper()))
