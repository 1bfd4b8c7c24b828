"""The one catalogue of domain errors. Core code raises these; the web layer and the CLI render them.

Each error has a machine-readable `code` and the HTTP status it maps to, so the web layer needs no
table of its own.
"""
from __future__ import annotations


class KgqaError(Exception):
    code = "error"
    status = 500

    def __init__(self, message: str, *, details: dict | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or {}


class ConfigError(KgqaError):
    code, status = "bad_configuration", 500


class DocumentError(KgqaError):
    """A document that cannot be read or parsed; it is skipped, the rest is ingested."""

    code, status = "bad_document", 400


class NotFound(KgqaError):
    code, status = "not_found", 404


class BadRequest(KgqaError):
    code, status = "bad_request", 400


class QuestionTooLong(KgqaError):
    code, status = "question_too_long", 400


class UnsupportedQuestion(KgqaError):
    code, status = "unsupported_question", 422


class QuerySyntaxError(KgqaError):
    code, status = "malformed_query", 400


class QueryTooComplex(KgqaError):
    """A query nested deeper than the engine can parse safely."""

    code, status = "query_too_complex", 400


class UpdateRefused(KgqaError):
    code, status = "update_refused", 403


class ServiceRefused(KgqaError):
    code, status = "service_refused", 403


class QueryTimeout(KgqaError):
    code, status = "query_timeout", 504


class QueryOutOfMemory(KgqaError):
    """A query needed more memory than a query worker may use (QUERY_MAX_MEMORY)."""

    code, status = "query_out_of_memory", 422


class SparqlBusy(KgqaError):
    """Every /sparql query slot stayed busy for the whole time limit."""

    code, status = "sparql_busy", 503


class ResultTooLarge(KgqaError):
    code, status = "result_too_large", 413


class RequestTooLarge(KgqaError):
    code, status = "request_too_large", 413


class DocumentTooLarge(KgqaError):
    """An uploaded document over KGQA_MAX_DOCUMENT_BYTES (the others in the request are still ingested)."""

    code, status = "document_too_large", 413


class Unauthorized(KgqaError):
    """A writing request without a valid bearer token."""

    code, status = "unauthorized", 401


class WriteRefused(KgqaError):
    """A writing request the server takes from nobody like its sender (no KGQA_INGEST_TOKEN set)."""

    code, status = "write_refused", 403


class NotAcceptable(KgqaError):
    code, status = "not_acceptable", 406


class UnsupportedMediaType(KgqaError):
    code, status = "unsupported_media_type", 415


class StoreUnavailable(KgqaError):
    """The store cannot be reached or answered garbage (remote endpoint down, slow, broken)."""

    code, status = "store_unavailable", 503


class StoreLocked(KgqaError):
    code, status = "store_locked", 503


class NotReady(KgqaError):
    """Something slow to compute (the VoID description of a large graph) is being computed: retry."""

    code, status = "not_ready", 503
