"""One SPARQL 1.1 Protocol request through SPARQLWrapper: bounded in time, and every way it can fail
turned into a domain error that names the endpoint and says what went wrong (the remote store's wire).

Every wait is bounded: each socket wait (connect, first byte, each read) by `timeout`, and reading the
whole answer by a deadline of `timeout` from the start, so a silent or trickling endpoint cannot hang
kgqa; at worst a request takes about three times `timeout`.
"""
from __future__ import annotations

import ast
import http.client
import time
import urllib.error
import urllib.request
import warnings
from email.message import Message
from urllib.parse import quote, urlencode

from SPARQLWrapper import GET, POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
)

from .. import formats
from ..errors import QuerySyntaxError, ResultTooLarge, StoreUnavailable

LONG_QUERY = 2000  # URL-encoded bytes; longer queries go by POST (servers refuse URLs past 2-8 KB)


_UPDATE_HINT = (": is it the server's update URL, open to kgqa? Give that with --update-endpoint or "
                "KGQA_UPDATE_ENDPOINT (see the README, 'Remote stores')")


class Transient(StoreUnavailable):
    """Unreachable or 5xx: an idempotent write may be retried."""


class NotAcceptable(StoreUnavailable):
    """406: the server cannot write the media type asked for."""


class Truncated(StoreUnavailable):
    """The server cut the answer at its own row limit (Virtuoso's ResultSetMaxRows, told only by the
    X-SPARQL-MaxRows header): kgqa never passes such an answer on as if it were whole."""

    def __init__(self, message: str, max_rows: int):
        super().__init__(message)
        self.max_rows = max_rows


def request(query_endpoint: str, update_endpoint: str, text: str, accept: str, *, auth: str | None,
            timeout: float, update: bool = False, default_graphs=(), named_graphs=(),
            max_bytes: int = 0) -> tuple[bytes, Message]:
    """One protocol request; returns the answer's bytes and headers, or raises a domain error that
    names the endpoint and what went wrong (Truncated for an answer cut at the server's row limit;
    ResultTooLarge once more than `max_bytes` arrive, if given: the rest is never read)."""
    endpoint = update_endpoint if update else query_endpoint
    wrapper = SPARQLWrapper(query_endpoint, updateEndpoint=update_endpoint)
    wrapper.setOnlyConneg(True)  # no format=/output= parameters: protocol only
    with warnings.catch_warnings():  # SPARQLWrapper guesses the form by regex and warns on doubt
        warnings.simplefilter("ignore")
        wrapper.setQuery(text)
    wrapper.queryType = "INSERT" if update else "SELECT"  # the route is ours to say, not a guess's
    wrapper.setMethod(POST if update or len(quote(text)) > LONG_QUERY else GET)
    wrapper.setRequestMethod(URLENCODED)  # form-encoded POST carries the dataset parameters too
    wrapper.timeout = timeout  # seconds per socket wait (setTimeout would truncate to int)
    for uri in default_graphs:
        wrapper.addDefaultGraph(uri)
    for uri in named_graphs:
        wrapper.addNamedGraph(uri)
    wrapper.addCustomHttpHeader("Accept", accept)
    if auth:
        wrapper.addCustomHttpHeader("Authorization", auth)
    deadline = time.monotonic() + timeout
    try:
        response = wrapper.query().response
        chunks, size = [], 0
        while chunk := response.read(1 << 16):
            chunks.append(chunk)
            size += len(chunk)
            if max_bytes and size > max_bytes:
                response.close()
                raise ResultTooLarge(f"the result has more than {max_bytes} bytes, the result-size limit "
                                     "(QUERY_MAX_BYTES); add a LIMIT or narrow the query",
                                     details={"max_bytes": max_bytes})
            if time.monotonic() > deadline:
                raise TimeoutError("the answer took longer to arrive")
        headers = response.headers
    except QueryBadFormed as err:
        if update:
            raise StoreUnavailable(f"the SPARQL endpoint {endpoint} refused kgqa's update (400: "
                                   f"{_server_message(err)}){_UPDATE_HINT}; a server that refuses a whole "
                                   "document in one update (Virtuoso) takes it by its Graph Store Protocol URL, "
                                   "KGQA_GRAPH_STORE_ENDPOINT") from None
        raise QuerySyntaxError(f"the SPARQL endpoint {endpoint} refused the request as malformed: "
                               f"{_server_message(err)}") from None
    except Unauthorized:
        raise StoreUnavailable(f"the SPARQL endpoint {endpoint} refused kgqa's credentials (401): set "
                               "KGQA_ENDPOINT_AUTH to the Authorization header it expects") from None
    except EndPointNotFound:
        raise StoreUnavailable(f"the SPARQL endpoint {endpoint} answered 404 Not Found: is this the "
                               "URL of its SPARQL service?") from None
    except EndPointInternalError as err:
        raise Transient(f"the SPARQL endpoint {endpoint} failed (500): {_server_message(err)}") from None
    except urllib.error.HTTPError as err:
        message = f"the SPARQL endpoint {endpoint} answered {err.code} {err.reason}"
        if update and err.code in (403, 405, 415):
            message += _UPDATE_HINT
        kind = Transient if err.code >= 500 else NotAcceptable if err.code == 406 else StoreUnavailable
        raise kind(message) from None
    except (urllib.error.URLError, ConnectionError) as err:
        reason = getattr(err, "reason", err)
        if isinstance(reason, TimeoutError):
            raise _slow(endpoint, timeout) from None
        raise Transient(f"the SPARQL endpoint {endpoint} cannot be reached: {reason}") from None
    except TimeoutError:
        raise _slow(endpoint, timeout) from None
    except (http.client.HTTPException, OSError, SPARQLWrapperException) as err:
        raise StoreUnavailable(f"the SPARQL endpoint {endpoint} gave a broken answer: "
                               f"{type(err).__name__} {str(err)[:80]!r}") from None
    cut = headers.get("X-SPARQL-MaxRows")
    if cut and not update:
        raise Truncated(f"the SPARQL endpoint {endpoint} cut the answer at its row limit of {cut} rows "
                        "(Virtuoso: ResultSetMaxRows in virtuoso.ini's [SPARQL] section; raise it above "
                        "KGQA_QUERY_MAX_ROWS)", int(cut) if cut.strip().isdigit() else 0)
    return b"".join(chunks), headers


