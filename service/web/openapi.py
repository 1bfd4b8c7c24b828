"""GET /openapi.json: the OpenAPI 3.1 description of every route, the designed refusals included
(each with the canonical error body). tests/test_openapi_schemathesis.py fuzzes a live server with it:
no 500, and no status, media type or body it does not declare."""
from __future__ import annotations

from flask import Blueprint, jsonify

from .. import formats
from ..read import dumps
from ..read.actors import KINDS
from ..sparql.query import GRAPH_TYPES, RESULT_TYPES

bp = Blueprint("openapi", __name__)

RDF = [formats.TURTLE, formats.NTRIPLES, formats.NQUADS, formats.TRIG, formats.JSONLD, formats.RDFXML]
TEXT = {"type": "string"}
JSON_LD = {"type": ["object", "array"]}
ERRORS = {  # status -> what it means on any route that declares it
    400: "Bad request: a missing, malformed or conflicting parameter, or a query the guard refuses",
    401: "No valid bearer token for a writing request",
    403: "Refused: SPARQL Update, SERVICE, or writes with no KGQA_INGEST_TOKEN set",
    404: "No such document, entity or file",
    406: "None of the accepted media types can be served; the body names those that can",
    413: "The request, an uploaded document or the result is larger than its limit",
    415: "A request body of a type the route does not read",
    422: "A question no template fits (with suggestions), or a query past the memory limit",
    503: "Not ready yet (the name index or VoID counts are being computed), the store is unavailable, "
         "or every SPARQL worker is busy; Retry-After says when to retry",
    504: "The SPARQL query ran past its time limit (KGQA_QUERY_TIMEOUT) and was stopped",
}


def _error(status: int, *, html: bool = False) -> dict:
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    if html:
        content["text/html"] = {"schema": TEXT}
    return {"description": ERRORS[status], "content": content}


def _ok(description: str, types: dict) -> dict:
    """A success answer in these media types (JSON-LD is JSON, whatever else a route writes as text)."""
    return {"description": description, "content": {
        t: {"schema": JSON_LD if t == formats.JSONLD else s} for t, s in types.items()}}


def _op(summary: str, ok: dict, errors: tuple[int, ...] = (), *, params: list | None = None,
        body: dict | None = None, html_errors: tuple[int, ...] = (), status: int = 200, secure: bool = False) -> dict:
    op = {"summary": summary, "responses": {str(status): ok}}
    for code in errors:
        op["responses"][str(code)] = _error(code, html=code in html_errors)
    if params:
        op["parameters"] = params
    if body:
        op["requestBody"] = body
    if secure:
        op["security"] = [{"bearer": []}]
    return op


def _query(name: str, description: str, schema: dict | None = None, *, required: bool = False) -> dict:
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": schema or TEXT}


def _path(name: str, description: str) -> dict:
    return {"name": name, "in": "path", "required": True, "description": description, "schema": TEXT}


def _format(*types: str) -> dict:
    """?format=, one of the names of these media types (service/read/dumps.py)."""
    names = [n for n, t in dumps.BY_NAME.items() if t in types]
    return _query("format", "The RDF format, instead of Accept", {"type": "string", "enum": names})


def _graphs(name: str) -> dict:
    return {**_query(name, "An IRI of the protocol dataset (repeatable)", {"type": "array", "items": TEXT}),
            "style": "form", "explode": True}


