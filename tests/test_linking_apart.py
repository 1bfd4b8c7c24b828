"""The name index a server builds in a child process (qa/apart.py) is the index built in-process."""
from __future__ import annotations

import pytest

from service.qa import apart, linking
from service.store.embedded import EmbeddedStore
from tests.support import DATA


def _flat(index: linking.Index) -> dict:
    """The index's contents, comparable across processes (sets by their sorted members)."""
    entity = {iri: (e.label, sorted(e.types), sorted(e.names)) for iri, e in index.entities.items()}
    named = {k: sorted(e.iri for e in v) for k, v in index.by_name.items()}
    surnamed = {k: sorted(e.iri for e in v) for k, v in index.by_surname.items()}
    return {"entities": entity, "by_name": named, "by_surname": surnamed, "roles": sorted(index.roles),
            "family": {k: sorted(v) for k, v in index.family.items()}, "documents": list(index.documents),
            "holder_keys": index.holder_keys, "pair_keys": index.pair_keys, "link_keys": index.link_keys}


@pytest.mark.parametrize("graph", ["qa-geneva.trig", "summits.trig"])
def test_linking_apart_index_is_the_index_built_here(store, graph, caplog):
    store.load((DATA / "graphs" / graph).read_bytes(), "application/trig")
    built = apart.build(store, linking.Index)
    assert not caplog.records  # built by the child, not by the fallback here
    assert _flat(built) == _flat(linking.Index(store))
    assert built.entities and built.documents


def test_linking_apart_store_in_memory_builds_here():
    memory = EmbeddedStore(None)
    memory.load((DATA / "graphs" / "qa-geneva.trig").read_bytes(), "application/trig")
    assert _flat(apart.build(memory, linking.Index)) == _flat(linking.Index(memory))


class Unsendable(linking.Index):
    """An index the child cannot pickle (a function among its attributes)."""

    def __init__(self, store):
        super().__init__(store)
        self.hook = lambda: None


def test_linking_apart_child_failure_builds_here(store, caplog):
    store.load((DATA / "graphs" / "qa-geneva.trig").read_bytes(), "application/trig")
    built = apart.build(store, Unsendable)
    assert isinstance(built, Unsendable) and _flat(built) == _flat(linking.Index(store))
    assert any("building it here" in r.getMessage() for r in caplog.records)
