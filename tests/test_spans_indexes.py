"""spans: the per-Doc answers the rules use to skip a scan (any_between, sentence_of, has_quote) say
what the scan itself would, for every range of tokens of texts with quotes, coordinations and clauses."""
import pytest

from service.ingest.facts import spans
from service.ingest.facts.quotes import OPEN_QUOTES, has_quote
from tests.support import extractor

TEXTS = [
    "Harbour Deal Signed\n\nThe mayor and the port authority signed the lease on Friday. \"We could not agree "
    "more,\" she said, \"and we will build if the council approves.\"\n\nCritics, a survey found, oppose it.\n",
    "Nobody spoke.\n\n\"I told them,\" he said. \u201cWe stay.\u201d Then the talks ended, and both sides left.",
]


def _coordinating(tok):
    return tok.dep_ in ("conj", "cc")


@pytest.mark.parametrize("text", TEXTS)
def test_spans_any_between_is_the_scan(text):
    doc, _ = extractor().analyse(text)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            scanned = any(_coordinating(t) for t in doc[start:end])
            assert spans.any_between(doc, _coordinating, start, end) == scanned, (start, end)


@pytest.mark.parametrize("text", TEXTS)
def test_spans_sentence_of_and_has_quote_are_the_scan(text):
    doc, _ = extractor().analyse(text)
    for tok in doc:
        assert spans.sentence_of(tok) == (tok.sent.start, tok.sent.end)
        assert spans.coordinated_below(tok) == any(_coordinating(t) for t in tok.subtree)
    for sent in doc.sents:
        assert has_quote(doc, sent.start, sent.end) == any(t.text in OPEN_QUOTES for t in doc[sent.start:sent.end])
