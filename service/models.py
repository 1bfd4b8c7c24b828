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
        self._loaded: dict[str, object] = {}

    def get(self, name: str | None = None):
        """The pipeline `name` (the settings' SPACY_MODEL when None); ConfigError when not installed."""
        name = name or self.default
        with self._lock:
            if name not in self._loaded:
                self._loaded[name] = load(name)
                gc.freeze()  # the model lives as long as its owner: out of the cyclic collector's full passes
            return self._loaded[name]

    @property
    def loaded(self) -> bool:
        return bool(self._loaded)


def load(name: str):
    """A spaCy pipeline, freshly loaded."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as err:
        raise ConfigError(f"spaCy model {name!r} is not installed: {err}") from None
