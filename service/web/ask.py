"""GET/POST /ask (the answer document) and GET /questions (the template catalogue)."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from ..errors import BadRequest
from ..qa.answer import ask as answer
from ..qa.templates import CATALOGUE
from . import get_store

bp = Blueprint("ask", __name__)


@bp.route("/ask", methods=["GET", "POST"])
def ask():
    if request.method == "POST":
        body = request.get_json(silent=True)
        if body is None and request.form:
            body = request.form.to_dict()
        if not isinstance(body, dict):
            raise BadRequest('POST /ask takes a JSON object: {"q": "your question"}.')
        question = body.get("q")
    else:
        question = request.args.get("q")
    if question is not None and not isinstance(question, str):
        raise BadRequest("The question q must be a string.")
    document = answer(get_store(), question, current_app.config, link_root=request.host_url)
    return jsonify(document)


@bp.get("/questions")
def questions():
    return jsonify({"templates": [t.describe() for t in CATALOGUE]})
