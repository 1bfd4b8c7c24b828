"""CORS for reading: any web page may GET (or HEAD) anything this server serves, as with any open
linked-data server. Writing is not offered to other origins: POST /sources and DELETE /sources/<id>
(service/web/ingest.py) get no CORS headers, preflight or not, so no web page can write.

One after_app_request hook covers every route, error responses included. Preflight requests are the
OPTIONS requests Flask already answers for each route; the hook adds the CORS headers when the method
asked for is GET or HEAD.
"""
from __future__ import annotations

from flask import Blueprint, Response, request

bp = Blueprint("cors", __name__)

READ_METHODS = {"GET", "HEAD"}


@bp.after_app_request
def allow_reading(response: Response) -> Response:
    if request.method in READ_METHODS:
        response.headers["Access-Control-Allow-Origin"] = "*"
    elif request.method == "OPTIONS" and request.headers.get("Access-Control-Request-Method") in READ_METHODS:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        asked = request.headers.get("Access-Control-Request-Headers")
        if asked:  # no credentials are ever allowed, so the headers a reader sends are harmless
            response.headers["Access-Control-Allow-Headers"] = asked
        response.headers["Access-Control-Max-Age"] = "86400"
    return response
