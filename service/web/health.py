"""GET /healthz: the service is up and what the store holds."""
from __future__ import annotations

from flask import Blueprint, jsonify

from .. import sources as sources_core
from . import get_store

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    store = get_store()
    return jsonify({"status": "ok", "sources": sources_core.count(store), "triples": store.count_triples()})
