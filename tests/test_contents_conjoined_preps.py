"""What a verb's object says runs on over a second preposition the parser hung on the verb itself as a
conjunct ("agreed texts on customs checks [and on public tenders]"), and stops before the next verb's clause
(a sentence written for this project, parsed by the real spaCy model)."""
from __future__ import annotations

from service.ingest.facts.contents import content_of
from tests.support import extractor


def test_contents_conjoined_preps():
    doc = extractor().nlp("Officials said the two sides had agreed texts on customs checks and on public tenders, "
                          "and had made progress on rules for small firms.")
    agreed = next(t for t in doc if t.lemma_ == "agree")
    assert [t for t in doc if t.text == "on" and t.dep_ == "conj" and t.head == agreed], "the parse tested"
    start, end = content_of(agreed)
    text = doc[start:end].text
    assert "customs checks" in text and "public tenders" in text and "small firms" not in text, text
