"""GET /healthz: the service is up and what the store holds (counts cached: service/read/stats.py)."""
from __future__ import annotations

from flask import Blueprint, jsonify

from . import current

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok", **current().stats.counts()})
