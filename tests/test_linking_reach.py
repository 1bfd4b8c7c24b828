"""An actor's reach (itself, its government or country; broadly its roles' organizations and the
holders of roles in it) computed from the name index equals what the template's queries find."""
from __future__ import annotations

from pyoxigraph import NamedNode

from service.qa.reach import reach
from tests.support import kgqa


def test_linking_reach_from_the_index_equals_the_queries(seeded_store):
    """The name index computes an actor's reach (governments, roles) without a query, as the
    template queries would find it."""
    found = kgqa(seeded_store).names.index()
    actors = sorted(found.entities)
    assert actors
    for iri in actors:
        for broad, down in ((False, True), (True, False), (True, True)):
            assert reach(seeded_store, NamedNode(iri), broad, down=down, index=found) == \
                reach(seeded_store, NamedNode(iri), broad, down=down), (iri, broad, down)
