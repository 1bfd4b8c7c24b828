"""Imported by the fork server that starts ingest workers (workers.py), once per process: builds the
pipeline of the default settings (spaCy model, lexicons, matchers), so that every worker forked from
it starts with them instead of building them again. A worker whose settings differ builds its own."""
from __future__ import annotations

import contextlib

from .. import settings
from ..errors import KgqaError
from . import pipeline

with contextlib.suppress(KgqaError):  # a worker reports the problem itself, naming it
    pipeline.warm(settings.load())
