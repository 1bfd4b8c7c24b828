"""The remote store: any SPARQL 1.1 Query + Update endpoint (Oxigraph server, Fuseki, QLever, Virtuoso,
GraphDB, Neptune), for graphs that outgrow one machine. The rest of kgqa cannot tell it from the
embedded store: results come back as the same pyoxigraph terms, and the same errors are raised.

- Answers are parsed by pyoxigraph, so garbage is caught by a real parser. Parameters travel as a
  VALUES block built from term objects (base.bind_values): a hostile literal cannot change the query.
- A document's graph is replaced by ONE idempotent update request (DROP SILENT GRAPH + INSERT DATA),
  one transaction on the servers in the README: readers never see half a document, and retrying after
  a connection error or a 5xx (bounded, with exponential backoff) is safe.
- Queries need the union of the named graphs as the default graph (as in the embedded store): checked
  on first use, with a ConfigError saying which switch to turn on (README: Remote stores).
- The wire (one bounded request, its failures as domain errors naming the endpoint) is protocol.py.
"""
from __future__ import annotations

import io
import time
from collections.abc import Iterable
from typing import BinaryIO

import pyoxigraph as ox
from pyoxigraph import BlankNode, NamedNode, Quad, QueryBoolean, Triple

from ..errors import ConfigError, QuerySyntaxError, StoreUnavailable
from . import protocol
from .base import RDF_FORMATS, RESULT_FORMATS, Store, Term, bind_values, parse_into

WRITE_ATTEMPTS = 4  # one try and three retries, after 0.5, 1 and 2 seconds
BACKOFF = 0.5
LOAD_CHUNK = 20_000  # quads per INSERT DATA when `load` splits a big file (only without blank nodes)
SELECT_JSON = "application/sparql-results+json"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9"  # both parse as Turtle
_IN_GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH %s { ?s ?p ?o } }"


