"""Loading RDF files as they are into a store (reference data, ontologies, the W3C tests' graphs)."""
from __future__ import annotations

from pathlib import Path

from pyoxigraph import NamedNode

from .. import formats
from ..errors import DocumentError
from .base import Store


def media_type(path: str) -> str:
    kind = formats.of_file(path)
    if kind is None:
        known = ", ".join(f".{e}" for e in sorted(formats.BY_EXTENSION))
        raise DocumentError(f"{path}: unknown RDF format {Path(path).suffix.lower()!r}; known: {known}")
    return kind


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
