"""The web layer: the Flask app factory. Only this package and the CLI import flask."""
from __future__ import annotations

from flask import Flask, current_app

from ..app import Kgqa
from ..settings import Settings


def create_app(test_config: dict | None = None, *, kgqa: Kgqa | None = None) -> Flask:
    """Build the app around an application object: `kgqa`, or one built from the environment's
    settings with `test_config` over them (names of service.settings.SETTINGS; other keys are Flask
    config; a ready store object can be passed as test_config["STORE_OBJECT"])."""
    test_config = dict(test_config or {})
    store = test_config.pop("STORE_OBJECT", None)
    if kgqa is None:
        kgqa = Kgqa(Settings.from_env(test_config), store=store)
    app = Flask(__name__)
    app.config.update({k: v for k, v in test_config.items() if k.upper() == k})
    init_app(app, kgqa)
    return app


def init_app(app: Flask, kgqa: Kgqa) -> None:
    """Wire an application object into a Flask app: its settings, error pages, content negotiation,
    every blueprint (listed here) and the SPARQL fast path."""
    app.config.update(kgqa.settings.as_config())
    app.config["MAX_CONTENT_LENGTH"] = kgqa.settings.max_request_bytes
    app.json.sort_keys = False
    app.extensions["kgqa"] = kgqa

    from . import ask, cors, dataset, entities, errors, health, ingest, negotiate, openapi, pages, sources, sparql

    errors.register(app)
    negotiate.register(app)
    for module in (health, sources, ask, sparql, entities, dataset, ingest, pages, cors, openapi):
        app.register_blueprint(module.bp)
    from .fastpath import SparqlFastPath

    app.wsgi_app = SparqlFastPath(app, app.wsgi_app)  # the common GET /sparql below Flask (fastpath.py)


def kgqa_of(app: Flask) -> Kgqa:
    """The application object a Flask app was built around."""
    return app.extensions["kgqa"]


def current() -> Kgqa:
    """The application object of the app handling the current request."""
    return current_app.extensions["kgqa"]


def get_store():
    return current().store
