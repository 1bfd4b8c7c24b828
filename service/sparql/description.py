"""The SPARQL 1.1 Service Description of /sparql (https://www.w3.org/TR/sparql11-service-description/):
what a client can learn before sending a query: the endpoint, the language, the result formats, the
features (the default graph is the union of all graphs) and the default dataset's named graphs."""
from __future__ import annotations

import pyoxigraph as ox
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from ..settings import Settings
from .limits import GRAPH_FORMATS

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCTERMS = "http://purl.org/dc/terms/"
MAX_GRAPHS = 1000  # a service description is not a catalogue: VoID and /sources list everything

RESULT_FORMAT_IRIS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                      "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML"]


def sd(name: str) -> NamedNode:
    return NamedNode(SD + name)


def triples(endpoint: str, named_graphs: list[str], settings: Settings) -> list[Triple]:
    """The description as triples. `endpoint` is the absolute URL of /sparql as the client sees it."""
    service, dataset, default = BlankNode(), BlankNode(), BlankNode()
    out = [
        Triple(service, RDF_TYPE, sd("Service")),
        Triple(service, sd("endpoint"), NamedNode(endpoint)),
        Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        Triple(service, sd("defaultEntailmentRegime"),
               NamedNode("http://www.w3.org/ns/entailment/Simple")),
        Triple(service, NamedNode(DCTERMS + "description"), Literal(
            "Read-only SPARQL 1.1 endpoint of kgqa: facts extracted from news, one named graph per "
            f"source document. Updates and SERVICE are refused; each query runs for at most "
            f"{settings.query_timeout:g} s and returns at most {settings.query_max_rows} rows or triples.")),
        Triple(service, sd("defaultDataset"), dataset),
        Triple(dataset, RDF_TYPE, sd("Dataset")),
        Triple(dataset, sd("defaultGraph"), default),
        Triple(default, RDF_TYPE, sd("Graph")),
        Triple(default, NamedNode(DCTERMS + "description"),
               Literal("The union of every named graph (with no dataset given in the request).")),
    ]
    out += [Triple(service, sd("resultFormat"), NamedNode(FORMATS + name)) for name in RESULT_FORMAT_IRIS]
    for name in named_graphs[:MAX_GRAPHS]:
        graph = BlankNode()
        out += [Triple(dataset, sd("namedGraph"), graph), Triple(graph, RDF_TYPE, sd("NamedGraph")),
                Triple(graph, sd("name"), NamedNode(name))]
    return out


def named_graphs(store) -> list[str]:
    rows = store.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} }} ORDER BY ?g LIMIT {MAX_GRAPHS}")
    return [row["g"].value for row in rows if "g" in row]


def describe(store, endpoint: str, media_type: str, settings: Settings) -> bytes:
    """The description serialized as one of the RDF media types of limits.GRAPH_FORMATS."""
    data = triples(endpoint, named_graphs(store), settings)
    return ox.serialize(data, format=GRAPH_FORMATS[media_type],
                        prefixes={"sd": SD, "formats": FORMATS, "dcterms": DCTERMS}
                        if GRAPH_FORMATS[media_type] in (ox.RdfFormat.TURTLE,) else None)
