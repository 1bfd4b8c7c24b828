"""Every fact's content (roles included) is cut verbatim from the text as ingested, in every test article."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from service.ingest import pipeline
from tests.support import extractor

FOLDERS = ["data/sources", "tests/data/heldout", "tests/data/articles"]
ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=8)
def _extractions(folder: str):
    report = pipeline.IngestReport()
    documents = pipeline.read_all([str(ROOT / folder)], report)
    return [ex for _, ex, _doc in extractor().stream(documents)]


@pytest.mark.parametrize("folder", FOLDERS)
def test_facts_verbatim_every_content_of_every_article(folder):
    checked = 0
    for ex in _extractions(folder):
        for fact in ex.facts:
            if fact.content is not None:
                assert ex.document.text[fact.content_span.start:fact.content_span.end] == fact.content, \
                    (ex.document.id, fact.kind, fact.content)
                checked += 1
    assert checked > 10


def test_facts_verbatim_role_with_odd_space():
    text = "Russian Foreign\u00a0Minister Sergei Lavrov met U.S. Secretary of\u00a0State John Kerry on Monday."
    doc, resolver = extractor().analyse(text)
    roles = [f for f in resolver.roles if "\u00a0" in (f.content or "")]
    assert roles
    for fact in roles:
        assert text[fact.content_span.start:fact.content_span.end] == fact.content
