"""GET and POST /sparql: the SPARQL 1.1 Protocol for queries, read-only.

- GET ?query=...; POST application/x-www-form-urlencoded (query=...); POST application/sparql-query
  (the body is the query, UTF-8). default-graph-uri / named-graph-uri from the URL or the form.
- Results by Accept (406 names what fits the query form); 415 for any other body; 400 for a
  malformed request (no query, two queries, not UTF-8, bad syntax); 403 for updates and SERVICE;
  413 for a body over MAX_REQUEST_BYTES; 504 at the time limit, 413 past the result-size limit.
- GET with no query: the service description (Turtle...), or the query page for a browser.
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, g, render_template, request, url_for

from .. import formats
from ..errors import BadRequest, RequestTooLarge, UnsupportedMediaType, UpdateRefused
from ..qa.templates import CATALOGUE
from ..sparql import description, examples
from ..sparql import query as core
from . import current, get_store
from .fastpath import ERROR_KEY, content_type
from .negotiate import best

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"


def runner():
    """The app's query runner (worker processes for an embedded store), made on first use."""
    return current().runner()


@bp.route("/sparql", methods=["GET", "POST"])
def sparql():
    failed = request.environ.pop(ERROR_KEY, None)
    if failed is not None:  # the fast path ran this query and met this error: rendered here, not run again
        raise failed
    query, default_graphs, named_graphs = read_request()
    if query is None or (request.method == "GET" and wants_page()):
        return service_page()
    settings = current().settings
    if len(query.encode("utf-8")) > settings.max_request_bytes:
        raise RequestTooLarge(f"the query is longer than {settings.max_request_bytes} bytes (MAX_REQUEST_BYTES)")
    job = core.prepare(query, negotiate, settings, default_graphs=default_graphs, named_graphs=named_graphs,
                       base_iri=endpoint_url())
    data = runner().run(job)
    return Response(data, content_type=content_type(job.media_type))  # Vary: Accept by negotiate's hook


def endpoint_url() -> str:
    """request.base_url (the base of relative IRIs in a query), remembered per scheme, host and path in
    the Flask app: building it costs a light query more than its guard does. At most 64 are kept (Host
    is the client's)."""
    _endpoints = current_app.extensions.setdefault("kgqa.endpoints", {})
    env = request.environ
    key = (env.get("wsgi.url_scheme"), env.get("HTTP_HOST"), env.get("SERVER_NAME"), env.get("SERVER_PORT"),
           env.get("SCRIPT_NAME"), env.get("PATH_INFO"))
    url = _endpoints.get(key)
    if url is None:
        url = request.base_url
        if len(_endpoints) >= 64:
            _endpoints.clear()
        _endpoints[key] = url
    return url


def negotiate(offered: list[str]) -> str:
    """Content negotiation, with a shortcut for the common case of an Accept header that names one
    offered type exactly (what best_match would pick, without parsing the header)."""
    accept = request.headers.get("Accept", "")
    if accept in offered:
        g.kgqa_negotiated = True
        return accept
    return best(offered)


def read_request() -> tuple[str | None, list[str] | None, list[str] | None]:
    """The query and the protocol dataset, from whichever of the three request kinds this is."""
    params = request.args
    limit = current().settings.max_request_bytes
    if (request.content_length or 0) > limit:
        raise RequestTooLarge(f"the request body is larger than {limit} bytes (MAX_REQUEST_BYTES)")
    if request.method == "POST":
        kind = request.mimetype
        if kind == FORM:
            params = request.form.copy()
            for key, values in request.args.lists():  # dataset parameters may also sit in the URL
                if key != "query":
                    params.setlist(key, request.form.getlist(key) + values)
            if "query" in request.args:
                raise BadRequest("two queries: 'query' is both in the URL and in the form body")
        elif kind == DIRECT:
            if "query" in request.args:
                raise BadRequest("two queries: a 'query' parameter and a query body")
            charset = request.mimetype_params.get("charset", "utf-8").lower()
            if charset not in ("utf-8", "utf8"):
                raise BadRequest(f"a query body must be UTF-8, not {charset}")
            try:
                body = request.get_data(cache=False).decode("utf-8")
            except UnicodeDecodeError:
                raise BadRequest("the query body is not valid UTF-8") from None
            return body, _graphs(params, "default-graph-uri"), _graphs(params, "named-graph-uri")
        elif kind == UPDATE:
            raise UpdateRefused("this endpoint is read-only: SPARQL Update requests are refused")
        else:
            raise UnsupportedMediaType(
                f"cannot read a request body of type {kind or '(none given)'}; send {DIRECT} or {FORM}",
                details={"acceptable": [DIRECT, FORM]})
    if "update" in params or "using-graph-uri" in params or "using-named-graph-uri" in params:
        raise UpdateRefused("this endpoint is read-only: SPARQL Update requests are refused")
    queries = params.getlist("query")
    if len(queries) > 1:
        raise BadRequest(f"{len(queries)} queries in one request; send exactly one 'query'")
    if not queries:
        if request.method == "POST":
            raise BadRequest("no query: send a 'query' form field")
        if "default-graph-uri" in params or "named-graph-uri" in params:
            raise BadRequest("a dataset but no query: send a 'query' parameter")
        return None, None, None
    return queries[0], _graphs(params, "default-graph-uri"), _graphs(params, "named-graph-uri")


def _graphs(params, name: str) -> list[str] | None:
    values = params.getlist(name)
    return values or None


def wants_page() -> bool:
    """A browser following a link to /sparql?query=...: the page, with the query in the editor."""
    return "text/html" in request.headers.get("Accept", "") and request.accept_mimetypes.best_match(
        [*core.RESULT_TYPES, *core.GRAPH_TYPES, "text/html"]) == "text/html"


def service_page():
    """No query: the query page for a person (HTML asked for by name), else the service description."""
    offered = [*core.GRAPH_TYPES, "text/html"]
    kind = "text/html" if wants_page() else best(offered, default=formats.TURTLE)  # */* alone: the description
    if kind == "text/html":
        html = render_template("sparql.html", examples=examples.catalog(CATALOGUE), endpoint=url_for("sparql.sparql"),
                               settings=current().settings)
        return Response(html, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})
    endpoint = request.base_url
    data = description.describe(get_store(), endpoint, kind, current().settings)
    return Response(data, content_type=content_type(kind), headers={"Vary": "Accept"})
