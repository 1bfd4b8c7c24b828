"""GET /sources and /sources/<id>: the ingested documents, their metadata and their exact text."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, url_for
from markupsafe import Markup, escape

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
    passages = sorted({(s, e) for s, e, _ in core.passages(store, doc_id)})
    return render_template("source.html", meta=meta, fields=core.FIELDS, marked=marked(text, passages),
                           count=len(passages), root=url_for("sources.list_sources").rsplit("sources", 1)[0])


def marked(text: str, passages: list[tuple[int, int]]) -> Markup:
    """The text as HTML with evidence passages highlighted. Overlapping passages share one highlight,
    and every passage keeps its own anchor `char=S,E` (RFC 5147) at its start, so each answer's link
    lands exactly."""
    starts: dict[int, list[tuple[int, int]]] = {}
    for span in passages:
        starts.setdefault(span[0], []).append(span)
    out, pos = [], 0
    for start, end in merged(passages):
        out.append(escape(text[pos:start]))
        out.append(Markup("<mark>"))
        cuts = sorted({start, end, *[s for s in starts if start <= s < end]})
        for left, right in zip(cuts, cuts[1:], strict=False):
            for s, e in starts.get(left, []):
                out.append(Markup('<a class="passage" id="char={},{}"></a>').format(s, e))
            out.append(escape(text[left:right]))
        out.append(Markup("</mark>"))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping passages joined, so the text can be marked without nesting."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]
