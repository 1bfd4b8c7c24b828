"""What links to an entity is summarized, not listed in full: at most `limit` subjects with their
labels, and counts capped at COUNT_CAP, so an actor that thousands of facts name stays quick to show."""
import pytest
from pyoxigraph import Literal, Quad

from service import iris, vocab
from service.read import linked
from service.web import create_app
from tests.support import BASE, kgqa

N_FACTS = 30


@pytest.fixture
def popular(store):
    """An actor that N_FACTS statements (one per document) hold, and that each document mentions."""
    actor = iris.actor(BASE, "Vladimir Putin")
    for i in range(N_FACTS):
        doc, fact = iris.document(BASE, f"d{i}"), iris.fact(BASE, "Statement", str(i))
        mention = iris.passage(BASE, f"d{i}", 0, 5)
        triples = [(actor, vocab.RDF_TYPE, vocab.C_PERSON), (actor, vocab.RDFS_LABEL, Literal("Vladimir Putin")),
                   (fact, vocab.RDF_TYPE, vocab.C_STATEMENT), (fact, vocab.HOLDER, actor),
                   (fact, vocab.CONTENT, Literal(f"thing number {i}")), (mention, vocab.ITS_IDENT_REF, actor)]
        store.replace_graph(doc, [Quad(s, p, o, doc) for s, p, o in triples])
    return actor


def test_entities_bounded_incoming_subjects(store, popular):
    description = linked.describe(store, popular, limit=10)
    assert (description.shown_from, description.linked_from, description.mentions) == (10, N_FACTS, N_FACTS)
    assert len(description.graphs) == 10
    holders = {q.subject for q in description.quads if q.predicate == vocab.HOLDER}
    assert len(holders) == 10


def test_entities_bounded_counts_are_capped(store, popular, monkeypatch):
    monkeypatch.setattr(linked, "COUNT_CAP", 12)
    description = linked.describe(store, popular, limit=10)
    assert (description.linked_from, description.mentions) == (12, 12)
    client = create_app({"TESTING": True}, kgqa=kgqa(store)).test_client()
    html = client.get("/entities/actor-vladimir-putin", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "Mentioned 12 or more times" in html


def test_entities_bounded_own_statements_stay_complete(store, popular):
    quads = linked.describe(store, popular, per_graph=True, limit=5).quads
    assert len({q.graph_name for q in quads if q.subject == popular}) == N_FACTS  # every document's say
