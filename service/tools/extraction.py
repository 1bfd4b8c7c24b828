"""The ingestion stages up to the facts, in memory: read -> clean -> nlp -> actors -> facts.

For tools that look at what extraction finds without a store (scoring against gold, inspection).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .. import settings as settings_mod
from ..errors import DocumentError
from ..ingest import actors, clean, facts, nlp, read
from ..ingest import lexicon as actor_lexicon
from ..model import Document, Fact


def extract_documents(documents: list[Document], settings: dict | None = None) -> Iterator[tuple]:
    """(document, facts including roles, resolver) for each document."""
    settings = settings or settings_mod.load()
    lex = actor_lexicon.load(settings.get("LEXICON_DIR", ""))
    bodies = [clean.body_spans(d.text, d.title) for d in documents]
    docs = nlp.parse([(d.text, b) for d, b in zip(documents, bodies, strict=True)], settings["SPACY_MODEL"])
    for document, doc in zip(documents, docs, strict=True):
        resolver = actors.Resolver(doc, document, lex)
        found: list[Fact] = list(resolver.roles) + facts.extract(doc, resolver, document)
        yield document, found, resolver


def extract_paths(paths: list[str], settings: dict | None = None) -> Iterator[tuple]:
    """(document, facts, resolver) for every readable document under the paths."""
    documents = []
    for path in read.find_files(paths):
        for item in read.read_file(Path(path)):
            if not isinstance(item, DocumentError):
                documents.append(item)
    yield from extract_documents(documents, settings)
