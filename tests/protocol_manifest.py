"""Reading the W3C SPARQL 1.1 Protocol test manifest (tests/data/sparql11-protocol/manifest.ttl):
its tests, the HTTP requests each makes, the responses it expects, and the graphs to load first."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import RDFS, Graph, Namespace
from rdflib.collection import Collection

HERE = Path(__file__).parent / "data" / "sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
BASE = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest#"


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # with the manifest's /sparql/ prefix
    headers: dict
    body: bytes | None
    statuses: frozenset  # status classes: "2xx", "3xx", "4xx"
    format: str | None  # "boolean", "tabular", "RDF"
    boolean: bool | None

    @property
    def is_update(self) -> bool:
        kind = {k.lower(): v for k, v in self.headers.items()}.get("content-type", "")
        return self.method == "POST" and (kind.startswith("application/sparql-update")
                                          or (self.body or b"").startswith(b"update="))


def _manifest() -> Graph:
    graph = Graph()
    graph.parse(HERE / "manifest.ttl", format="turtle", publicID=BASE)
    return graph


def tests() -> list[tuple[str, list[Request]]]:
    """Each test's name and its requests, in the manifest's order."""
    g = _manifest()
    manifest = next(g.subjects(predicate=MF.entries))
    out = []
    for test in Collection(g, g.value(manifest, MF.entries)):
        action = g.value(test, MF.action)
        requests = [_request(g, node) for node in Collection(g, g.value(action, HT.requests))]
        out.append((str(test).rsplit("#", 1)[-1], requests))
    return out


def _request(g: Graph, node) -> Request:
    headers = {}
    if g.value(node, HT.headers) is not None:
        for h in Collection(g, g.value(node, HT.headers)):
            headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
    body, content = None, g.value(node, HT.body)
    if content is not None:
        body = str(g.value(content, CNT.chars)).encode(str(g.value(content, CNT.characterEncoding) or "UTF-8"))
    resp = g.value(node, HT.resp)
    statuses = frozenset(str(s).rsplit("#", 1)[-1].replace("StatusCode", "")
                         for s in g.objects(resp, MF.expectedStatus))
    fmt, boolean = g.value(resp, MF.expectedFormat), g.value(resp, MF.expectedBoolean)
    return Request(str(g.value(node, HT.methodName)), str(g.value(node, HT.absolutePath)), headers, body,
                   statuses, str(fmt) if fmt is not None else None,
                   boolean.toPython() if boolean is not None else None)


def graphs_to_load() -> list[tuple[Path, str]]:
    """(file, graph IRI) of each graph the tests expect the endpoint to hold."""
    g = _manifest()
    found = {}
    for node in g.objects(None, UT.graphData):
        name = str(g.value(node, UT.graph)).rsplit("/", 1)[-1]
        found[name] = str(g.value(node, RDFS.label))
    return [(HERE / name, iri) for name, iri in sorted(found.items())]
