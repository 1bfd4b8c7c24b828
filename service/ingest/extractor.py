"""The extraction of documents: clean -> spaCy -> actors -> facts, with what it needs built once.

An Extractor is built from Settings and owns (or shares, with the application object) the lexicons and
the spaCy loader; the ingest pipeline, its worker processes and the tests each hand one in. The facts
stage is a parameter, so that a test can break a document on purpose.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

from ..errors import KgqaError
from ..lexicon import BUILT_IN, Lexicons
from ..model import Document, Extraction, Fact
from ..models import Models
from ..settings import Settings
from . import clean, graph, lexicon, nlp
from .actors import Resolver
from .facts import extract as extract_facts
from .facts import lexicon as facts_lexicon

NOT_EXTRACTION = {"readme", "questions"}  # lexicon files that do not change what is extracted
FactsStage = Callable[[object, Resolver, Document, facts_lexicon.Lexicon], list[Fact]]


class Extractor:
    """What every document's extraction needs (the spaCy pipeline, the actor and trigger lexicons, the
    phrase matchers, the first-name table, the boilerplate patterns), each built once, on first use."""

    def __init__(self, settings: Settings, lexicons: Lexicons | None = None, models: Models | None = None,
                 facts_stage: FactsStage = extract_facts):
        self.settings = settings
        self.lexicons = lexicons if lexicons is not None else Lexicons(settings.lexicon_dir)
        self.models = models if models is not None else Models(settings.spacy_model)
        self.facts_stage = facts_stage
        self._version: str | None = None

    @property
    def actors(self) -> lexicon.Lexicon:
        return self.lexicons.view(lexicon.build)

    @property
    def triggers(self) -> facts_lexicon.Lexicon:
        return self.lexicons.view(facts_lexicon.build)

    @property
    def boilerplate(self) -> dict:
        return self.lexicons.view(clean.boilerplate)

    @property
    def nlp(self):
        return self.models.get()

    @property
    def version(self) -> str:
        """'<package version>/<digest of lexicon data and extraction code>': a change re-extracts."""
        if self._version is None:
            self._version = pipeline_version(self.actors.digest, self.settings.lexicon_dir)
        return self._version

    def warm(self) -> None:
        """Build everything now: in the fork server of the ingest workers (preload.py), so that each
        worker starts with it instead of building it on its first document."""
        from . import mentions

        mentions.matchers(self.actors, self.nlp.vocab)
        _ = self.triggers, self.boilerplate, self.version

    def body(self, document: Document) -> list:
        return clean.body_spans(document.text, document.title, self.boilerplate)

    def stream(self, documents: list[Document], processes: int = 1) -> Iterator[tuple]:
        """(document, Extraction or the exception that stopped it, Doc) for each document, lazily: the
        paragraphs of all documents flow through one spaCy stream of `processes` processes."""
        lex, triggers, bodies = self.actors, self.triggers, []

        def items():
            for d in documents:
                bodies.append(self.body(d))
                yield d.text, bodies[-1]

        docs = nlp.parse_stream(items(), self.nlp, processes)
        for n, (document, doc) in enumerate(zip(documents, docs, strict=True)):
            try:
                yield document, self._one(document, bodies[n], doc, lex, triggers), doc
            except KgqaError:
                raise
            except Exception as err:  # a rule that breaks on one document must not sink the others
                yield document, err, doc

    def _one(self, document: Document, body: list, doc, lex, triggers) -> Extraction:
        resolver = Resolver(doc, document, lex)
        facts: list[Fact] = list(self.facts_stage(doc, resolver, document, triggers))
        have = {(tuple(f.holders), (f.title or "").lower()) for f in facts if f.kind == "Role"}
        facts += [f for f in resolver.roles if (tuple(f.holders), (f.title or "").lower()) not in have]
        for fact in facts:
            _places_are_not_agents(fact, resolver.actors)
        facts = [f for f in facts if graph.publishable(f, resolver.actors)]
        return Extraction(document, resolver.actors, resolver.mentions(), facts, body)

    def analyse(self, text: str, **meta) -> tuple[object, Resolver]:
        """Parse one text through clean, nlp and actors: (spaCy Doc, Resolver). For tests and debugging."""
        document = Document(id=meta.pop("id", "text"), text=text, **meta)
        doc = nlp.parse([(text, self.body(document))], self.nlp)[0]
        return doc, Resolver(doc, document, self.actors)

    def facts(self, text: str, **meta) -> tuple[list[Fact], Resolver]:
        """The facts of one text and its Resolver (the document's actors). For tests and debugging."""
        doc, resolver = self.analyse(text, **meta)
        return self.facts_stage(doc, resolver, resolver.document, self.triggers), resolver


def _places_are_not_agents(fact: Fact, actors: dict) -> None:
    """A place among a fact's holders ("talks in New York") is where it happened, not who acted."""
    places = [k for k in fact.holders if k in actors and actors[k].kind == "Place"]
    if places and len(places) < len(fact.holders):
        fact.holders = [k for k in fact.holders if k not in places]
        fact.place = fact.place or places[0]


def pipeline_version(lexicon_digest: str, extra_lexicon: str = "") -> str:
    """'<package version>/<digest of lexicon data and extraction code>'."""
    try:
        package = metadata.version("kgqa")
    except metadata.PackageNotFoundError:
        package = "0.0.0"
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    data = [p for p in BUILT_IN.glob("*") if p.is_file() and p.suffix != ".py" and p.stem.lower() not in NOT_EXTRACTION]
    for path in sorted(here.rglob("*.py")) + sorted(data):
        h.update(path.name.encode() + b"\x00" + path.read_bytes())
    h.update(lexicon_digest.encode())
    if extra_lexicon and Path(extra_lexicon).is_dir():  # every file there can change what is extracted
        for path in sorted(p for p in Path(extra_lexicon).glob("*") if p.is_file()):
            if path.stem.lower() not in NOT_EXTRACTION:
                h.update(b"extra:" + path.name.encode() + b"\x00" + path.read_bytes())
    return f"{package}/{h.hexdigest()[:12]}"
