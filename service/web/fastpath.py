"""The common /sparql request answered below Flask: a GET with one `query` parameter and an Accept
header naming one offered result type exactly (what SPARQL clients and the bench send).

Flask's request context, routing, response object and after-request hooks cost a light lookup about
as much as its own parsing and bookkeeping do (docs/sparql-overhead.md). This WSGI layer runs the
same steps as the /sparql view (service/web/sparql.py: the same guard, `prepare`, runner, limits and
headers), and hands every other request to Flask untouched. The same request gets the same answer
either way (tests/test_sparql_fastpath.py compares them):
- anything it does not recognise (another method, path, parameter, Accept value, a body, a browser)
  goes to Flask before any work is done;
- a query the guard or negotiation refuses goes to Flask too (nothing has run yet), which refuses it
  again and renders the canonical error;
- an error while running (time limit, result size, busy, a worker's failure) is not run twice: Flask
  is called with the error in the WSGI environ, and the view raises it for the error handlers.
"""
from __future__ import annotations

from urllib.parse import parse_qsl

from ..errors import KgqaError
from ..sparql import query as core
from ..sparql.limits import Job

ERROR_KEY = "kgqa.sparql.error"  # environ key: an error the fast path met while running the query
CACHED_CHARS, CACHE_SIZE = 4096, 512  # jobs of request texts up to this long are remembered, this many
_ACCEPTED = frozenset(core.RESULT_TYPES + core.GRAPH_TYPES + list(core.ALIASES))


class _Decline(Exception):
    """The request is Flask's to answer (raised before anything has run)."""


class SparqlFastPath:
    """WSGI middleware in front of the Flask app's own wsgi_app."""

    def __init__(self, flask_app, wsgi_app):
        self.flask_app, self.wsgi_app = flask_app, wsgi_app
        self.config = flask_app.config
        self.kgqa = flask_app.extensions["kgqa"]
        self.answered = 0  # requests answered here (for tests)
        self.jobs: dict[tuple, Job] = {}  # checked jobs of recent request texts (clients repeat them)
        self._bases: dict[tuple, str] = {}  # request.base_url per scheme and host (at most 64 kept)

    def _prepare(self, environ) -> Job:
        """The request's job, as the view would prepare it; _Decline or the refusal when it is Flask's."""
        query = _only_query(environ.get("QUERY_STRING", ""))
        if query is None or len(query.encode("utf-8")) > self.kgqa.settings.max_request_bytes:
            raise _Decline
        accept = environ["HTTP_ACCEPT"]
        return core.prepare(query, lambda offered: _chosen(accept, offered), self.kgqa.settings,
                            base_iri=self._base_url(environ))

    def _base_url(self, environ) -> str:
        """request.base_url, as Flask builds it, remembered per scheme and host."""
        key = _host_key(environ)
        url = self._bases.get(key)
        if url is None:
            from werkzeug.sansio.utils import get_current_url
            from werkzeug.wsgi import get_host

            url = get_current_url(environ["wsgi.url_scheme"], get_host(environ), "", "/sparql")
            if len(self._bases) >= 64:
                self._bases.clear()
            self._bases[key] = url
        return url

    def __call__(self, environ, start_response):
        if (environ.get("PATH_INFO") != "/sparql" or environ.get("REQUEST_METHOD") != "GET"
                or environ.get("HTTP_ACCEPT") not in _ACCEPTED or environ.get("CONTENT_LENGTH", "") not in ("", "0")
                or environ.get("SCRIPT_NAME") or environ.get("HTTP_TRANSFER_ENCODING")):
            return self.wsgi_app(environ, start_response)
        runner = self.kgqa.open_runner
        if runner is None or self.config.get("SERVER_NAME") or self.config.get("TRUSTED_HOSTS") is not None:
            return self.wsgi_app(environ, start_response)  # the first query opens the runner; host checks are Flask's
        key = (environ.get("QUERY_STRING", ""), environ["HTTP_ACCEPT"], _host_key(environ))
        job = self.jobs.get(key)
        if job is None:
            try:
                job = self._prepare(environ)
            except (KgqaError, _Decline):
                return self.wsgi_app(environ, start_response)
            if len(key[0]) <= CACHED_CHARS:
                if len(self.jobs) >= CACHE_SIZE:
                    self.jobs.clear()
                self.jobs[key] = job
        try:
            data = runner.run(job)
        except Exception as err:  # noqa: BLE001 - rendered by Flask's error handlers, as the view's are
            environ[ERROR_KEY] = err
            return self.wsgi_app(environ, start_response)
        self.answered += 1
        start_response("200 OK", [
            ("Content-Type", content_type(job.media_type)), ("Content-Length", str(len(data))),
            ("Vary", "Accept"), ("Access-Control-Allow-Origin", "*")])
        return [data]


def content_type(media_type: str) -> str:
    """The Content-Type header of a result in `media_type` (text types in UTF-8), for both paths."""
    return media_type + ("; charset=utf-8" if media_type.startswith("text/") else "")


def _chosen(accept: str, offered: list[str]) -> str:
    if accept in offered:
        return accept
    raise _Decline  # negotiation's own answer (406, or a wildcard's choice) is Flask's


def _only_query(query_string: str) -> str | None:
    """The one `query` parameter, decoded as werkzeug decodes request.args; None for anything else
    (no query, several parameters, a dataset)."""
    if not query_string.startswith("query="):
        return None
    pairs = parse_qsl(query_string.encode("latin-1").decode(), keep_blank_values=True, errors="werkzeug.url_quote")
    if len(pairs) != 1 or pairs[0][0] != "query":
        return None
    return pairs[0][1]


def _host_key(environ) -> tuple:
    return (environ.get("wsgi.url_scheme"), environ.get("HTTP_HOST"), environ.get("SERVER_NAME"),
            environ.get("SERVER_PORT"))
