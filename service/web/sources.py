"""GET /sources and /sources/<id>: the ingested documents, their metadata and their exact text.

The HTML page of a document marks its evidence passages, greys the scraped page furniture around the
article body, and, given `?char=S,E` (the answer page's links), marks that passage as the one cited
(aria-current) with the others dimmed, so the page works without script; its script only scrolls there
and shows the facts a passage supports when it is hovered or focused.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from flask import Blueprint, Response, jsonify, render_template, request
from markupsafe import Markup, escape

from ..ingest import clean
from ..read import browse, dumps
from ..read import sources as core
from . import current, get_store
from .dataset import graph_response
from .negotiate import best
from .pages import html, wants_html

bp = Blueprint("sources", __name__)
_CHAR = re.compile(r"^(\d{1,9}),(\d{1,9})$")


@bp.get("/sources")
def list_sources():
    listed = core.list_sources(get_store())
    if wants_html():
        docs, total = browse.documents(get_store(), limit=500)
        return html("sources.html", docs=docs, total=total)
    return jsonify({"sources": listed})


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
    cited, problem = cited_span(request.args.get("char"), len(text))
    rules = current().lexicons.view(clean.boilerplate)
    body = [(s.start, s.end) for s in clean.body_spans(text, meta.get("title"), rules)]
    facts = browse.passage_facts(store, doc_id)
    return Response(render_template("source.html", meta=meta, fields=core.FIELDS, count=len(passages),
                                    marked=marked(text, passages, cited=cited, body=body), cited=cited,
                                    problem=problem, facts=facts_json(facts), cited_facts=facts.get(cited, []),
                                    label=browse.fact_label),
                    content_type="text/html; charset=utf-8")


def cited_span(value: str | None, length: int) -> tuple[tuple[int, int] | None, str | None]:
    """`?char=S,E` as a span of the text, or why it is not one."""
    if not value:
        return None, None
    match = _CHAR.match(value)
    if not match:
        return None, f"char={value} is not a passage: give char=START,END (character offsets)."
    start, end = int(match.group(1)), int(match.group(2))
    if not start < end <= length:
        return None, f"char={value} is outside the text (0 to {length} characters)."
    return (start, end), None


def facts_json(facts: dict) -> dict:
    """passage 'S,E' -> the facts it supports, with the paths of their pages, for the page's script."""
    from .entities import href

    return {f"{s},{e}": [{"label": browse.fact_label(f), "href": href(f["iri"]),
                          "actors": [{"label": a["label"], "href": href(a["iri"])} for a in f["actors"]]}
                         for f in fs] for (s, e), fs in facts.items()}


def marked(text: str, passages: list[tuple[int, int]], *, cited: tuple[int, int] | None = None,
           body: list[tuple[int, int]] | None = None) -> Markup:
    """The text as HTML: evidence passages in <mark class="ev"> (overlapping ones share one, which lists
    them in data-spans), each passage with its own anchor `char=S,E` (RFC 5147) at its start so that
    every answer's link lands exactly; the cited span in one element with aria-current; text outside
    the article `body` spans (page furniture) in <span class="boiler">. Elements nest: cited, boiler, mark."""
    regions = merged(passages)
    starts: dict[int, list[tuple[int, int]]] = {}
    for span in passages:
        starts.setdefault(span[0], []).append(span)
    cuts = {0, len(text), *[p for span in passages for p in span], *[p for span in body or [] for p in span]}
    if cited:
        cuts |= set(cited)
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    region_starts = [s for s, _ in regions]
    inside: dict[int, list[tuple[int, int]]] = {}  # region -> the passages it joins
    for span in passages:
        inside.setdefault(bisect_right(region_starts, span[0]) - 1, []).append(span)
    out: list = []
    open_: list = [None, None, None]  # the open element per level: cited, boiler, evidence region

    body_spans = merged(body or [])
    body_starts = [s for s, _ in body_spans]

    def state(at: int) -> list:  # what covers the segment starting at `at` (bisect: many passages)
        n = bisect_right(region_starts, at) - 1
        region = n if n >= 0 and at < regions[n][1] else None
        k = bisect_right(body_starts, at) - 1
        in_body = body is None or (k >= 0 and at < body_spans[k][1])
        return [bool(cited and cited[0] <= at < cited[1]) or None, (not in_body) or None, region]

    def opening(level: int, value) -> Markup:
        if level == 0:
            return Markup('<span class="cited" id="cited" aria-current="true" tabindex="-1">')
        if level == 1:
            return Markup('<span class="boiler">')
        spans = " ".join(f"{s},{e}" for s, e in inside[value])
        return Markup('<mark class="ev" tabindex="0" data-spans="{}">').format(spans)

    closing = [Markup("</span>"), Markup("</span>"), Markup("</mark>")]
    for left, right in zip(cuts, cuts[1:], strict=False):
        want = state(left)
        first = next((n for n in range(3) if want[n] != open_[n]), 3)
        for level in range(2, first - 1, -1):
            if open_[level] is not None:
                out.append(closing[level])
                open_[level] = None
        for level in range(first, 3):
            if want[level] is not None:
                out.append(opening(level, want[level]))
                open_[level] = want[level]
        for s, e in starts.get(left, []):
            out.append(Markup('<a class="passage" id="char={},{}"></a>').format(s, e))
        out.append(escape(text[left:right]))
    for level in range(2, -1, -1):
        if open_[level] is not None:
            out.append(closing[level])
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
