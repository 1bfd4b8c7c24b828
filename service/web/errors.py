"""One canonical JSON error body for every error: {"error": {"code": ..., "message": ...}}."""
from __future__ import annotations

import logging

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from ..errors import KgqaError

log = logging.getLogger(__name__)


def error_response(status: int, code: str, message: str, **extra):
    body = {"error": {"code": code, "message": message, **extra}}
    response = jsonify(body)
    response.status_code = status
    return response


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
