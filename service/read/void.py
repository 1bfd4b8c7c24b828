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
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Triple

from .. import iris
from ..errors import NotReady
from ..store.base import Store
from ..vocab import DCT_NS, KG_NS, RDF_TYPE, XSD_INTEGER, sparql_prefixes
from . import sources
from .linked import curie, serialize_triples

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
    totals = store.select_dataset(_TOTALS % Literal(space))
    row = totals[0] if totals else {}
    for name, prop in (("triples", "triples"), ("entities", "entities"), ("subjects", "distinctSubjects"),
                       ("objects", "distinctObjects"), ("properties", "properties")):
        say(dataset, prop, _count(row, name))

    classes = store.select_dataset(_CLASSES)
    say(dataset, "classes", Literal(str(len(classes)), datatype=XSD_INTEGER))
    for c in classes:
        part = NamedNode(f"{root}.well-known/void#class-{iris.slug(curie(c['class'].value))}")
        say(dataset, "classPartition", part)
        say(part, "class", c["class"])
        say(part, "entities", _count(c, "entities"))
    for p in store.select_dataset(_PROPERTIES):
        part = NamedNode(f"{root}.well-known/void#property-{iris.slug(curie(p['p'].value))}")
        say(dataset, "propertyPartition", part)
        say(part, "property", p["p"])
        say(part, "triples", _count(p, "triples"))

    documents = {meta["iri"]: meta for meta in sources.list_sources(store)}
    for g in store.select_dataset(_GRAPHS):
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


@dataclass
class _Entry:
    mark: object  # what the description was computed from (see Cache)
    triples: list[Triple]
    made: float = field(default_factory=time.monotonic)
    rendered: dict[str, bytes] = field(default_factory=dict)


class Cache:
    """The VoID description, computed in the background and reused for `max_age` seconds while the
    documents are unchanged.

    Its counts scan the whole graph (35 s at 2.5 M quads here), while what changes it is an ingest,
    which changes a document's content hash or pipeline version: checking those is one light query.
    (Data loaded without a document, `kgqa load`, is seen once `max_age` has passed.) A request waits
    at most `wait` seconds for a computation, then gets NotReady (503) while it goes on; requests that
    come meanwhile share it.
    """

    def __init__(self, max_age: float, wait: float):
        self.max_age, self.wait = max_age, wait
        self.lock = threading.Lock()
        self.entry: _Entry | None = None
        self.job: tuple[object, threading.Event, list] | None = None  # mark, done, [entry or error]

    def get(self, store: Store, base_iri: str, media_type: str) -> bytes:
        """The description serialized as `media_type` (one of linked.FORMATS' triple formats)."""
        mark = (base_iri, _documents(store))
        with self.lock:
            entry = self.entry
            fresh = entry and entry.mark == mark and time.monotonic() - entry.made < self.max_age
            if not fresh:
                if not self.job or self.job[0] != mark:
                    self.job = (mark, threading.Event(), [])
                    threading.Thread(target=self._compute, args=(store, base_iri, self.job), daemon=True,
                                     name="kgqa-void").start()
                job = self.job
        if not fresh:
            if not job[1].wait(self.wait):
                raise NotReady("The VoID description of this dataset is being computed (its counts scan "
                               "the whole graph); retry in a minute.", details={"retry_after": 60})
            if isinstance(job[2][0], Exception):
                raise job[2][0]
            entry = job[2][0]
        if media_type not in entry.rendered:
            entry.rendered[media_type] = serialize_triples(entry.triples, media_type, base_iri,
                                                           {"void": VOID_NS})
        return entry.rendered[media_type]

    def _compute(self, store: Store, base_iri: str, job) -> None:
        mark, done, out = job
        try:
            out.append(_Entry(mark, describe_dataset(store, base_iri)))
        except Exception as err:  # handed to the waiting requests, who raise it
            out.append(err)
        with self.lock:
            if isinstance(out[0], _Entry):
                self.entry = out[0]
            if self.job is job:
                self.job = None
        done.set()


_DOCUMENTS = sparql_prefixes("kg", "prov") + """SELECT ?d ?h ?v WHERE {
  ?d kg:contentHash ?h OPTIONAL { ?d prov:wasGeneratedBy/kg:pipelineVersion ?v } }"""


def _documents(store: Store) -> str:
    """A digest of every document's content hash and pipeline version: what an ingest changes."""
    rows = sorted(f"{r['d']} {r['h']} {r.get('v')}" for r in store.select(_DOCUMENTS))
    return iris.digest("\n".join(rows), 32)
