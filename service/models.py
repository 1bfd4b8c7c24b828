"""The spaCy loader, shared by ingest (parsing articles) and question parsing: one pipeline per name,
loaded once by its owner (the application object, or an ingest worker process) on first use."""
from __future__ import annotations

import gc
import threading

from .errors import ConfigError


class Models:
    """spaCy pipelines by name, each loaded once; a caller that comes while another loads it waits for
    that load rather than starting a second one."""

    def __init__(self, default: str):
        self.default = default
        self._lock = threading.Lock()
        self._loaded: dict[tuple[str, frozenset[str]], object] = {}

    def get(self, name: str | None = None, *, leave_out: frozenset[str] = frozenset()):
        """The pipeline `name` (the settings' SPACY_MODEL when None); ConfigError when not installed.
        leave_out: components the caller never runs, not loaded (the question parser runs no named
        entities: 15 MB less), unless the whole pipeline is loaded already (it is given then: one copy)."""
        name = name or self.default
        whole, key = (name, frozenset()), (name, frozenset(leave_out))
        with self._lock:
            if whole in self._loaded:
                return self._loaded[whole]
            if key not in self._loaded:
                self._loaded[key] = load(name, exclude=key[1])
                gc.freeze()  # the model lives as long as its owner: out of the cyclic collector's full passes
            return self._loaded[key]

    @property
    def loaded(self) -> bool:
        return bool(self._loaded)


def load(name: str, exclude: frozenset[str] = frozenset()):
    """A spaCy pipeline, freshly loaded, without the components in `exclude`."""
    import spacy

    from . import boundaries

    try:
        return boundaries.add_to(spacy.load(name, exclude=sorted(exclude)))
    except OSError as err:
        raise ConfigError(f"spaCy model {name!r} is not installed: {err}") from None
