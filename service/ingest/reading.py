"""What coreference (coref.py) and role finding (roles.py) read of a document being resolved: the
Resolver (actors.py) offers it, and those modules depend on this description rather than on the
Resolver itself, so that actors.py is the only one that imports them (no import circle)."""
from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Token

from ..model import Actor, Document
from .lexicon import Lexicon


class Reading(Protocol):
    """A document's tokens with the actors each names, as far as resolved so far."""

    doc: Doc
    document: Document
    lex: Lexicon
    tokens: list[Token]
    key_at: list[str | None]  # token -> the actor it names, if one
    how_at: list[str | None]  # token -> how it names it (name | metonym | demonym | entity | place)
    titles: dict[str, set[str]]  # person key -> lower-case title words
    unnamed: list[tuple[int, str, str]]  # (token, noun, key) of people named by what they are ("an aide")
    person_country: dict[str, str]
    gender: dict[str, str]
    pairs: list
    meetings: list

    def actor(self, key: str) -> Actor: ...

    def refers(self, h: Token) -> list[str]: ...

    def known_actor(self, key: str) -> bool: ...

    def known(self, i: int) -> list[str]: ...

    def is_person(self, key: str) -> bool: ...

    def is_group(self, key: str) -> bool: ...

    def group_for(self, tok: Token) -> str | None: ...  # a group a plural noun of people names as such

    def country(self, key: str) -> str | None: ...

    def sentence_of(self, i: int) -> int: ...
