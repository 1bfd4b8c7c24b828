"""qa.facts.load reads the occasions of the facts that have one of their own (a look-up saved for every other
fact), and of every fact when the default graph holds triples, which the details (read in document graphs)
do not see: each fact gets the occasions it reaches either way, also when the name index says an occasion reaches
no other."""
from __future__ import annotations

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from service import vocab as v
from service.qa import facts, linking
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


@pytest.mark.parametrize("at", [SUMMIT, FORUM])
def test_facts_load_occasions_from_the_name_index_as_from_the_store(at):
    """An occasion held at no other reaches only itself: the name index says so, no look-up; one held at
    another (the summit at the forum) is looked up as before."""
    st = EmbeddedStore(None)
    quads = [Quad(o, v.RDF_TYPE, v.kg("Occasion"), DOC) for o in (SUMMIT, FORUM)]
    quads += [Quad(o, v.RDFS_LABEL, Literal(name), DOC) for o, name in ((SUMMIT, "the summit"), (FORUM, "the forum"))]
    quads += [Quad(_fact(0), v.RDF_TYPE, v.kg("Meeting"), DOC), Quad(_fact(0), v.OCCASION, at, DOC),
              Quad(SUMMIT, v.OCCASION, FORUM, DOC)]
    st.ox.extend(quads)
    index = linking.Index(st)
    index.version = ("generation", st.generation)  # as names.Names marks the index it built
    assert index.of(st) is index and index.reaches_none(at.value) == (at == FORUM)
    records = facts.load(st, [_fact(0).value], index.label, index.of(st))
    assert records == facts.load(st, [_fact(0).value], index.label)
    assert sorted(records[_fact(0).value].occasions) == sorted(
        (o.value, LABELS[o.value]) for o in ((SUMMIT, FORUM) if at == SUMMIT else (FORUM,)))