class RemoteStore(Store):
    def __init__(self, query_endpoint: str, update_endpoint: str | None = None, *,
                 auth: str | None = None, timeout: float = 15.0):
        """No request is made here: a server that is down when kgqa starts gets its clear error on the
        first query (and `kgqa serve` still starts, answering 503 until the endpoint is back)."""
        self.query_endpoint = query_endpoint
        self.update_endpoint = update_endpoint or query_endpoint
        for url in (self.query_endpoint, self.update_endpoint):
            if not url.startswith(("http://", "https://")):
                raise ConfigError(f"the SPARQL endpoint {url!r} is not an http(s) URL")
        self.auth = auth
        self.timeout = float(timeout)
        self.description = f"remote store {query_endpoint}"
        self._union_checked = False

    # --- writing
    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        data = _triples(quads)
        insert = f" ;\nINSERT DATA {{ GRAPH {graph} {{\n{data}\n}} }}" if data else ""
        self._update(f"DROP SILENT GRAPH {graph}{insert}")

    def remove_graph(self, graph: NamedNode) -> None:
        self._update(f"DROP SILENT GRAPH {graph}")

    def load(self, data: bytes, media_type: str, graph: NamedNode | None = None) -> int:
        """Parsed here (so bad RDF fails before anything is sent), then sent as INSERT DATA. Without blank
        nodes a big file goes in chunks of LOAD_CHUNK quads (each idempotent, so a retry is safe, but a
        failure midway leaves the first chunks loaded); with blank nodes it goes in one request, since
        a blank node label only means the same node within one request."""
        quads = parse_into(data, media_type, graph)
        has_blanks = any(isinstance(t, BlankNode) for q in quads for t in (q.subject, q.object))
        step = max(len(quads), 1) if has_blanks else LOAD_CHUNK
        for start in range(0, len(quads), step):
            self._update(_insert_data(quads[start:start + step]))
        return len(quads)

    # --- reading
    def select(self, query: str, bindings: dict[str, Term] | None = None) -> list[dict[str, Term]]:
        result = self._results(bind_values(query, bindings))
        if isinstance(result, QueryBoolean):
            raise QuerySyntaxError("expected a SELECT query")
        return result

    def ask(self, query: str, bindings: dict[str, Term] | None = None) -> bool:
        result = self._results(bind_values(query, bindings))
        if not isinstance(result, QueryBoolean):
            raise QuerySyntaxError("expected an ASK query")
        return bool(result)

    def construct(self, query: str, bindings: dict[str, Term] | None = None) -> list[Triple]:
        self._check_union()
        return self._triples(bind_values(query, bindings))

    def execute(self, query, media_type, *, default_graphs=None, named_graphs=None) -> bytes:
        """Forwards the protocol request (Accept, dataset) and checks the answer by parsing it. A server
        that cannot write `media_type` (406) is asked for SPARQL JSON or N-Triples instead, and
        pyoxigraph writes the requested type from that."""
        if not default_graphs and not named_graphs:
            self._check_union()
        dataset = {"default_graphs": default_graphs or (), "named_graphs": named_graphs or ()}
        is_graph = media_type in RDF_FORMATS
        try:
            body, content_type = self._request(query, media_type, **dataset)
        except protocol.NotAcceptable:
            body, content_type = self._request(query, GRAPH_ACCEPT if is_graph else SELECT_JSON, **dataset)
            try:
                if is_graph:
                    triples = [q.triple for q in ox.parse(body, format=ox.RdfFormat.TURTLE)]
                    return ox.serialize(triples, format=RDF_FORMATS[media_type])
                results = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
                return results.serialize(format=RESULT_FORMATS[media_type])
            except (SyntaxError, ValueError) as err:
                raise self._garbage(body, err) from None
        try:  # a real parser checks what we pass on; CSV has none (it loses term kinds): its type must do
            if media_type == "text/csv":
                if content_type.split(";")[0].strip().lower() != media_type:
                    raise ValueError(f"{content_type or 'no content type'} where text/csv was asked for")
            elif is_graph:
                list(ox.parse(body, format=RDF_FORMATS[media_type]))
            else:
                result = ox.parse_query_results(body, format=RESULT_FORMATS[media_type])
                if not isinstance(result, QueryBoolean):
                    list(result)
        except (SyntaxError, ValueError) as err:
            raise self._garbage(body, err) from None
        return body

    def dump(self, media_type: str, graph: NamedNode | None = None) -> bytes:
        if graph is not None:
            return ox.serialize(self._triples(_IN_GRAPH % graph), format=RDF_FORMATS[media_type])
        output = io.BytesIO()
        self.dump_to(output, media_type)
        return output.getvalue()

    def dump_to(self, output: BinaryIO, media_type: str, graph: NamedNode | None = None) -> None:
        """The dataset one named graph (one document) at a time, so memory holds one graph at most; then
        the default graph's own triples (those in no named graph: with the union default graph, SPARQL
        cannot see the others). Blank node labels are per graph."""
        fmt = RDF_FORMATS[media_type]
        if graph is not None or not fmt.supports_datasets:
            output.write(self.dump(media_type, graph))  # one graph, or pyoxigraph's own ValueError
            return
        for row in self._results("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"):
            quads = [Quad(t.subject, t.predicate, t.object, row["g"]) for t in self._triples(_IN_GRAPH % row["g"])]
            output.write(ox.serialize(quads, format=fmt))
        own = self._triples("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
        output.write(ox.serialize([Quad(t.subject, t.predicate, t.object) for t in own], format=fmt))

    # --- the protocol
    def _results(self, query: str) -> QueryBoolean | list[dict[str, Term]]:
        """A boolean, or rows of terms (read whole here: the parser is lazy, and garbage must fail now)."""
        self._check_union()
        body, _ = self._request(query, SELECT_JSON)
        try:
            result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            if isinstance(result, QueryBoolean):
                return result
            names = [v.value for v in result.variables]
            return [{n: row[n] for n in names if row[n] is not None} for row in result]
        except (SyntaxError, ValueError) as err:
            raise self._garbage(body, err) from None

    def _triples(self, construct: str) -> list[Triple]:
        body, _ = self._request(construct, GRAPH_ACCEPT)
        try:
            return [q.triple for q in ox.parse(body, format=ox.RdfFormat.TURTLE)]
        except (SyntaxError, ValueError) as err:
            raise self._garbage(body, err) from None

    def _check_union(self) -> None:
        """Once per store (again after a failure, and while the named graphs are still empty)."""
        if self._union_checked:
            return
        self._union_checked = True  # the probes below go through _results, which must not re-enter
        try:
            self._union_checked = self._union_holds()
        except BaseException:
            self._union_checked = False
            raise

    def _union_holds(self) -> bool:
        """A triple of a named graph must be seen in the default graph too: one query (one snapshot, so
        a concurrent ingest cannot fool it), cheap on any size of store. False while the named graphs
        are empty (nothing to try yet)."""
        rows = self._results("SELECT ?seen WHERE { { SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
                             "FILTER(!isBlank(?s) && !isBlank(?o)) } LIMIT 1 } BIND(EXISTS { ?s ?p ?o } AS ?seen) }")
        if isinstance(rows, QueryBoolean):
            raise self._garbage(b"a boolean", ValueError("a SELECT query got an ASK answer"))
        if not rows:
            return False
        if getattr(rows[0].get("seen"), "value", "") in ("true", "1"):
            return True
        raise ConfigError(
            f"the SPARQL endpoint {self.query_endpoint} does not use the union of its named graphs as the "
            "default graph, which kgqa's queries need: start Oxigraph with `oxigraph serve "
            "--union-default-graph`, set `tdb2:unionDefaultGraph true` in Fuseki (see the README, "
            "'Remote stores')")

    def _update(self, update: str) -> None:
        delay = BACKOFF
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                self._request(update, "*/*", update=True)
                return
            except protocol.Transient:
                if attempt == WRITE_ATTEMPTS:
                    raise
                time.sleep(delay)
                delay *= 2

    def _request(self, text: str, accept: str, **kw) -> tuple[bytes, str]:
        return protocol.request(self.query_endpoint, self.update_endpoint, text, accept, auth=self.auth,
                                timeout=self.timeout, **kw)

    def _garbage(self, body: bytes, err: Exception) -> StoreUnavailable:
        return StoreUnavailable(f"the SPARQL endpoint {self.query_endpoint} answered something that is not "
                                f"SPARQL results ({err}): {body[:80]!r}")


def _triples(quads: Iterable[Quad]) -> str:
    return "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


def _insert_data(quads: list[Quad]) -> str:
    """INSERT DATA from term objects, grouped by graph (the default graph's triples outside GRAPH)."""
    by_graph: dict[object, list[Quad]] = {}
    for quad in quads:
        by_graph.setdefault(quad.graph_name, []).append(quad)
    blocks = [_triples(qs) if isinstance(g, ox.DefaultGraph) else f"GRAPH {g} {{\n{_triples(qs)}\n}}"
              for g, qs in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"
