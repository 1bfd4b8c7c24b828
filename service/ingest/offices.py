"""Offices named without their country: "the Foreign Ministry", "the army", "his forces".

Wire copy names a country's office once ("Sudan's army", "Venezuela's government") and then drops the
owner ("The army rejected the accusation", "In a statement, the Foreign Ministry said ..."). Such an
office belongs to, in order: the owner written beside it; the government named nearest before it
(within two sentences: "Venezuela's government denied ... the Foreign Ministry said"; a country named
in passing is not enough); the owner of the same office named earlier in the document; the document's
dominant country (mentioned clearly more often than any other). The office nouns are data
(service/lexicon/actors.json, `office_nouns`). A lexicon body found by such a word ("Congress": the US
Congress) stays the lexicon's unless the text gives it another owner (national_owner).
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..iris import slug
from ..model import Actor
from . import columns
from .found import Found, copy

if TYPE_CHECKING:
    from .lexicon import Lexicon
    from .reading import Reading

_NEAR = 2  # sentences to look back for the nearest country


def is_office(label: str, office_nouns: set[str]) -> bool:
    """A generic office name ("Foreign Ministry", "the Army"), not a proper one ("Sovereign Council")."""
    words = label.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words) in office_nouns


def country_of_key(key: str, actors: dict[str, Actor], country_of: dict[str, str]) -> str | None:
    actor = actors.get(key)
    if actor is None:
        return None
    if actor.kind == "Country":
        return key
    return actor.government_of or country_of.get(key)


GOVERNMENT_WORDS = ("government", "administration", "authorities", "leadership", "regime", "cabinet")


def dominant(countries: list[str]) -> str | None:
    """The country a document is mostly about: at least twice as many mentions as the next one."""
    top = Counter(countries).most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def owner_in_context(doc: Doc, start: int, mentions: list[tuple[int, str]], same_office: str | None,
                     doc_country: str | None) -> str | None:
    """The country of an office at token `start`; `mentions` are (token, country, names its government)
    in text order."""
    for i, country, _gov in reversed(mentions):  # "China's Foreign Ministry", "the Venezuelan army"
        if start - 3 <= i < start:
            return country
    sent = doc[start].sent
    first = sent.start
    for _ in range(_NEAR):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    near = [c for i, c, government in mentions if first <= i < start and government]
    return near[-1] if near else same_office or doc_country


def office_actor(country: str, country_label: str, office: str) -> Actor:
    """The office of one country as an actor of its own (a government body of that country)."""
    name = " ".join(w for w in office.split() if w.lower() != "the")
    return Actor(f"{country}-{slug(name)}", f"{country_label} {name}", "Government", {name},
                 government_of=country)


def words(h: Token) -> str:
    """ "air force", "foreign ministry", "army": the head noun with the lower-case nouns before it."""
    before = [c.lower_ for c in h.children if c.dep_ == "compound" and c.i < h.i and c.is_lower]
    head = h.lower_ if h.lower_ == "forces" else h.lemma_.lower()
    return " ".join([*before, head])


def owner(r: Reading, h: Token, countries: list, doc_country: str | None) -> list[str]:
    """ "his forces": his; "Sudan's army": Sudan; "the army": the country its context gives."""
    for c in h.children:
        if c.dep_ == "poss" and c.pos_ == "PRON":
            return r.refers(c)
        if c.dep_ in ("poss", "amod", "compound", "nmod") and r.key_at[c.i]:
            country = r.country(r.key_at[c.i]) if r.known_actor(r.key_at[c.i]) else None
            return [country or r.key_at[c.i]]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in h.children):
        return []
    office = words(h)
    same = None
    # the same office named earlier with its owner ("Sudan's army"): a noun
    for tok in (r.tokens[i] for i in columns.between(r.doc, "pos", ("NOUN",), 0, h.i)):
        if tok.pos_ == "NOUN" and words(tok) == office:
            named = next((r.key_at[c.i] for c in tok.children
                          if c.dep_ in ("poss", "amod", "compound", "nmod") and r.key_at[c.i]), None)
            same = (r.country(named) or named) if named and r.known_actor(named) else same
    country = owner_in_context(r.doc, h.i, countries, same, doc_country)
    return [country] if country and r.known_actor(country) else []


def home_of(key: str, actors: dict[str, Actor], country_of: dict[str, str]) -> str | None:
    """The country a lexicon body belongs to ("us-congress": the United States), by its government or
    the country it is a member of."""
    actor = actors.get(key)
    country = country_of_key(key, actors, country_of)
    if country or actor is None:
        return country
    return next((m for m in sorted(actor.member_of) if actors.get(m) and actors[m].kind == "Country"), None)


def national_owner(doc: Doc, start: int, end: int, owners: dict[int, str], same: str | None) -> str | None:
    """The country of a national body the lexicon names by a generic word ("Congress": the US Congress)
    when the text gives it another: an owner the parse attaches to it ("Peru's Congress", "the Peruvian
    Congress", "the Congress of Peru"), else the owner the same body had earlier in the document. The
    document's dominant country is not enough: news of one country about another names its own
    rarely ("Congress passed sanctions on Russia"). `owners`: token -> country of each country
    mention. None: the lexicon's own body."""
    head = doc[start:end].root
    for c in head.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in owners:
            return owners[c.i]
        if c.dep_ == "prep" and c.lower_ == "of":
            country = next((owners[g.i] for g in c.children if g.dep_ == "pobj" and g.i in owners), None)
            if country:
                return country
    return same


def generic(doc: Doc, f: Found, lex: Lexicon) -> bool:
    """A lexicon body found by a word any country's body is called ("Congress")."""
    return f.how == "name" and f.key in lex.actors and \
        doc[f.start:f.end].text.lower().removeprefix("the ") in lex.office_nouns


def national(doc: Doc, f: Found, owners: dict[int, str], owned: dict[str, str], actors: dict[str, Actor],
              lex: Lexicon) -> Found:
    """A lexicon body found by its generic name, made the body of the country the text gives it, if another."""
    home = home_of(f.key, lex.actors, lex.country_of)
    name = doc[f.start:f.end].text.lower().removeprefix("the ")
    country = home and national_owner(doc, f.start, f.end, owners, owned.get(name))
    if not country or country == home or (country not in actors and country not in lex.actors):
        if home:
            owned.setdefault(name, home)
        return f
    owned.setdefault(name, country)
    label = (actors.get(country) or lex.actors[country]).label
    office = office_actor(country, label, doc[f.start:f.end].text)
    actors.setdefault(office.key, office).aliases.add(doc[f.start:f.end].text)
    if country not in actors:
        actors[country] = copy(lex.actors[country])
    return Found(f.start, f.end, office.key, "name")
