"""The remote store: any SPARQL 1.1 Query + Update endpoint (Oxigraph server, Fuseki, QLever, Virtuoso,
GraphDB, Neptune), for graphs that outgrow one machine. The rest of kgqa cannot tell it from the
embedded store: results come back as the same pyoxigraph terms, and the same errors are raised.

- Answers are parsed by pyoxigraph, so garbage is caught by a real parser. Parameters travel as a
  VALUES block built from term objects (base.bind_values): a hostile literal cannot change the query.
- A document's graph is replaced by ONE idempotent request: a Graph Store Protocol PUT where the server
  offers one (graph_store; Virtuoso refuses big updates), else DROP SILENT GRAPH + INSERT DATA, one
  transaction on the servers in the README: readers never see half a document, and retrying after a
  connection error or a 5xx (bounded, with exponential backoff) is safe.
- Queries need the union of the named graphs as the default graph (as in the embedded store): checked
  on first use, with a ConfigError saying which switch to turn on (README: Remote stores).
- Virtuoso (told by its Server header) keeps its own system graphs in the union default graph: they
  are left out of every query kgqa sends without a dataset (its DEFINE input:*-graph-exclude pragmas),
  of counts, VoID and dumps, which so cover the documents' graphs only. Graphs are read by SELECT, as
  Virtuoso cuts answers at its ResultSetMaxRows silently for CONSTRUCT: a cut answer fails loudly.
- The wire (one bounded request, its failures as domain errors naming the endpoint) is protocol.py.
"""
from __future__ import annotations

import io
import time
from collections.abc import Iterable
from typing import BinaryIO

import pyoxigraph as ox
from pyoxigraph import BlankNode, NamedNode, Quad, QueryBoolean, Triple

from .. import formats
from ..errors import ConfigError, QuerySyntaxError, StoreUnavailable
from . import protocol, virtuoso
from .base import Store, Term, bind_values, parse_into

WRITE_ATTEMPTS = 4  # one try and three retries, after 0.5, 1 and 2 seconds
BACKOFF = 0.5
LOAD_CHUNK = 20_000  # quads per INSERT DATA when `load` splits a big file (only without blank nodes)
SELECT_JSON = formats.JSON
_GRAPH_ROWS = "SELECT ?s ?p ?o WHERE { GRAPH %s { ?s ?p ?o } }"
GRAPH_ACCEPT = f"{formats.NTRIPLES}, {formats.TURTLE};q=0.9"  # both parse as Turtle


