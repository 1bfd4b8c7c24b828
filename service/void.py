"""The VoID description of the dataset (https://www.w3.org/TR/void/): how big it is, what it holds, and
where to query or download it.

Every number comes from a SPARQL aggregate through the store interface, so it is true of whatever store
serves the data (embedded or remote). The dataset is what queries see as their default graph, the
union of all graphs, counted as one RDF graph: a triple that two documents assert counts once. Each
named graph (one per ingested document) is a void:subset with its own counts and its own dump.
"""
from __future__ import annotations

import threading
import time

from pyoxigraph import Literal, NamedNode, Triple

from . import iris, sources
from .linked import curie
from .store.base import Store
from .vocab import DCT_NS, KG_NS, RDF_TYPE, XSD_INTEGER

VOID_NS = "http://rdfs.org/ns/void#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
# The formats /entities, /sources and /dump serve (W3C format IRIs, as void:feature expects).
FEATURES = ("Turtle", "JSON-LD", "N-Triples", "N-Quads", "TriG")

# All triples of the dataset, each once: the default graph is the union of all graphs on both stores
# (the remote store requires it), where a triple that two documents assert appears twice.
_ALL = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"

_TOTALS = f"""
SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects)
       (COUNT(DISTINCT ?p) AS ?properties) (COUNT(DISTINCT ?e) AS ?entities)
WHERE {{
  {{ {_ALL} }}
  BIND(IF(isIRI(?s) && STRSTARTS(STR(?s), %s), ?s, ?unbound) AS ?e)
}}"""

_CLASSES = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?entities) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class"""

_PROPERTIES = f"SELECT ?p (COUNT(*) AS ?triples) WHERE {{ {{ {_ALL} }} }} GROUP BY ?p ORDER BY ?p"

_GRAPHS = """
SELECT ?g (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects)
WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"""


def _void(name: str) -> NamedNode:
    return NamedNode(VOID_NS + name)


def _count(row: dict, name: str) -> Literal:
    return Literal(str(int(row[name].value)) if name in row else "0", datatype=XSD_INTEGER)


def dataset_iri(base_iri: str) -> NamedNode:
    return NamedNode(iris.base(base_iri) + ".well-known/void#dataset")


def describe_dataset(store: Store, base_iri: str) -> list[Triple]:
    """The VoID description as triples: totals, class and property partitions, one subset per graph."""
    root = iris.base(base_iri)
    dataset = dataset_iri(base_iri)
    space = root + "entities/"
    out: list[Triple] = []

    def say(subject, predicate, obj):
        out.append(Triple(subject, predicate if isinstance(predicate, NamedNode) else _void(predicate), obj))

    say(dataset, RDF_TYPE, _void("Dataset"))
    say(dataset, NamedNode(DCT_NS + "title"), Literal("kgqa: who said what in the news, grounded in the words"))
    say(dataset, "sparqlEndpoint", NamedNode(root + "sparql"))
    for fmt in ("nquads", "trig"):
        say(dataset, "dataDump", NamedNode(f"{root}dump?format={fmt}"))
    say(dataset, "uriSpace", Literal(space))
    say(dataset, "vocabulary", NamedNode(KG_NS.rstrip("#")))
    for feature in FEATURES:
        say(dataset, "feature", NamedNode(FORMATS_NS + feature))

    # The prefix is written in as a literal term (its N-Triples form escapes it): a bound variable
    # would have to be projected, and an aggregate query cannot project it.
    totals = store.select(_TOTALS % Literal(space))
    row = totals[0] if totals else {}
    for name, prop in (("triples", "triples"), ("entities", "entities"), ("subjects", "distinctSubjects"),
                       ("objects", "distinctObjects"), ("properties", "properties")):
        say(dataset, prop, _count(row, name))

    classes = store.select(_CLASSES)
    say(dataset, "classes", Literal(str(len(classes)), datatype=XSD_INTEGER))
    for c in classes:
        part = NamedNode(f"{root}.well-known/void#class-{iris.slug(curie(c['class'].value))}")
        say(dataset, "classPartition", part)
        say(part, "class", c["class"])
        say(part, "entities", _count(c, "entities"))
    for p in store.select(_PROPERTIES):
        part = NamedNode(f"{root}.well-known/void#property-{iris.slug(curie(p['p'].value))}")
        say(dataset, "propertyPartition", part)
        say(part, "property", p["p"])
        say(part, "triples", _count(p, "triples"))

    documents = {meta["iri"]: meta for meta in sources.list_sources(store)}
    for g in store.select(_GRAPHS):
        meta = documents.get(g["g"].value)
        subset = NamedNode(f"{root}.well-known/void#" + (f"source-{meta['id']}" if meta
                                                          else f"graph-{iris.digest(g['g'].value)}"))
        say(dataset, "subset", subset)
        say(subset, RDF_TYPE, _void("Dataset"))
        say(subset, NamedNode(DCT_NS + "source"), g["g"])
        if meta:
            if meta["title"]:
                say(subset, NamedNode(DCT_NS + "title"), Literal(meta["title"]))
            for fmt in ("nquads", "trig"):
                say(subset, "dataDump", NamedNode(f"{root}sources/{meta['id']}/graph?format={fmt}"))
        for name, prop in (("triples", "triples"), ("subjects", "distinctSubjects"), ("objects", "distinctObjects")):
            say(subset, prop, _count(g, name))
    return out


class Cache:
    """The last VoID description, reused for `max_age` seconds while the documents are unchanged.

    Its counts scan the whole graph (about 20 s at 2.5 M quads), while what changes it is an ingest,
    which changes a document's content hash or pipeline version: checking those is one cheap query.
    Data loaded without a document (`kgqa load`) is only seen once `max_age` has passed. One lock: a
    burst of requests computes the description once.
    """

    def __init__(self, max_age: float):
        self.max_age = max_age
        self.lock = threading.Lock()
        self.entry: tuple[object, float, list[Triple]] | None = None

    def get(self, store: Store, base_iri: str) -> list[Triple]:
        if self.max_age <= 0:
            return describe_dataset(store, base_iri)
        with self.lock:
            mark = (base_iri, sorted(sources.versions(store).items()))
            if self.entry and self.entry[0] == mark and time.monotonic() - self.entry[1] < self.max_age:
                return self.entry[2]
            triples = describe_dataset(store, base_iri)
            self.entry = (mark, time.monotonic(), triples)
            return triples
