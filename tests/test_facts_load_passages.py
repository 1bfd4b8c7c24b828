"""qa.facts.load reads a passage's offsets and document from its IRI's RFC 5147 fragment
(<B/sources/ID#char=S,E>, ontology/README.md) and only its anchor from the store: the same passages, in the
same order, as the store's nif:beginIndex, nif:endIndex and nif:referenceContext say; a passage whose IRI
has no such fragment has every offset asked of the store."""
from __future__ import annotations

import pytest
from pyoxigraph import NamedNode, Quad

from service.qa import facts
from service.store.embedded import EmbeddedStore
from tests.benchmarks.graphgen import Generator

_FACTS = facts._PREFIX + "SELECT DISTINCT ?fact WHERE { ?fact kg:evidence ?e }"
EVIDENCE = NamedNode(facts.KG_NS + "evidence")


def _generated() -> EmbeddedStore:
    st = EmbeddedStore(None)
    st.load("".join(line for _, lines in Generator(200, "http://kgqa.test/").documents() for line in lines).encode(),
            "application/n-quads")
    return st


def _asked(store, iris: list[str]) -> list[tuple]:
    """Every passage's offsets and document as the store's triples give them."""
    return [(fact, row["doc"].value, int(row["start"].value), int(row["end"].value),
             row["anchor"].value if "anchor" in row else None)
            for fact, row in facts.numbered(store, facts._EVIDENCE, iris)]


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
def test_facts_load_passages_from_iris_as_from_the_store(request, which):
    store = request.getfixturevalue(which) if which == "seeded_store" else _generated()
    iris = sorted(r["fact"].value for r in store.select(_FACTS))
    from_iris = facts._passages(store, iris)
    assert from_iris and from_iris == _asked(store, iris)


def test_facts_load_passages_asks_the_store_for_a_passage_without_fragment():
    store = _generated()
    iris = sorted(r["fact"].value for r in store.select(_FACTS))
    quad = next(iter(store.ox.quads_for_pattern(NamedNode(iris[0]), EVIDENCE, None)))
    renamed = NamedNode("urn:kgqa:test:passage-without-offsets")
    for old in list(store.ox.quads_for_pattern(quad.object, None, None)):  # the passage's own triples, renamed
        store.ox.remove(old)
        store.ox.add(Quad(renamed, old.predicate, old.object, old.graph_name))
    store.ox.remove(quad)
    store.ox.add(Quad(quad.subject, EVIDENCE, renamed, quad.graph_name))
    loaded = facts._passages(store, iris)
    assert loaded == _asked(store, iris)
    assert any(fact == iris[0] for fact, *_ in loaded)
