"""embedded store: a read-only snapshot of a store on disk reads what was written and closes without
flushing (Oxigraph refuses a flush on a read-only instance)."""
from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from service.store.embedded import EmbeddedStore

G = NamedNode("https://example.org/doc")


def test_embedded_read_only_reads_and_closes(tmp_path):
    writer = EmbeddedStore(str(tmp_path / "store"))
    writer.replace_graph(G, [Quad(NamedNode("https://example.org/s"), NamedNode("https://example.org/p"),
                                  Literal("o"), G)])
    writer.close()
    reader = EmbeddedStore(str(tmp_path / "store"), read_only=True)
    assert reader.count_triples() == 1
    reader.close()
