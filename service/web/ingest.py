"""POST /sources and DELETE /sources/<id>: live ingest into the store the server runs on.

Writing takes `Authorization: Bearer <token>`: the operator's KGQA_INGEST_TOKEN from any client, or the
per-run token of the server's run file (service/live.py) from loopback only; with no KGQA_INGEST_TOKEN,
other clients get 403. The body is JSON (`{"documents": [{...}], "force": false}`, each document the
sidecar's keys plus "text", and "id" or the "name" of its file; or one such object) or multipart files
(.txt with NAME.json sidecars, .html, .jsonl), read as `kgqa ingest` reads them. Each document is
bounded by KGQA_MAX_DOCUMENT_BYTES (413 naming it), the request by that plus KGQA_MAX_REQUEST_BYTES.
As with `kgqa ingest`, a bad document gets a one-line error naming it and the others are ingested;
the answer is then the error body of the first error, with every error and the summary beside it.
One write at a time; each document is written in its own transaction, so questions asked meanwhile
never see half a document, and the name index and counts follow the store's generation.
"""
from __future__ import annotations

import dataclasses
import ipaddress
import tempfile
from hmac import compare_digest
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Blueprint, jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

from .. import iris
from ..errors import (
    BadRequest,
    DocumentError,
    DocumentTooLarge,
    RequestTooLarge,
    Unauthorized,
    UnsupportedMediaType,
    WriteRefused,
)
from ..ingest import read
from ..read import sources as core
from . import current
from .errors import error_response

if TYPE_CHECKING:  # the pipeline imports spaCy (70 MB): only a server that ingests loads it
    from ..ingest import pipeline

bp = Blueprint("ingest", __name__)


@bp.errorhandler(Unauthorized)
def _unauthorized(err: Unauthorized):
    response = error_response(err.status, err.code, err.message)
    response.headers["WWW-Authenticate"] = 'Bearer realm="kgqa"'
    return response


@bp.post("/sources")
def add_sources():
    _authorize()
    from ..ingest.pipeline import IngestReport

    app = current()
    limit = app.settings.max_document_bytes
    request.max_content_length = limit + app.settings.max_request_bytes
    report = IngestReport()
    try:
        documents, force = _documents(report, limit)
    except RequestEntityTooLarge:
        raise RequestTooLarge(f"the request is larger than {request.max_content_length} bytes: one document of "
                              f"at most {limit} bytes (KGQA_MAX_DOCUMENT_BYTES) and a little more; send "
                              "the documents in several requests") from None
    with app.write_lock:  # no worker processes forked from a threaded server: processes=1
        app.ingest_documents(documents, processes=1, force=force, report=report, atomic=True)
        _settle(app.store, report.triples)
    summary = {"documents": report.documents, "skipped": report.skipped, "facts": report.facts,
               "triples": report.triples, "seconds": round(report.seconds, 3),
               "errors": [{"document": name, "message": message} for name, message in report.errors],
               "summary": report.summary()}
    if not report.errors:
        return jsonify(summary)
    too_large = [e for e in report.errors if e[1].startswith(_TOO_LARGE)]
    err = DocumentTooLarge if too_large else DocumentError
    first = too_large[0] if too_large else report.errors[0]
    return error_response(err.status, err.code, f"{first[0]}: {first[1]}",
                          errors=summary["errors"], report=summary)


@bp.delete("/sources/<doc_id>")
def delete_source(doc_id: str):
    _authorize()
    app = current()
    with app.write_lock:
        core.metadata(app.store, doc_id)  # 404 naming it when absent
        app.store.remove_graph(iris.document(app.settings.base_iri, doc_id))
        _settle(app.store, None)
    return jsonify({"deleted": doc_id})


def _settle(store, quads: int | None) -> None:
    """The embedded store's write buffers go to disk once enough live writes piled up (EmbeddedStore.settle),
    so a server taking documents for days keeps its memory bounded."""
    settle = getattr(store, "settle", None)
    if settle is not None:
        settle(quads)