def put_graph(endpoint: str, graph: str, body: bytes, *, auth: str | None, timeout: float) -> None:
    """One SPARQL 1.1 Graph Store Protocol PUT: `graph` replaced by `body` (N-Triples), bounded as
    request() is; failures as the same domain errors (Transient for unreachable or 5xx)."""
    target = f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode({'graph': graph})}"
    headers = {"Content-Type": formats.NTRIPLES, **({"Authorization": auth} if auth else {})}
    put = urllib.request.Request(target, data=body, headers=headers, method="PUT")
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(put, timeout=timeout) as response:
            while response.read(1 << 16):
                if time.monotonic() > deadline:
                    raise TimeoutError("the answer took longer to arrive")
    except urllib.error.HTTPError as err:
        said = err.read(300).decode("utf-8", "replace").strip() or err.reason
        message = f"the Graph Store endpoint {endpoint} answered {err.code} to kgqa's PUT: {said}"
        if err.code == 401:
            message += " (set KGQA_ENDPOINT_AUTH to the Authorization header it expects)"
        elif err.code in (403, 404, 405):
            message += (": is it the server's SPARQL 1.1 Graph Store Protocol URL, open to kgqa? "
                        "(KGQA_GRAPH_STORE_ENDPOINT; see the README, 'Remote stores')")
        raise (Transient if err.code >= 500 else StoreUnavailable)(message) from None
    except (urllib.error.URLError, ConnectionError) as err:
        reason = getattr(err, "reason", err)
        if isinstance(reason, TimeoutError):
            raise _slow(endpoint, timeout) from None
        raise Transient(f"the Graph Store endpoint {endpoint} cannot be reached: {reason}") from None
    except TimeoutError:
        raise _slow(endpoint, timeout) from None
    except (http.client.HTTPException, OSError) as err:
        raise StoreUnavailable(f"the Graph Store endpoint {endpoint} gave a broken answer: "
                               f"{type(err).__name__} {str(err)[:80]!r}") from None


def _slow(endpoint: str, timeout: float) -> StoreUnavailable:
    return StoreUnavailable(f"the SPARQL endpoint {endpoint} did not answer within {timeout:g} s "
                            "(KGQA_ENDPOINT_TIMEOUT)")


def _server_message(err: SPARQLWrapperException) -> str:
    """The server's own words, which SPARQLWrapper keeps only inside its message."""
    text = str(err).partition("Response:\n")[2]
    try:
        body = ast.literal_eval(text) if text else b""
    except (ValueError, SyntaxError):
        body = text.encode()
    return body.decode("utf-8", "replace").strip()[:300] or "no details given"
