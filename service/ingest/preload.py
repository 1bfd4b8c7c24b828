"""Imported by the fork server that starts ingest workers (workers.py), once per process: builds the
extractor of the environment's settings (spaCy model, lexicons, matchers), so that every worker forked
from it starts with it instead of building it again. A worker whose settings differ builds its own."""
from __future__ import annotations

from ..errors import KgqaError
from ..settings import Settings
from .extractor import Extractor

EXTRACTOR: Extractor | None = None  # the fork server's one extractor, inherited by every worker it forks
try:
    EXTRACTOR = Extractor(Settings.from_env())
    EXTRACTOR.warm()
except KgqaError:  # a worker reports the problem itself, naming it
    EXTRACTOR = None
