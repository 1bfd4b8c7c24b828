"""The records that flow through ingestion: read -> clean -> nlp -> actors -> facts -> graph.

Offsets are always code-point offsets into `Document.text`, the text exactly as ingested.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 date
    origin: str | None = None  # file (and line) it was read from, for messages
    name: str | None = None  # file name (and line) the id was derived from; None when the id was given

    def metadata(self) -> dict:
        return {k: getattr(self, k) for k in ("id", "title", "url", "publisher", "author", "published")}


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass
class Actor:
    key: str  # canonical key: the lexicon id, or a slug of the canonical name; the IRI is minted from it
    label: str
    kind: str  # Person, Organization, Government, Country, Group, Place, Occasion
    aliases: set[str] = field(default_factory=set)
    government_of: str | None = None  # key of the country a government governs
    member_of: set[str] = field(default_factory=set)  # keys of groups/organizations


@dataclass(frozen=True)
class Mention:
    actor: str  # actor key
    span: Span


@dataclass
class Fact:
    kind: str  # a kind of vocab.FACT_KINDS
    evidence: list[Span]
    holders: list[str] = field(default_factory=list)  # actor keys (participants for meetings)
    content: str | None = None  # verbatim text of content_span
    content_span: Span | None = None
    verb: str | None = None
    about: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    occasion: Fact | str | None = None  # a meeting Fact of the same extraction, or an Occasion actor key
    place: str | None = None
    place_text: str | None = None  # meetings: a place named by a common noun, as written ("at a hotel in X")
    date: str | None = None  # ISO date
    time_text: str | None = None
    duration: str | None = None  # xsd:duration, e.g. PT90M
    duration_text: str | None = None
    remote: bool = False  # meetings: held by phone, video or letter, not face to face
    condition: str | None = None
    negated: bool = False
    hedged: bool = False
    ironic: bool = False  # a suggestion the writer tells as mockery or a joke: not the speaker's proposal
    status: str | None = None  # an event not reported as having happened: Planned, Hypothetical, Negated
    confidence: float = 0.8
    attributed_to: str | None = None
    attribution: str | None = None
    quantity: float | None = None
    quantity_text: str | None = None
    counts: str | None = None
    title: str | None = None  # roles
    organization: str | None = None  # roles: actor key
    responds_to: Fact | None = None  # "accepted the proposal": the fact of the same extraction it names


@dataclass
class Extraction:
    document: Document
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    body: list[Span] = field(default_factory=list)  # article-body spans found by clean


class ActorResolver(Protocol):
    """What the facts stage asks the actors stage (service/ingest/actors.py implements it).

    Spans are spaCy spans of the document's Doc, whose character offsets (`span.start_char`) are
    offsets into Document.text.
    """

    def resolve(self, span) -> list[str]:
        """Keys of the actors a noun phrase refers to: names, aliases, titles ("the Russian leader"),
        metonymy (Moscow -> Russia's government), pronouns and "both sides" (coreference within the
        document, up to this span), coordinations ("Russia, China and India" -> three keys).
        Empty when the phrase names no actor."""

    def actor(self, key: str) -> Actor:
        """The actor with this key (every key resolve() returns is known here)."""

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Actor mentions inside [start, end) of the text, in order: topics of a content span."""
