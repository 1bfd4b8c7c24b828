"""Shared fixtures: the real spaCy model, real on-disk Oxigraph stores, the Flask app and its client."""
from __future__ import annotations

from pathlib import Path

import pytest

from service.store.embedded import EmbeddedStore
from service.web import create_app

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
BASE = "http://kgqa.test/"


@pytest.fixture
def store(tmp_path):
    """An empty embedded store on disk."""
    st = EmbeddedStore(str(tmp_path / "store"))
    yield st
    st.close()


@pytest.fixture
def app(store):
    return create_app({"STORE_OBJECT": store, "BASE_IRI": BASE, "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
