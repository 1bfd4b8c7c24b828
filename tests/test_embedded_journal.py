"""embedded store: batched bulk writes are journaled; one that fails or dies midway leaves no graph
half-written (opening the store again removes the batch's graphs); replacing touches only its graphs."""
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyoxigraph import Literal, NamedNode, Quad

from service.store import embedded
from service.store.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent
P = NamedNode("http://kgqa.test/ns#says")


def graph(name: str, n: int = 4, word: str = "v") -> tuple[NamedNode, list[Quad]]:
    g = NamedNode(f"http://kgqa.test/sources/{name}")
    return g, [Quad(g, P, Literal(f"{word}{i}"), g) for i in range(n)]


def nquads(quads: list[Quad]) -> bytes:
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


class HalfThenDie:
    """The real pyoxigraph store, except that a bulk write writes half its data, then `die()`s: a
    disk that fills up, or (with os._exit) a process killed in the middle of the write."""

    def __init__(self, inner, die):
        self.inner, self.die = inner, die

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def bulk_load(self, data, **kw):
        lines = data.splitlines(keepends=True)
        self.inner.bulk_load(b"".join(lines[: len(lines) // 2]), **kw)
        self.die()

    def bulk_extend(self, quads):
        quads = list(quads)
        self.inner.bulk_extend(quads[: len(quads) // 2])
        self.die()


def disk_full():
    raise OSError("No space left on device")


def graphs_in(path) -> set[str]:
    with EmbeddedStore(str(path)) as st:
        return {g.value for g in st.ox.named_graphs()}


@pytest.mark.parametrize("as_bytes", [True, False])
def test_embedded_journal_failed_write_leaves_no_half_written_graph(tmp_path, as_bytes):
    path = tmp_path / "store"
    done, (a, qa), (b, qb) = graph("done"), graph("a"), graph("b")
    with EmbeddedStore(str(path)) as st:
        st.replace_graphs([done])
        st.ox = HalfThenDie(st.ox, disk_full)
        with pytest.raises(OSError):
            st.replace_graphs([(a, nquads(qa) if as_bytes else qa), (b, nquads(qb) if as_bytes else qb)])
        st.ox = st.ox.inner
        assert st.ox.contains_named_graph(a)  # half of the batch is there until the store is reopened
    with EmbeddedStore(str(path)) as st:
        assert {g.value for g in st.recovered} == {a.value, b.value}
        assert {g.value for g in st.ox.named_graphs()} == {done[0].value}
        assert len(st.ox) == len(done[1])  # the complete graph intact, the journal gone


CRASH = """
import os, sys
import pyoxigraph as ox
from service.store.embedded import EmbeddedStore
from tests.test_embedded_journal import HalfThenDie, graph, nquads
st = EmbeddedStore(sys.argv[1])
st.replace_graphs([graph("done")])
st.ox = HalfThenDie(st.ox, lambda: os._exit(3))
if sys.argv[2] == "ingest":
    st.replace_graphs([(g, nquads(q)) for g, q in (graph("a"), graph("b"))])
else:
    data = b"".join(nquads(graph(f"dump{i}", 3_000)[1]) for i in range(6))
    st.load(data, "application/n-quads")
"""


@pytest.mark.parametrize("write", ["ingest", "load"])
def test_embedded_journal_process_killed_mid_write_is_recovered(tmp_path, write):
    path = tmp_path / "store"
    child = subprocess.run([sys.executable, "-c", CRASH, str(path), write], cwd=ROOT, capture_output=True,
                           text=True, timeout=120)
    assert child.returncode == 3, child.stderr
    assert graphs_in(path) == {"http://kgqa.test/sources/done"}


def test_embedded_replace_graphs_replaces_exactly_its_graphs(tmp_path):
    (a, old), (b, kept), (_, new) = graph("a", 5, "old"), graph("b"), graph("a", 2, "new")
    with EmbeddedStore(str(tmp_path / "store")) as st:
        st.replace_graphs([(a, old), (b, nquads(kept))])
        st.replace_graphs([(a, nquads(new))])
        assert set(st.ox.quads_for_pattern(None, None, None, a)) == set(new)
        assert set(st.ox.quads_for_pattern(None, None, None, b)) == set(kept)
        assert not st.ox.contains_named_graph(embedded.JOURNAL)


def test_embedded_load_bad_rdf_writes_nothing(tmp_path):
    data = b"".join(nquads(graph(f"dump{i}", 3_000)[1]) for i in range(6)) + b"<http://x/s> <broken .\n"
    with EmbeddedStore(str(tmp_path / "store")) as st:
        with pytest.raises(SyntaxError):
            st.load(data, "application/n-quads")
        assert len(st.ox) == 0


@pytest.mark.parametrize("existing", [False, True])
def test_embedded_load_large_dump_adds_to_what_is_there(tmp_path, existing):
    data = b"".join(nquads(graph(f"dump{i}", 3_000)[1]) for i in range(6))
    g, before = graph("dump0", 3, "before")
    with EmbeddedStore(str(tmp_path / "store")) as st:
        if existing:  # a graph that holds data already: loaded in one transaction, nothing removed
            st.replace_graph(g, before)
        assert st.load(data, "application/n-quads") == 18_000
        assert len(st.ox) == 18_000 + (len(before) if existing else 0)
        assert not st.ox.contains_named_graph(embedded.JOURNAL)


def test_embedded_load_large_file_into_a_new_graph(tmp_path):
    g = NamedNode("http://kgqa.test/graphs/reference")
    triples = [ox.Triple(NamedNode(f"http://kgqa.test/s{i}"), P, Literal(f"value {i}")) for i in range(20_000)]
    with EmbeddedStore(str(tmp_path / "store")) as st:
        assert st.load(ox.serialize(triples, format=ox.RdfFormat.TURTLE), "text/turtle", g) == 20_000
        assert {q.graph_name for q in st.ox} == {g} and len(st.ox) == 20_000
