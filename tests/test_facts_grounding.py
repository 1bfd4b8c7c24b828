"""Facts stage: every fact is grounded in the text exactly as ingested, and none comes from boilerplate."""
from __future__ import annotations

import pytest

from tests.facts_support import run, seed_extractions

# where the site's furniture starts or ends in each seed (breadcrumbs, comment forms, newsletter, appeals)
FURNITURE = {
    "putin-and-obama-summit": ("Home / Article / Putin and Obama Summit: More Progress Than Expected",
                               "Leave a Reply"),
    "why-obama-and-putin-are-tied-to-each-other": ("Support The Moscow Times!",
                                                   "Sign up for our free weekly newsletter"),
}


def _facts():
    """The facts this stage makes (roles come from the actors stage)."""
    return [(ex.document, fact) for ex, _doc in seed_extractions() for fact in ex.facts if fact.kind != "Role"]


def test_facts_grounding_content_is_verbatim():
    checked = 0
    for document, fact in _facts():
        if fact.content is not None:
            assert document.text[fact.content_span.start:fact.content_span.end] == fact.content
            checked += 1
    assert checked > 30


def test_facts_grounding_content_inside_evidence():
    for _document, fact in _facts():
        if fact.content_span is not None:
            assert any(e.start <= fact.content_span.start and fact.content_span.end <= e.end for e in fact.evidence)


@pytest.mark.parametrize("doc_id", sorted(FURNITURE))
def test_facts_grounding_no_fact_from_boilerplate(doc_id):
    (document, facts), = [(ex.document, ex.facts) for ex, _ in seed_extractions() if ex.document.id == doc_id]
    head, tail = FURNITURE[doc_id]
    head_end = document.text.index(head) + len(head)
    tail_start = document.text.index(tail)
    assert facts
    for fact in facts:
        for span in fact.evidence:
            assert head_end <= span.start and span.end <= tail_start, (fact.kind, document.text[span.start:span.end])


@pytest.mark.parametrize("text", [
    "Russia proposed a\u00a0ceasefire in\u00a0eastern Syria on\u00a0Monday.",
    "Deputy Secretary of\u00a0State Antony Blinken said that\u00a0Washington would\u00a0send more aid.",
])
def test_facts_grounding_odd_spaces_kept(text):
    facts, _actors = run(text)
    contents = [f for f in facts if f.content]
    assert any("\u00a0" in f.content for f in contents)
    for fact in contents:
        assert text[fact.content_span.start:fact.content_span.end] == fact.content
