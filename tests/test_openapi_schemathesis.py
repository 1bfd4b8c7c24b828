"""/openapi.json describes every route, and a live `kgqa serve` on a small throwaway store keeps to it:
schemathesis (about 50 generated requests per operation, loopback only, the writing routes with a bearer
token) finds no 500 and no status, media type or JSON body the description does not declare."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from service.store.embedded import EmbeddedStore
from service.web import create_app
from tests.support import BASE, DATA
from tests.support.serve import Serve

TOKEN = "test-ingest-token"
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
# Half of the generated path parameters are real names of the store (else nearly every request is a 404).
CONFIG = """
[dictionaries.documents]
values = ["geneva-a", "geneva-b"]
[dictionaries.entities]
values = ["actor-putin", "actor-biden", "actor-russia"]
[dictionaries.files]
values = ["kgqa.css", "sparql.js"]
[dictionaries.questions]
values = ["What did Putin rule out?", "When did Biden and Putin meet?", "Who is Lavrov?"]
[dictionaries.queries]
values = ["SELECT * WHERE { ?s ?p ?o } LIMIT 3", "ASK { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2"]
[parameters]
"path.doc_id" = { dictionary = "documents", probability = 0.5 }
"path.local" = { dictionary = "entities", probability = 0.5 }
"path.filename" = { dictionary = "files", probability = 0.5 }
"query.q" = { dictionary = "questions", probability = 0.5 }
"query.query" = { dictionary = "queries", probability = 0.5 }
"""


def test_openapi_describes_every_route(app):
    described = app.test_client().get("/openapi.json").get_json()["paths"]
    for rule in app.url_map.iter_rules():
        path = rule.rule.replace("<path:", "{").replace("<", "{").replace(">", "}")
        methods = {m.lower() for m in rule.methods - {"HEAD", "OPTIONS"}}
        assert path in described and methods <= set(described[path]), (path, methods)


@pytest.fixture
def served(tmp_path):
    folder = tmp_path / "store"
    with EmbeddedStore(str(folder)) as st:
        st.load((DATA / "graphs" / "qa-geneva.trig").read_bytes(), "application/trig")
    serving = Serve(folder, KGQA_INGEST_TOKEN=TOKEN, KGQA_BASE_IRI=BASE, KGQA_QUERY_TIMEOUT="5")
    yield serving.base
    serving.stop()


def test_openapi_schemathesis_finds_nothing_undeclared(served, tmp_path):
    st = Path(sys.executable).parent / "st"
    (tmp_path / "schemathesis.toml").write_text(CONFIG, encoding="utf-8")
    done = subprocess.run(
        [str(st if st.exists() else shutil.which("st")), "run", f"{served}/openapi.json", "--checks", CHECKS,
         "--max-examples", "50", "--seed", "1", "--workers", "2", "--generation-database", "none",
         "--header", f"Authorization: Bearer {TOKEN}", "--request-timeout", "30", "--no-color"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-6000:]


def test_openapi_served_as_json(tmp_path):
    st = EmbeddedStore(str(tmp_path / "store"))
    try:
        response = create_app({"STORE_OBJECT": st, "TESTING": True}).test_client().get("/openapi.json")
        assert response.status_code == 200 and response.get_json()["openapi"].startswith("3.1")
    finally:
        st.close()
