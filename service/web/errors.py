"""One canonical JSON error body for every error: {"error": {"code": ..., "message": ...}}."""
from __future__ import annotations

import logging

from flask import Flask, Response, has_request_context, jsonify, request
from werkzeug.exceptions import HTTPException

from ..errors import KgqaError

log = logging.getLogger(__name__)


def error_response(status: int, code: str, message: str, **extra):
    if status != 406 and for_browser():  # a person following a link: the same error as a page (406 says
        # that no page is offered there: it keeps the JSON body naming what is)
        from flask import render_template

        try:
            page = render_template("error.html", status=status, code=code, message=message)
            return Response(page, status=status, content_type="text/html; charset=utf-8")
        except Exception:  # noqa: BLE001 - the page could not be drawn: the JSON body still tells
            log.exception("error page failed")
    body = {"error": {"code": code, "message": message, **extra}}
    response = jsonify(body)
    response.status_code = status
    return response


def for_browser() -> bool:
    """A GET whose Accept ranks text/html above JSON (a browser); any other client gets the JSON body."""
    if not has_request_context() or request.method != "GET" or not request.headers.get("Accept", "").strip():
        return False
    accept = request.accept_mimetypes
    return accept["text/html"] > accept["application/json"]


def register(app: Flask) -> None:
    @app.errorhandler(KgqaError)
    def domain_error(err: KgqaError):
        response = error_response(err.status, err.code, err.message, **err.details)
        if "retry_after" in err.details:
            response.headers["Retry-After"] = str(err.details["retry_after"])
        return response

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException):
        code = (err.name or "error").lower().replace(" ", "_")
        response = error_response(err.code or 500, code, err.description or err.name)
        if err.code == 405 and err.valid_methods:
            response.headers["Allow"] = ", ".join(err.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected(err: Exception):
        log.exception("unexpected error")
        return error_response(500, "internal_error", "An unexpected error occurred; it has been logged.")
