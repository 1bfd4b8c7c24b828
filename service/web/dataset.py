"""The dataset as a whole: its VoID description (/.well-known/void) and its dumps (/dump for everything,
/sources/<id>/graph and /sources/<id> by Accept for one document's named graph)."""
from __future__ import annotations

from flask import Blueprint, Response, request

from .. import formats, iris
from ..errors import NotReady
from ..read import dumps
from ..read import sources as sources_core
from . import current, get_store
from .errors import error_response
from .negotiate import best

bp = Blueprint("dataset", __name__)

VOID_TYPES = [formats.TURTLE, formats.JSONLD, formats.NTRIPLES]


def choose(offered: list[str], default: str) -> str:
    """?format= when given (links and people without an Accept header), else the Accept header."""
    name = request.args.get("format")
    return dumps.media_type_named(name, offered) if name else best(offered, default=default)


def rdf_response(body, media_type: str, *, filename: str | None = None) -> Response:
    response = Response(body, content_type=f"{media_type}; charset=utf-8")
    response.vary.add("Accept")
    if filename:
        response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@bp.get("/.well-known/void")
def void_description():
    kind = choose(VOID_TYPES, formats.TURTLE)
    app = current()
    try:  # a request waits for the description no longer than a /sparql query may run (the cache's wait)
        return rdf_response(app.void.get(app.store, app.settings.base_iri, kind), kind)
    except NotReady as err:
        response = error_response(err.status, err.code, err.message, **err.details)
        response.headers["Retry-After"] = str(err.details["retry_after"])
        return response


@bp.get("/dump")
def dump():
    """Every quad of the store, streamed. The first chunk is read before the response starts, so
    that a store that fails at once still gets a proper JSON error."""
    kind = choose(dumps.DATASET_TYPES, formats.NQUADS)
    chunks = dumps.stream(get_store(), kind)
    first = next(chunks, b"")

    def body():
        yield first
        yield from chunks

    return rdf_response(body(), kind, filename=f"kgqa.{formats.extension(kind)}")


@bp.get("/sources/<doc_id>/graph")
def source_graph(doc_id: str):
    return graph_response(doc_id, choose(dumps.GRAPH_TYPES, formats.NQUADS))


def graph_response(doc_id: str, kind: str) -> Response:
    """One document's named graph as `kind`; also what /sources/<id> answers to an RDF Accept."""
    store = get_store()
    sources_core.metadata(store, doc_id)  # NotFound for an unknown id
    base = current().settings.base_iri
    body = dumps.graph(store, iris.document(base, doc_id), kind, base)
    return rdf_response(body, kind, filename=f"{doc_id}.{formats.extension(kind)}")
