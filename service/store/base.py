"""The store interface. Everything outside service/store/ talks to a store only through it, so the
embedded store and a remote SPARQL endpoint cannot be told apart.

Terms are pyoxigraph terms (NamedNode, Literal, BlankNode) on both sides of the interface.
Queries see the union of all graphs as their default graph.
"""
from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import BinaryIO

import pyoxigraph as ox
from pyoxigraph import Literal, NamedNode, Quad, Triple

from .. import formats
from ..errors import QuerySyntaxError

Term = NamedNode | Literal

def parse_into(data: bytes, media_type: str, graph: NamedNode | None) -> list[Quad]:
    """RDF as it is, its default-graph triples put into `graph` (the default graph when None); what
    `Store.load` writes. Unknown media types are refused; bad RDF raises pyoxigraph's SyntaxError."""
    fmt = formats.RDF.get(media_type)
    if fmt is None:
        raise QuerySyntaxError(f"cannot load RDF of type {media_type}")
    target = graph if graph is not None else ox.DefaultGraph()
    return [q if q.graph_name != ox.DefaultGraph() else Quad(q.subject, q.predicate, q.object, target)
            for q in ox.parse(data, format=fmt, base_iri=graph.value if graph else None)]


GraphData = bytes | Iterable[Quad]  # one graph's quads, or their N-Quads serialization


def graph_quads(data: GraphData) -> Iterable[Quad]:
    """The quads of GraphData (N-Quads bytes are parsed; they are the store's own serialization)."""
    return ox.parse(data, format=ox.RdfFormat.N_QUADS) if isinstance(data, bytes) else data


class Store(ABC):
    """A quad store holding one named graph per document."""

    description: str = "store"  # names the store in messages ("embedded store var/store")
    # Changes with every write through this object; None where others may write too (a remote store),
    # so caches of counts fall back to a maximum age.
    generation: int | None = None

    # Quads worth collecting before one replace_graphs call (ingest batches documents up to it);
    # 0: one document per call. A store whose batched write is much faster than one write per
    # document (the embedded store's bulk path) sets it.
    write_batch_quads: int = 0

    # --- writing
    @abstractmethod
    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        """Replace everything in `graph` with `quads` (all in that graph) in one atomic step."""

    def replace_graphs(self, graphs: list[tuple[NamedNode, GraphData]]) -> None:
        """Replace each graph with its quads (a list of quads, or N-Quads bytes of that graph alone):
        how ingest writes documents. A store may write the batch in one bulk step that is not atomic,
        but a write that fails or a process that dies midway must never leave a graph half-written
        and looking complete (the embedded store journals the batch and removes its graphs on
        recovery). The default replaces them one by one, each atomically."""
        for graph, data in graphs:
            self.replace_graph(graph, graph_quads(data))

    @abstractmethod
    def remove_graph(self, graph: NamedNode) -> None: ...

    @abstractmethod
    def load(self, data: bytes, media_type: str, graph: NamedNode | None = None) -> int:
        """Load RDF as it is into `graph` (default graph when None). Returns the triples loaded."""

    # --- reading
    @abstractmethod
    def select(self, query: str, bindings: dict[str, Term] | None = None) -> list[dict[str, Term]]:
        """Run a SELECT with variables bound to the given terms; rows map variable names to terms.
        A bound variable must be in the SELECT projection (pyoxigraph's substitutions require it)."""

    @abstractmethod
    def ask(self, query: str, bindings: dict[str, Term] | None = None) -> bool: ...

    @abstractmethod
    def construct(self, query: str, bindings: dict[str, Term] | None = None) -> list[Triple]: ...

    @abstractmethod
    def execute(self, query: str, media_type: str, *, default_graphs: list[str] | None = None,
                named_graphs: list[str] | None = None, max_bytes: int = 0) -> bytes:
        """Run a user's query for the SPARQL protocol and serialize its results as `media_type`.
        The caller has checked the query (read-only, no SERVICE) and chosen a media type the query
        form supports. With no dataset given, the default graph is the union of all graphs.
        max_bytes (0: none): ResultTooLarge past that many bytes of results, before reading more."""

    @abstractmethod
    def dump(self, media_type: str, graph: NamedNode | None = None) -> bytes:
        """All quads (N-Quads, TriG), or one graph's triples (Turtle, N-Triples...)."""

    def dump_to(self, output: BinaryIO, media_type: str, graph: NamedNode | None = None) -> None:
        """Write what dump() returns into a binary file object. Stores that can write as they read
        override it, so that a large dump never sits whole in memory (service.read.dumps streams it)."""
        output.write(self.dump(media_type, graph))

    def select_dataset(self, query: str) -> list[dict[str, Term]]:
        """A SELECT over the whole dataset, for counts and dumps (VoID, /healthz): graphs a server keeps
        for itself (Virtuoso's system graphs) are left out; the default is select()."""
        return self.select(query)

    def count_triples(self) -> int:
        rows = self.select_dataset("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"].value) if rows else 0

    def close(self) -> None:
        """Release the store; the default has nothing to release."""
        return None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def values_block(bindings: dict[str, Term]) -> str:
    """A VALUES block built from RDF term objects (their N-Triples form escapes every character)."""
    for term in bindings.values():
        if not isinstance(term, NamedNode | Literal):
            raise TypeError(f"a binding must be an RDF term, not {type(term).__name__}")
    names = " ".join("?" + name for name in bindings)
    row = " ".join(str(term) for term in bindings.values())
    return f"VALUES ({names}) {{ ({row}) }}"


def bind_values(query: str, bindings: dict[str, Term] | None) -> str:
    """The query with its parameters bound as a VALUES block at the start of its first WHERE group:
    what a remote store runs, and what an answer document shows as the query that ran."""
    if not bindings:
        return query
    match = _WHERE.search(query)
    if not match:
        raise ValueError("a template query needs a WHERE { ... } group to bind parameters in")
    return query[: match.end()] + "\n  " + values_block(bindings) + query[match.end():]
