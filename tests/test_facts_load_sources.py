"""qa.facts.load describes the documents of the passages it loads from the name index (qa/documents.py) when
the index is of the store as it is now: the same records as when the store is asked. A document the index
does not hold, or holds several descriptions of (two titles), is asked of the store, and so is every document
once the store has been written to since the index was built."""
from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from service import vocab
from service.qa import facts, linking
from service.store.embedded import EmbeddedStore
from tests.benchmarks.graphgen import Generator
from tests.support import kgqa

_FACTS = facts._PREFIX + "SELECT DISTINCT ?fact WHERE { ?fact kg:evidence ?e }"
_DOCS = facts._PREFIX + "SELECT DISTINCT ?doc WHERE { ?doc a kg:Document }"
TITLE = NamedNode("http://purl.org/dc/terms/title")


def _generated() -> EmbeddedStore:
    st = EmbeddedStore(None)
    st.load("".join(line for _, lines in Generator(200, "http://kgqa.test/").documents() for line in lines).encode(),
            "application/n-quads")
    return st


def _current(store) -> linking.Index:
    index = linking.Index(store)
    index.version = ("generation", store.generation)  # as names.Names marks the index it built
    return index


def _both(store, index) -> tuple[dict, dict]:
    iris = sorted(r["fact"].value for r in store.select(_FACTS))
    assert iris and index.of(store) is not None
    return facts.load(store, iris, index.label, index.of(store)), facts.load(store, iris, index.label)


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
def test_facts_load_sources_from_the_index_as_from_the_store(request, which):
    store = request.getfixturevalue(which) if which == "seeded_store" else _generated()
    from_index, asked = _both(store, _current(store))
    assert from_index == asked and any(rec.evidence for rec in asked.values())


@pytest.mark.parametrize("change", ["second title", "not a document"])
def test_facts_load_sources_asks_the_store_for_what_the_index_cannot_say(change):
    store = _generated()
    doc = NamedNode(sorted(r["doc"].value for r in store.select(_DOCS))[0])
    if change == "second title":
        store.ox.add(Quad(doc, TITLE, Literal("Another title of the same report"), doc))
    else:
        store.ox.remove(Quad(doc, vocab.RDF_TYPE, vocab.kg("Document"), doc))
    index = _current(store)
    assert index.documents.described(doc.value) is None
    from_index, asked = _both(store, index)
    assert from_index == asked


def test_facts_load_sources_not_from_an_index_of_an_older_store():
    store = _generated()
    index = kgqa(store).names.index()
    assert index.of(store) is not None
    store.remove_graph(NamedNode(sorted(r["doc"].value for r in store.select(_DOCS))[0]))
    assert index.of(store) is None
