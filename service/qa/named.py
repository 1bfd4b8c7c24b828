"""What the question's words name in the graph: the actor a slot's text names (or NoAnswer), "Obama-Putin"
as two, "the Kyrgyz and Tajik ministers" sharing their noun, possessive owners ("the governor's
compromise"), words that are an actor's whole name ("the Iran deal"), an actor's names to find in a passage.
"""
from __future__ import annotations

import re

from . import lexicon, linking
from .plan import NoAnswer


def actor(index: linking.Index, text: str, lex: lexicon.QuestionLexicon) -> linking.Link:
    link = index.actor(text)
    words = text.split()
    if link is None and len(words) > 1 and re.fullmatch(r"[a-z]+s", words[-1]):
        link = index.actor(" ".join(words[:-1]))  # "the M23 rebels": the group named before its common noun
    if link is None and len(words) > 2 and words[-1][:1].isupper() and words[-1].lower() not in lex.body_words:
        link = index.actor(" ".join(words[:-1]))  # "Lucía Restrepo Arango", the sources' "Lucía Restrepo"
        link = link if link is not None and link.kind == "Person" else None
    if link is None:
        raise NoAnswer(f"No actor named {text} in the graph.")
    if link.how == "ambiguous":  # which of them, the question does not say: no answer rather than a guess
        people = ", ".join((link.label, *link.others[:3])) + (" and more" if len(link.others) > 3 else "")
        raise NoAnswer(f"{text} names several people in the graph ({people}); name the one you mean in full.")
    return link


def taken_as(text: str, link: linking.Link) -> str | None:
    """The note for a bare surname taken as the person the graph reports most, naming the others."""
    if link.how != "most reported":
        return None
    others = ", ".join(link.others[:3]) + (f" and {len(link.others) - 3} more" if len(link.others) > 3 else "")
    return (f"{text} is taken as {link.label}, the person of that name most documents report "
            f"(also in the graph: {others}); name another in full to ask about them.")


NAMED_KINDS = ("Person", "Government", "Country", "Organization")


def names_actor(index: linking.Index, word: str) -> bool:
    """A question's content word that is the whole name of a person, country or body ("iran", "nato")."""
    return len(word) > 2 and any(e.kind in NAMED_KINDS for e in index.by_name.get(word, ()))


def names(index: linking.Index, iri: str, label: str) -> list[str]:
    """An actor's names as the graph writes them (label, short names), for finding it in a passage."""
    return sorted(index.entities[iri].names) if iri in index.entities else [label]


def pairs(actors: list[str], index: linking.Index) -> list[str]:
    """'Obama-Putin' (as in "the Obama-Putin meeting", "the EU-UK fisheries talks") -> 'Obama', 'Putin' when
    it names no one itself."""
    out = []
    for text in actors:
        words = text.split()  # "EU-UK fisheries": the pair before the common words of what they met on
        pair = words[0] if len(words) > 1 and all(w.islower() for w in words[1:]) else text
        parts = [p for p in pair.split("-") if p.strip()]
        if len(parts) > 1 and index.actor(text) is None and all(index.actor(p) for p in parts):
            out += parts
        else:
            out.append(text)
    return out


def owners(words: list[str], index: linking.Index) -> dict[str, str]:
    """The question's possessive words that name an actor ("the governor's compromise", "Russia's
    proposal"): each word -> the actor's IRI."""
    out = {}
    for word in words:
        base = word[:-2] if word.endswith(("'s", "\u2019s")) else None
        link = (index.actor("the " + base) or index.actor(base)) if base else None
        if link is not None:
            out[word] = link.iri
    return out


def shared_noun(actors: list[str], lex: lexicon.QuestionLexicon) -> list[str]:
    """'the Kyrgyz and Tajik foreign ministers' -> 'the Kyrgyz foreign ministers', 'Tajik foreign ministers':
    an adjective of nationality before "and" shares the noun after the other one."""
    if len(actors) != 2:
        return actors
    first, second = actors[0].split(), actors[1].split()
    bare = [w for w in first if w.lower() not in ("the", "a", "an")]
    if len(bare) == 1 and bare[0].lower() in lex.demonyms and len(second) > 1 and second[0].lower() in lex.demonyms:
        return [f"{actors[0]} {' '.join(second[1:])}", actors[1]]
    return actors


def names_someone(text: str, lex: lexicon.QuestionLexicon) -> bool:
    """'the', 'his', 'it': a determiner or pronoun is never a name (group references are kept)."""
    low = text.lower().strip()
    return low in lex.group_references or any(w not in lex.stopwords for w in low.split())