class RemoteStore(Store):
    def __init__(self, query_endpoint: str, update_endpoint: str | None = None, *,
                 graph_store: str | None = None, auth: str | None = None, timeout: float = 15.0):
        """No request is made here: a server that is down when kgqa starts gets its clear error on the
        first query (and `kgqa serve` still starts, answering 503 until the endpoint is back)."""
        self.query_endpoint = query_endpoint
        self.update_endpoint = update_endpoint or query_endpoint
        self.graph_store = graph_store or None
        for url in (self.query_endpoint, self.update_endpoint, self.graph_store or "http://"):
            if not url.startswith(("http://", "https://")):
                raise ConfigError(f"the SPARQL endpoint {url!r} is not an http(s) URL")
        self.auth = auth
        self.timeout = float(timeout)
        self.description = f"remote store {query_endpoint}"
        self._union_checked = False
        self._virtuoso = False
        self._define = None  # what whole-dataset reads start with (on Virtuoso: its own graphs left out)

    # --- writing
    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        data = _triples(quads)
        if data and self.graph_store:
            body = (data + "\n").encode("utf-8")
            self._write(lambda: protocol.put_graph(self.graph_store, graph.value, body, auth=self.auth,
                                                   timeout=self.timeout))
            return
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

    def execute(self, query, media_type, *, default_graphs=None, named_graphs=None, max_bytes=0) -> bytes:
        """Forwards the protocol request (Accept, dataset) and checks the answer by parsing it. A server
        that cannot write `media_type` (406) is asked for SPARQL JSON or N-Triples instead, and
        pyoxigraph writes the requested type from that."""
        if not default_graphs and not named_graphs:
            self._check_union()
        dataset = {"default_graphs": default_graphs or (), "named_graphs": named_graphs or (),
                   "max_bytes": max_bytes}  # the answer is read no further than the byte bound
        is_graph = media_type in formats.RDF
        try:
            body, headers = self._request(query, media_type, **dataset)
        except protocol.NotAcceptable:
            return self._converted(query, media_type, dataset)
        content_type = headers.get("Content-Type", "")
        try:  # a real parser checks what we pass on; CSV has none (it loses term kinds): its type must do
            if media_type == formats.CSV:
                if content_type.split(";")[0].strip().lower() != media_type:
                    raise ValueError(f"{content_type or 'no content type'} where text/csv was asked for")
            elif is_graph:
                list(ox.parse(body, format=formats.RDF[media_type]))
            else:
                result = ox.parse_query_results(body, format=formats.RESULTS[media_type])
                if not isinstance(result, QueryBoolean):
                    list(result)
        except (SyntaxError, ValueError) as err:
            if media_type in (SELECT_JSON, formats.NTRIPLES, formats.TURTLE):
                raise self._garbage(body, err) from None
            # A format the server writes wrongly (Virtuoso's TSV is not SPARQL TSV): from JSON or N-Triples
            try:
                return self._converted(query, media_type, dataset)
            except StoreUnavailable:
                raise self._garbage(body, err) from None
        return body

    def _converted(self, query: str, media_type: str, dataset: dict) -> bytes:
        """The answer asked for as SPARQL JSON or N-Triples, and written as `media_type` by pyoxigraph."""
        is_graph = media_type in formats.RDF
        body, _ = self._request(query, GRAPH_ACCEPT if is_graph else SELECT_JSON, **dataset)
        try:
            if is_graph:
                triples = [q.triple for q in ox.parse(body, format=ox.RdfFormat.TURTLE)]
                return ox.serialize(triples, format=formats.RDF[media_type])
            results = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            return results.serialize(format=formats.RESULTS[media_type])
        except (SyntaxError, ValueError) as err:
            raise self._garbage(body, err) from None

    def select_dataset(self, query: str) -> list[dict[str, Term]]:
        """On Virtuoso, under its graph-exclude pragmas: right for kgqa's counts (GRAPH ?g, the union
        default graph); Virtuoso 7.2 miscounts a constant GRAPH <g> under them (tests/test_virtuoso_*)."""
        self._check_union()
        return self.select(self._define + query)

    def dump(self, media_type: str, graph: NamedNode | None = None) -> bytes:
        if graph is not None:
            self._check_union()
            return ox.serialize(self._graph(graph), format=formats.RDF[media_type])
        output = io.BytesIO()
        self.dump_to(output, media_type)
        return output.getvalue()

    def dump_to(self, output: BinaryIO, media_type: str, graph: NamedNode | None = None) -> None:
        """The dataset one named graph (one document) at a time, so memory holds one graph at most; then
        the default graph's own triples (those in no named graph: with the union default graph, SPARQL
        cannot see the others). Blank node labels are per graph."""
        fmt = formats.RDF[media_type]
        if graph is not None or not fmt.supports_datasets:
            output.write(self.dump(media_type, graph))  # one graph, or pyoxigraph's own ValueError
            return
        for row in self.select_dataset("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            quads = [Quad(t.subject, t.predicate, t.object, row["g"]) for t in self._graph(row["g"])]
            output.write(ox.serialize(quads, format=fmt))
        own = self._triples(self._define + "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o "
                            "FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
        output.write(ox.serialize([Quad(t.subject, t.predicate, t.object) for t in own], format=fmt))

    def _graph(self, graph: NamedNode) -> list[Triple]:
        """One graph's triples, read by SELECT: Virtuoso cuts a CONSTRUCT answer at its ResultSetMaxRows
        silently, a SELECT answer with a header, so a graph past that limit fails loudly (Truncated)
        rather than come back short. (Paging cannot help there: Virtuoso also refuses ORDER BY with
        OFFSET + LIMIT past MaxSortedTopRows, 10,000 by default.)"""
        return [Triple(r["s"], r["p"], r["o"]) for r in self._results(_GRAPH_ROWS % graph)]

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
            rows = [{n: row[n] for n in names if row[n] is not None} for row in result]
        except (SyntaxError, ValueError) as err:
            raise self._garbage(body, err) from None
        if self._virtuoso:
            rows = [{n: virtuoso.canonical(t) for n, t in row.items()} for row in rows]
        return rows

    def _triples(self, construct: str) -> list[Triple]:
        body, _ = self._request(construct, GRAPH_ACCEPT)
        try:
            triples = [q.triple for q in ox.parse(body, format=ox.RdfFormat.TURTLE)]
        except (SyntaxError, ValueError) as err:
            raise self._garbage(body, err) from None
        if self._virtuoso:
            triples = [Triple(t.subject, t.predicate, virtuoso.canonical(t.object)) for t in triples]
        return triples

    def _check_union(self) -> None:
        """Once per store (again after a failure, and while the named graphs are still empty)."""
        if self._union_checked:
            return
        self._union_checked = True  # the probes below go through _results, which must not re-enter
        try:
            if self._define is None:
                self._define = self._server_pragmas()
            self._union_checked = self._union_holds()
        except BaseException:
            self._union_checked = False
            raise

    def _server_pragmas(self) -> str:
        """What whole-dataset reads (counts, VoID, dumps) start with on this server: on Virtuoso, its
        system graphs left out of the default and named graphs; elsewhere nothing. Not on other queries:
        there Virtuoso 7.2 loses rows of a transitive path (kg:occasion*) under these pragmas, and
        its system graphs hold nothing in kgqa's vocabulary."""
        _, headers = self._request("ASK {}", SELECT_JSON)
        self._virtuoso = headers.get("Server", "").lower().startswith("virtuoso")
        if not self._virtuoso:
            return ""
        body, _ = self._request(virtuoso.SERVICE_GRAPHS, SELECT_JSON)
        try:
            found = [row["g"].value for row in ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)]
        except (SyntaxError, ValueError) as err:
            raise self._garbage(body, err) from None
        return virtuoso.pragmas(found)

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
        self._write(lambda: self._request(update, "*/*", update=True))

    def _write(self, send) -> None:
        """An idempotent write, retried on connection errors and 5xx with exponential backoff."""
        delay = BACKOFF
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                send()
                return
            except protocol.Transient:
                if attempt == WRITE_ATTEMPTS:
                    raise
                time.sleep(delay)
                delay *= 2

    def _request(self, text: str, accept: str, **kw):
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
