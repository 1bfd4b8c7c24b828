"""GET /sources and /sources/<id>: the ingested documents, their metadata and their exact text."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, url_for

from .. import dumps
from .. import sources as core
from . import get_store
from .dataset import graph_response
from .negotiate import best

bp = Blueprint("sources", __name__)

@bp.get("/sources")
def list_sources():
    return jsonify({"sources": core.list_sources(get_store())})


@bp.get("/sources/<doc_id>")
def source(doc_id: str):
    store = get_store()
    kind = best(["application/json", "text/plain", "text/html", *dumps.GRAPH_TYPES], default="application/json")
    if kind in dumps.GRAPH_TYPES:  # the document's named graph (service/web/dataset.py)
        return graph_response(doc_id, kind)
    if kind == "text/plain":
        return Response(core.text(store, doc_id), mimetype="text/plain", content_type="text/plain; charset=utf-8")
    meta = core.metadata(store, doc_id)
    if kind == "application/json":
        return jsonify(meta)
    text = core.text(store, doc_id)
    spans = merged([(s, e) for s, e, _ in core.passages(store, doc_id)])
    return render_template("source.html", meta=meta, fields=core.FIELDS, parts=pieces(text, spans),
                                  count=len(spans), root=url_for("sources.list_sources").rsplit("sources", 1)[0])


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping passages joined, so the text can be marked without nesting."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def pieces(text: str, spans: list[tuple[int, int]]):
    pos = 0
    for start, end in spans:
        if start > pos:
            yield "text", pos, start, text[pos:start]
        yield "mark", start, end, text[start:end]
        pos = end
    if pos < len(text):
        yield "text", pos, len(text), text[pos:]