def _authorize() -> None:
    token, run = current().settings.ingest_token, current().run_token
    local = run and _loopback(request.remote_addr)
    if not token and not local:
        raise WriteRefused("this server takes no writes from other machines: its operator has set no "
                           "KGQA_INGEST_TOKEN")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise Unauthorized("writing takes an Authorization: Bearer header with the operator's KGQA_INGEST_TOKEN")
    given = given.strip()
    if not ((token and compare_digest(given, token)) or (local and compare_digest(given, run))):
        raise Unauthorized("the bearer token is not valid for writing to this server")


def _loopback(address: str | None) -> bool:
    try:
        return ipaddress.ip_address((address or "").split("%")[0]).is_loopback
    except ValueError:
        return False


_TOO_LARGE = "the document is"


def _documents(report: pipeline.IngestReport, limit: int) -> tuple[list, bool]:
    """The documents of the request (bad ones recorded in `report`) and whether to force re-extraction."""
    force = request.args.get("force", "").lower() in ("1", "true", "yes")
    kind = request.mimetype
    if kind == "application/json":
        body = request.get_json(silent=True)
        if body is None:
            raise BadRequest("the request body is not valid JSON")
        if isinstance(body, dict) and "documents" in body:
            records, force = body["documents"], force or body.get("force") is True
        else:
            records = [body]
        if not isinstance(records, list) or not records:
            raise BadRequest("\"documents\" must be a non-empty list of documents")
        found = []
        for number, record in enumerate(records, start=1):
            try:
                found.append(read.from_record(record, f"document {number}"))
            except DocumentError as err:
                report.fail(err.message)
        return _distinct(_bounded(found, report, limit), report), force
    if kind == "multipart/form-data":
        return _distinct(_bounded(_files(report), report, limit), report), force or \
            request.form.get("force", "").lower() in ("1", "true", "yes")
    raise UnsupportedMediaType("send documents as application/json ({\"documents\": [...]}) or as "
                               "multipart/form-data files (.txt with .json sidecars, .html, .jsonl)")


def _files(report: pipeline.IngestReport) -> list:
    """The uploaded files, read as `kgqa ingest` reads a folder; messages name the uploaded file names."""
    uploads = [f for _, f in request.files.items(multi=True)]
    if not uploads:
        raise BadRequest("no files in the multipart body")
    found = []
    with tempfile.TemporaryDirectory(prefix="kgqa-upload-") as folder:
        names: set[str] = set()
        for upload in uploads:
            name = Path((upload.filename or "").replace("\\", "/")).name
            if not name or name.startswith(".") or name in names:
                report.fail(f"{upload.filename or '(unnamed)'}: each file needs a distinct name, not hidden")
                continue
            names.add(name)
            upload.save(Path(folder) / name)
        prefix = folder + "/"
        for path in read.find_files([folder]):
            try:
                for item in read.read_file(path):
                    if isinstance(item, DocumentError):
                        report.fail(item.message.replace(prefix, ""))
                    else:
                        found.append(dataclasses.replace(item, origin=(item.origin or "").replace(prefix, "")))
            except DocumentError as err:
                report.fail(err.message.replace(prefix, ""))
    return found


def _bounded(documents: list, report: pipeline.IngestReport, limit: int) -> list:
    kept = []
    for d in documents:
        size = len(d.text.encode("utf-8"))
        if size > limit:
            report.fail(f"{d.origin or d.id}: {_TOO_LARGE} {size} bytes, over KGQA_MAX_DOCUMENT_BYTES ({limit})")
        else:
            kept.append(d)
    return kept


def _distinct(documents: list, report: pipeline.IngestReport) -> list:
    seen: dict[str, object] = {}
    for d in documents:
        if d.id in seen:
            report.fail(f"{d.origin or d.id}: document id {d.id!r} already used by {seen[d.id].origin or d.id}")
        else:
            seen[d.id] = d
    return list(seen.values())
