"""GET /healthz: the service is up, what the store holds (counts cached: service/read/stats.py) and
whether the document word index is current (qa/docwords.py: "off", "current" or "catching up")."""
from __future__ import annotations

from flask import Blueprint, jsonify

from . import current

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    app = current()
    return jsonify({"status": "ok", **app.stats.counts(), "words_index": app.doc_words.state})