def document() -> dict:
    obj = {"type": "object"}
    sparql_ok = _ok("Results (SELECT, ASK) or a graph (CONSTRUCT, DESCRIBE) by Accept; with no query, the "
                    "service description, or the query page for a browser",
                    {t: TEXT for t in dict.fromkeys([*RESULT_TYPES, *GRAPH_TYPES, "application/json",
                                                     "application/xml", "text/xml", "text/plain",
                                                     "text/html"])}
                    | {formats.JSON: obj, "application/json": obj})
    sparql_errors = (400, 403, 406, 413, 415, 422, 503, 504)
    dataset = [_graphs("default-graph-uri"), _graphs("named-graph-uri")]
    doc_id = _path("doc_id", "A document's id")
    answer_ok = _ok("The answer document (JSON), or the answer page for a browser",
                    {"application/json": {"$ref": "#/components/schemas/Answer"}, "text/html": TEXT})
    health = {"type": "object", "required": ["status"],
              "properties": {"status": {"const": "ok"}, "sources": {"type": "integer"}, "triples": {"type": "integer"}}}
    paths = {
        "/healthz": {"get": _op("Liveness and what the store holds", _ok("Up", {"application/json": health}))},
        "/openapi.json": {"get": _op("This description", _ok("OpenAPI 3.1", {"application/json": obj}))},
        "/": {"get": _op("Home page: the question box, examples, the documents",
                         _ok("The page", {"text/html": TEXT}))},
        "/actors": {"get": _op("The actors of the graph, searchable: their page, or JSON for a program",
                               _ok("The actors", {"text/html": TEXT, "application/json": {
                                   "type": "object", "required": ["actors"],
                                   "properties": {"actors": {"type": "array", "items": obj}}}}),
                               (400,), params=[_query("q", "Part of a name", {"type": "string", "maxLength": 200}),
                                               _query("kind", "A kind of actor", {"enum": list(KINDS)}),
                                               _query("page", "Page number", {"type": "integer", "minimum": 1,
                                                                              "maximum": 200})])},
        "/ask": {
            "get": _op("Answer a question", answer_ok, (400, 422, 503), html_errors=(400, 422),
                       params=[_query("q", "The question", required=True)]),
            "post": _op("Answer a question", answer_ok, (400, 413, 415, 422, 503), body={"required": True, "content": {
                "application/json": {"schema": {"type": "object", "required": ["q"], "properties": {"q": TEXT}}},
                "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"q": TEXT}}}}}),
        },
        "/questions": {"get": _op("The question templates and example phrasings",
                                  _ok("The catalogue", {"application/json": obj}))},
        "/sparql": {
            "get": _op("SPARQL 1.1 Protocol query (read-only)", sparql_ok, sparql_errors,
                       params=[_query("query", "A SPARQL query"), *dataset]),
            "post": _op("SPARQL 1.1 Protocol query (read-only)", sparql_ok, sparql_errors, params=dataset,
                        body={"required": True, "content": {
                            "application/sparql-query": {"schema": TEXT},
                            "application/x-www-form-urlencoded": {"schema": {
                                "type": "object", "required": ["query"], "properties": {
                                    "query": TEXT, "default-graph-uri": {"type": "array", "items": TEXT},
                                    "named-graph-uri": {"type": "array", "items": TEXT}}}}}}),
        },
        "/sources": {
            "get": _op("The ingested documents' metadata", _ok("The documents", {
                "application/json": {"type": "object", "required": ["sources"],
                                     "properties": {"sources": {"type": "array", "items": obj}}},
                "text/html": TEXT}), (406,)),
            "post": _op("Ingest documents into the running server's store", _ok("What was ingested", {
                "application/json": {"$ref": "#/components/schemas/IngestReport"}}),
                (400, 401, 403, 413, 415, 503), secure=True, body={"required": True, "content": {
                    "application/json": {"schema": {"type": "object", "properties": {
                        "documents": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}},
                        "force": {"type": "boolean"}}}},
                    "multipart/form-data": {"schema": {"type": "object", "properties": {
                        "file": {"type": "string", "format": "binary"}}}}}}),
        },
        "/sources/{doc_id}": {
            "get": _op("One document: metadata (JSON), its exact text (text/plain), its page, or its graph",
                       _ok("The document", {"application/json": obj, "text/plain": TEXT, "text/html": TEXT,
                                            **{t: TEXT for t in RDF}}),
                       (400, 404, 406), params=[doc_id, _query("char", "A passage to mark: START,END")]),
            "delete": _op("Remove a document", _ok("Removed", {"application/json": {
                "type": "object", "required": ["deleted"], "properties": {"deleted": TEXT}}}),
                (401, 403, 404, 503), params=[doc_id], secure=True),
        },
        "/sources/{doc_id}/graph": {"get": _op(
            "A document's named graph", _ok("The graph", {t: TEXT for t in RDF}), (400, 404, 406),
            params=[doc_id, _format(*dumps.GRAPH_TYPES)])},
        "/entities/{local}": {"get": _op(
            "An actor, fact or occasion: its page, or its description as RDF",
            _ok("The entity", {"text/html": TEXT, "application/json": obj, **{t: TEXT for t in RDF}}),
            (400, 404, 406), params=[_path("local", "The entity's id"),
                                     _format(*dumps.BY_NAME.values())])},
        "/.well-known/void": {"get": _op(
            "The VoID description of the dataset", _ok("VoID", {t: TEXT for t in RDF}), (400, 406, 503),
            params=[_format(formats.TURTLE, formats.JSONLD, formats.NTRIPLES)])},
        "/dump": {"get": _op(
            "The whole dataset, every document's graph", _ok("The dump", {t: TEXT for t in RDF}), (400, 406, 503),
            params=[_format(*dumps.DATASET_TYPES)])},
        "/static/{filename}": {"get": {
            "summary": "The pages' style sheets and scripts",
            "parameters": [_path("filename", "A file name")],
            "responses": {"200": {"description": "The file", "content": {"*/*": {"schema": TEXT}}},
                          "404": _error(404)}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "kgqa", "version": "1",
                 "description": "Questions over news answered from a knowledge graph, each answer linked to the "
                                "characters of the article behind it; SPARQL 1.1 Protocol over the graph."},
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "The operator's KGQA_INGEST_TOKEN"}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                    "type": "object", "required": ["code", "message"],
                    "properties": {"code": TEXT, "message": TEXT}}}},
                "Answer": {"type": "object", "required": ["question", "answers"], "properties": {
                    "question": TEXT, "template": obj, "sparql": TEXT, "message": TEXT,
                    "answers": {"type": "array", "items": {"type": "object", "required": ["text", "provenance"]}}}},
                "Document": {"type": "object", "properties": {
                    "id": TEXT, "name": TEXT, "text": TEXT, "title": TEXT, "url": TEXT, "publisher": TEXT,
                    "author": TEXT, "published": TEXT}},
                "IngestReport": {"type": "object", "required": ["documents", "errors"], "properties": {
                    "documents": {"type": "integer"}, "skipped": {"type": "integer"},
                    "facts": {"type": "integer"}, "triples": {"type": "integer"},
                    "errors": {"type": "array", "items": obj}, "summary": TEXT}},
            },
        },
    }


@bp.get("/openapi.json")
def openapi():
    return jsonify(document())
