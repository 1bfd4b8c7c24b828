"""What the tests share beside their fixtures (tests/conftest.py): the project's test data folders and
base IRI, and the hand-made servers on loopback (servers.py, serve.py, virtuoso.py)."""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = DATA / "seeds"
BASE = "http://kgqa.test/"
