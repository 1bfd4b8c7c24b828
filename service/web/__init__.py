"""The web layer: the Flask app factory. Only this package and the CLI import flask."""
from __future__ import annotations

from flask import Flask

from .. import settings as settings_mod
from ..read.stats import StoreStats
from ..store import open_store


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app. `test_config` overrides settings (names of service.settings.SETTINGS) and
    Flask config; a ready store object can be passed as test_config["STORE_OBJECT"]."""
    app = Flask(__name__)
    config = settings_mod.load({k: v for k, v in (test_config or {}).items()})
    app.config.update(config)
    app.config["MAX_CONTENT_LENGTH"] = config["MAX_REQUEST_BYTES"]
    app.config["JSON_SORT_KEYS"] = False
    app.json.sort_keys = False
    store = (test_config or {}).get("STORE_OBJECT") or open_store(config)
    app.extensions["kgqa.store"] = store
    app.extensions["kgqa.stats"] = StoreStats(store)

    from . import ask, cors, dataset, entities, errors, health, ingest, negotiate, openapi, pages, sources, sparql

    errors.register(app)
    negotiate.register(app)
    for module in (health, sources, ask, sparql, entities, dataset, ingest, pages, cors, openapi):
        app.register_blueprint(module.bp)
    from .fastpath import SparqlFastPath

    app.wsgi_app = SparqlFastPath(app, app.wsgi_app)  # the common GET /sparql below Flask (fastpath.py)
    return app


def warm_up(app: Flask) -> None:
    """What a server starts computing as it starts: the counts /healthz reports. The question
    answerer's name index waits for the first question (ask.warm_for_questions)."""
    app.extensions["kgqa.stats"].warm()


def get_store():
    from flask import current_app

    return current_app.extensions["kgqa.store"]
