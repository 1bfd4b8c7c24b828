"""qa.facts.load reads the occasions of the facts that have one of their own (a look-up saved for every other
fact), and of every fact when the default graph holds triples, which the details (read in document graphs)
do not see: each fact gets the occasions it reaches either way."""
from __future__ import annotations

import pytest
from pyoxigraph import DefaultGraph, NamedNode, Quad

from service import vocab as v
from service.qa import facts
from service.store.embedded import EmbeddedStore

DOC = NamedNode("http://kgqa.test/sources/doc-1")
SUMMIT, FORUM = NamedNode("http://kgqa.test/entities/summit"), NamedNode("http://kgqa.test/entities/forum")
LABELS = {SUMMIT.value: "the summit", FORUM.value: "the forum"}


def _fact(n: int) -> NamedNode:
    return NamedNode(f"http://kgqa.test/facts/doc-1/{n}")


@pytest.mark.parametrize("graph_of_occasion", [DOC, DefaultGraph()])
def test_facts_load_occasions_of_facts_with_one(graph_of_occasion):
    st = EmbeddedStore(None)
    quads = [Quad(_fact(n), v.RDF_TYPE, v.kg("Meeting"), DOC) for n in range(3)]
    quads += [Quad(_fact(1), v.OCCASION, SUMMIT, graph_of_occasion), Quad(SUMMIT, v.OCCASION, FORUM, DOC)]
    st.ox.extend(quads)
    records = facts.load(st, [_fact(n).value for n in range(3)], LABELS.get)
    assert [sorted(records[_fact(n).value].occasions) for n in range(3)] == [  # in the engine's order: sorted here
        [], [(FORUM.value, "the forum"), (SUMMIT.value, "the summit")], []]
