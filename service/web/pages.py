"""Pages for people: `/` (the question box, example questions, the documents) and the HTML side of the
routes that answer JSON to programs (`wants_html` decides). Links are paths, never absolute IRIs."""
from __future__ import annotations

from flask import Blueprint, Response, g, render_template, request

from ..qa.templates import CATALOGUE
from ..read import browse
from . import get_store

bp = Blueprint("pages", __name__)


def wants_html() -> bool:
    """True when text/html is the best-ranked match of Accept, as a browser asks
    (text/html,…,*/*;q=0.8). `*/*` alone, JSON, or no Accept: False (programs keep JSON)."""
    g.kgqa_negotiated = True  # the response depends on Accept (Vary)
    if not request.headers.get("Accept", "").strip():
        return False
    accept = request.accept_mimetypes
    return accept["text/html"] > accept["application/json"]


def html(page: str, status: int = 200, **context) -> Response:
    return Response(render_template(page, **context), status=status, content_type="text/html; charset=utf-8")


@bp.get("/")
def home():
    store = get_store()
    docs, total = browse.documents(store)
    examples = browse.example_questions(browse.top_actors(store), CATALOGUE)
    return html("home.html", docs=docs, total=total, examples=examples)


@bp.app_template_filter("passage_href")
def passage_href(source_id: str, start: int, end: int) -> str:
    """The source page with the passage marked by the server (`?char=`) and scrolled to (`#char=`)."""
    from flask import url_for

    return url_for("sources.source", doc_id=source_id, char=f"{start},{end}") + f"#char={start},{end}"


@bp.get("/actors")
def actors():
    """The actors, searchable by name and kind, a page at a time: HTML for a browser, else JSON."""
    from flask import jsonify

    from ..errors import BadRequest
    from ..read import actors as core

    name, kind = request.args.get("q", ""), request.args.get("kind", "")
    if kind and kind not in core.KINDS:
        raise BadRequest(f"Unknown kind {kind!r}; kinds: {', '.join(core.KINDS)}.")
    try:
        page = int(request.args.get("page", "1"))
    except ValueError:
        raise BadRequest("page must be a whole number.") from None
    if len(name) > 200:
        raise BadRequest("The name searched for is longer than 200 characters.")
    found = core.search(get_store(), name, kind, page)
    if wants_html():
        return html("actors.html", found=found, name=name, kind=kind, kinds=core.KINDS)
    return jsonify(found)
