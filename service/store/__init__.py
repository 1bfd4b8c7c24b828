"""Stores: one interface (base.Store), two implementations (embedded Oxigraph, remote SPARQL endpoint)."""
from __future__ import annotations

from ..settings import Settings
from .base import Store


def open_store(settings: Settings, *, read_only: bool = False) -> Store:
    """The store the settings name: a remote endpoint when ENDPOINT is set, else the embedded store."""
    if settings.endpoint:
        from .remote import RemoteStore

        return RemoteStore(settings.endpoint, settings.update_endpoint or settings.endpoint,
                           graph_store=settings.graph_store_endpoint or None, auth=settings.endpoint_auth or None,
                           timeout=settings.endpoint_timeout)
    from .embedded import EmbeddedStore

    return EmbeddedStore(settings.store, read_only=read_only)


__all__ = ["Store", "open_store"]
