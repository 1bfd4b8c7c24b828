"""pipeline on the seeds: every passage quotes the text exactly; nothing comes from boilerplate."""
import pytest

from service.read import sources
from service.vocab import PREFIXES

PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
PASSAGES = PREFIX + """
SELECT ?id ?start ?end ?anchor ?kind WHERE {
  ?p nif:referenceContext ?doc ; nif:beginIndex ?start ; nif:endIndex ?end ; nif:anchorOf ?anchor .
  ?doc dcterms:identifier ?id .
  { ?x kg:evidence ?p BIND("evidence" AS ?kind) } UNION { ?p itsrdf:taIdentRef ?x BIND("mention" AS ?kind) }
}"""
# site furniture of the seeds (navigation, captions, comment form, counters, newsletter box, donation
# appeal), and the furniture that shows the article is over
FURNITURE = {
    "putin-and-obama-summit": (["Home / Article / Putin and Obama Summit", "14 visitors online now"],
                               "Leave a Reply"),
    "why-obama-and-putin-are-tied-to-each-other": (["Support The Moscow Times!", "Wikicommons",
                                                    "Remind me later."], "Sign up for our free weekly newsletter"),
}


def test_pipeline_every_passage_quotes_the_text(seeded_store):
    texts = {doc["id"]: sources.text(seeded_store, doc["id"]) for doc in sources.list_sources(seeded_store)}
    rows = seeded_store.select(PASSAGES)
    assert {r["kind"].value for r in rows} == {"evidence", "mention"}
    for r in rows:
        start, end = int(r["start"].value), int(r["end"].value)
        assert texts[r["id"].value][start:end] == r["anchor"].value


@pytest.mark.parametrize("doc_id", sorted(FURNITURE))
def test_pipeline_nothing_from_boilerplate(seeded_store, doc_id):
    text = sources.text(seeded_store, doc_id)
    furniture, end_marker = FURNITURE[doc_id]
    over = text.index(end_marker)
    banned = [(text.index(f), text.index(f) + len(f)) for f in furniture]
    rows = [r for r in seeded_store.select(PASSAGES) if r["id"].value == doc_id]
    assert rows
    for r in rows:
        start, end = int(r["start"].value), int(r["end"].value)
        assert end <= over, (r["kind"].value, r["anchor"].value)
        assert all(end <= a or start >= b for a, b in banned), (r["kind"].value, r["anchor"].value)
