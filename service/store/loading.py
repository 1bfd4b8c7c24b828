"""Loading RDF files as they are into a store (reference data, ontologies, the W3C tests' graphs)."""
from __future__ import annotations

from pathlib import Path

from pyoxigraph import NamedNode

from ..errors import DocumentError
from .base import Store

BY_SUFFIX = {
    ".ttl": "text/turtle", ".nt": "application/n-triples", ".nq": "application/n-quads",
    ".trig": "application/trig", ".rdf": "application/rdf+xml", ".owl": "application/rdf+xml",
    ".xml": "application/rdf+xml", ".jsonld": "application/ld+json", ".n3": "text/n3",
}


def media_type(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in BY_SUFFIX:
        raise DocumentError(f"{path}: unknown RDF format {suffix!r}; known: {', '.join(sorted(BY_SUFFIX))}")
    return BY_SUFFIX[suffix]


def load_files(store: Store, files, graph: str | None = None) -> int:
    """Load each file into `graph` (IRI) or the default graph; returns the triples loaded."""
    target = NamedNode(graph) if graph else None
    total = 0
    for path in files:
        kind = media_type(path)
        data = Path(path).read_bytes()
        try:
            total += store.load(data, kind, target)
        except (SyntaxError, ValueError) as err:
            raise DocumentError(f"{path}: not valid {kind}: {err}") from None
    return total
