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


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory):
    """An on-disk store with both seed articles ingested by the real pipeline. Read-only use: shared
    by the whole session (one process owns a store)."""
    from service import settings
    from service.ingest.pipeline import ingest_paths

    st = EmbeddedStore(str(tmp_path_factory.mktemp("seeded") / "store"))
    report = ingest_paths([str(SEEDS)], st, settings.load({"BASE_IRI": BASE}))
    assert not report.errors, report.errors
    yield st
    st.close()


@pytest.fixture(scope="session")
def seeded_app(seeded_store):
    return create_app({"STORE_OBJECT": seeded_store, "BASE_IRI": BASE, "TESTING": True})


@pytest.fixture
def seeded_client(seeded_app):
    return seeded_app.test_client()
