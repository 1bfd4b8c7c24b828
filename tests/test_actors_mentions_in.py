"""actors: the mentions inside a character range, found by bisection over the mentions in text order,
are those a scan of every mention finds, in the same order, for every sentence and for ranges that cut
through names, after the facts stage has read the document."""
import pytest

from tests.support import extractor

TEXTS = [
    "Chancellor Mirela Voss met President Tomas Brandt in Vienna on Friday. Voss said she and Brandt "
    "agreed on a trade deal.\n\nThe two leaders will meet again in Prague, the Austrian government said.",
    "Police said the protesters left. Their leaders told reporters that the mayor, Ana Ruiz, had refused "
    "to meet them.",
]


def _scan(resolver, start, end):
    return [m for m in resolver.mentions() if start <= m.span.start and m.span.end <= end]


@pytest.mark.parametrize("text", TEXTS)
def test_actors_mentions_in_matches_a_scan(text):
    _, resolver = extractor().facts(text)  # the facts stage may add mentions (groups named as such)
    doc = resolver.doc
    assert resolver.mentions()
    ranges = [(s.start_char, s.end_char) for s in doc.sents] + [(0, len(text))]
    ranges += [(m.span.start + 1, m.span.end + 20) for m in resolver.mentions()]  # cutting through names
    ranges += [(m.span.start, m.span.end) for m in resolver.mentions()] + [(5, 5), (30, 10)]
    for start, end in ranges:
        assert resolver.mentions_in(start, end) == _scan(resolver, start, end)
