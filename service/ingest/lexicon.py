"""The actor lexicon: canonical actors, their aliases, demonyms, metonyms and titles, kept as data in
service/lexicon/ (actors.json, titles.json) so that people extend it without code. Extra files with the
same names in the LEXICON_DIR setting are merged over the built-in ones.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property

from ..lexicon import Lexicons
from ..model import Actor
from . import gender


@dataclass(eq=False)  # hashed by identity: matchers are cached per lexicon
class Lexicon:
    actors: dict[str, Actor] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # surface form (case kept) -> key
    demonyms: dict[str, str] = field(default_factory=dict)  # "Russian" -> country key
    country_of: dict[str, str] = field(default_factory=dict)  # person/government key -> country key
    capitals: dict[str, str] = field(default_factory=dict)  # "Moscow" -> Place key of the city
    capital_of: dict[str, str] = field(default_factory=dict)  # Place key of the city -> country key
    group_heads: set[str] = field(default_factory=set)  # lower-case plural nouns naming people
    pair_nouns: dict[str, str] = field(default_factory=dict)  # "presidents" -> persons|countries|any
    titles: list[str] = field(default_factory=list)  # canonical titles
    title_modifiers: set[str] = field(default_factory=set)
    honorifics: set[str] = field(default_factory=set)
    descriptors: set[str] = field(default_factory=set)
    abbreviations: dict[str, str] = field(default_factory=dict)  # "Sen." -> "Senator"
    meeting_words: set[str] = field(default_factory=set)  # lemmas: a pair with them has met
    met_nouns: set[str] = field(default_factory=set)  # lemmas of people one meets ("a tribal elder")
    decision_words: set[str] = field(default_factory=set)  # "decided in Tehran": the government
    body_nouns: dict[str, str] = field(default_factory=dict)  # "the country" -> Country, "the regime" -> ...
    office_nouns: set[str] = field(default_factory=set)  # "foreign ministry", "army": a country's office
    first_names: dict[str, str] = field(default_factory=dict)  # "angela" -> "f" (gender.first_names)
    made: dict = field(default_factory=dict, repr=False)  # what is built from it once (mentions.matchers)
    digest: str = ""

    @cached_property
    def canon_titles(self) -> dict[str, str]:
        """Lower-case title (plural, abbreviation) -> its canonical form."""
        canon = {abbr.lower(): full for abbr, full in self.abbreviations.items()}
        for title in self.titles:
            if title in self.abbreviations:
                continue
            canon[title.lower()] = title
            canon[title.lower() + "s"] = title
            if " of " in title:
                canon[title.lower().replace(" of ", "s of ", 1)] = title
        return canon

    @cached_property
    def upper_aliases(self) -> dict[str, str]:
        """Aliases by their form in capitals (datelines)."""
        return {a.upper(): a for a in self.aliases}

    def government(self, country: str) -> str:
        return f"{country}-government"

    def add(self, actor: Actor, surfaces: list[str]) -> None:
        known = self.actors.setdefault(actor.key, actor)
        for surface in [actor.label, *surfaces]:
            known.aliases.add(surface)
            self.aliases.setdefault(surface, actor.key)


def build(lexicons: Lexicons) -> Lexicon:
    """The actor lexicon: built-in data, then the LEXICON_DIR folder's files (same layout) merged over it.
    Built once per Lexicons: `lexicons.view(build)`."""
    lex = Lexicon()
    blobs = []
    for actors, titles in zip(lexicons.each_json("actors.json"), lexicons.each_json("titles.json"), strict=True):
        blobs.append(json.dumps([actors, titles], sort_keys=True))
        _add_actors(lex, actors)
        lex.titles += titles.get("titles", [])
        lex.abbreviations.update(titles.get("abbreviations", {}))
        lex.titles += list(titles.get("abbreviations", {}))
        lex.title_modifiers |= set(titles.get("modifiers", []))
        lex.honorifics |= set(titles.get("honorifics", []))
        lex.descriptors |= {d.lower() for d in titles.get("descriptors", [])}
        lex.descriptors |= {t.lower().split(" of ")[0].split()[-1] for t in titles.get("titles", [])}
    lex.first_names = lexicons.view(gender.first_names)
    lex.digest = hashlib.sha256("".join(blobs).encode()).hexdigest()[:12]
    return lex


def _add_actors(lex: Lexicon, data: dict) -> None:
    for key, label, aliases, demonyms, capital, gov_aliases in data.get("countries", []):
        lex.add(Actor(key, label, "Country"), aliases)
        gov = lex.government(key)
        gov_label = f"Government of {label}"
        gov_surfaces = [*gov_aliases, *(f"{d} government" for d in demonyms[:1]),
                        *(f"{d} leadership" for d in demonyms[:1])]
        if capital:
            gov_surfaces.append(capital)
            city = Actor(f"{key}-capital-{capital}".lower().replace(" ", "-"), capital, "Place")
            lex.actors.setdefault(city.key, city)
            lex.capitals[capital] = city.key
            lex.capital_of[city.key] = key
        lex.add(Actor(gov, gov_label, "Government", government_of=key), gov_surfaces)
        lex.country_of[gov] = key
        for demonym in demonyms:
            lex.demonyms.setdefault(demonym, key)
    for key, label, aliases, kind in data.get("organizations", []):
        lex.add(Actor(key, label, kind), aliases)
    for key, parent in data.get("member_of", {}).items():
        if key in lex.actors:
            lex.actors[key].member_of.add(parent)
            if parent in lex.country_of:
                lex.country_of[key] = lex.country_of[parent]
    for key, label, aliases in data.get("occasions", []):
        lex.add(Actor(key, label, "Occasion"), aliases)
    for key, label, aliases, country in data.get("people", []):
        lex.add(Actor(key, label, "Person"), aliases)
        if country:
            lex.country_of[key] = country
    lex.group_heads |= {h.lower() for h in data.get("group_heads", [])}
    lex.meeting_words |= {w.lower() for w in data.get("meeting_words", [])}
    lex.met_nouns |= {w.lower() for w in data.get("met_nouns", [])}
    lex.decision_words |= {w.lower() for w in data.get("decision_words", [])}
    lex.body_nouns.update({w.lower(): kind for w, kind in data.get("body_nouns", {}).items()})
    lex.office_nouns |= {w.lower() for w in data.get("office_nouns", [])}
    for sort, nouns in data.get("pair_nouns", {}).items():
        lex.pair_nouns.update({n.lower(): sort for n in nouns})
