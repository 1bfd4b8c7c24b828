"""Ingestion: documents in, one named graph of grounded facts per document out.

The stages run in this order, each a module of its own (pipeline.py wires them):
read -> clean -> nlp -> actors (lexicon, mentions, roles, coreference) -> facts -> graph -> store.
Every offset anywhere in ingestion is a code-point offset into Document.text, the text as ingested.
"""
from __future__ import annotations

STAGES = ("read", "clean", "nlp", "actors", "facts", "graph", "store")
