"""Stores: one interface (base.Store), two implementations (embedded Oxigraph, remote SPARQL endpoint)."""
from __future__ import annotations

from .base import Store


def open_store(settings: dict, *, read_only: bool = False) -> Store:
    """The store the settings name: a remote endpoint when ENDPOINT is set, else the embedded store."""
    if settings.get("ENDPOINT"):
        from .remote import RemoteStore

        return RemoteStore(
            settings["ENDPOINT"],
            settings.get("UPDATE_ENDPOINT") or settings["ENDPOINT"],
            graph_store=settings.get("GRAPH_STORE_ENDPOINT") or None,
            auth=settings.get("ENDPOINT_AUTH") or None,
            timeout=float(settings.get("ENDPOINT_TIMEOUT") or 15.0),
        )
    from .embedded import EmbeddedStore

    return EmbeddedStore(settings["STORE"], read_only=read_only)


__all__ = ["Store", "open_store"]
