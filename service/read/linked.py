"""Linked data: what the graph says about one IRI, and that description in the RDF formats.

An entity (actor, fact, occasion) is asserted by every document that reports it, each in its own named
graph. Its description has two parts:
- its own statements, complete: as quads in the document graphs that make them when the caller wants
  to know which document says what (N-Quads, TriG), else each triple once;
- bounded context, so that an actor a hundred thousand facts name is described about as fast as a
  minor one: the labels and kinds of what it links to, its evidence passages (in their document's
  graph) with the documents' titles, at most `limit` documents that state something about it, at most
  `limit` subjects that link to it with their labels and kinds, and counts of what links to it and of
  its mentions, capped at COUNT_CAP. Context from several graphs is given in the default graph.
Everything goes through the store interface (union default graph), so a remote store describes alike.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Triple

from .. import formats, iris
from ..errors import NotFound
from ..store.base import Store
from ..vocab import DCT_NS, KG_NS, NIF_NS, PREFIXES, RDF_TYPE, RDFS_LABEL, RDFS_NS, SKOS_NS, sparql_prefixes

_PREFIX = sparql_prefixes()
COUNT_CAP = 10_000  # counts above this are given as "at least COUNT_CAP": counting costs a full scan

# What is said about a neighbour (something the entity links to, or that links to it): enough to show
# and label it, not its whole description (that is one dereference away).
_SHOWN = ("rdf:type, rdfs:label, skos:prefLabel, kg:content, dcterms:title, dcterms:identifier, "
          "kg:holder, kg:participant")
# Who holds or takes part in a neighbouring fact, by name: what a person needs to tell a meeting from
# another. The actors are written in as IRI terms (their N-Triples form), never as raw text.
_WHO = "SELECT DISTINCT ?x ?v WHERE { VALUES ?x { %s } ?x rdfs:label ?v }"
_WHO_ROLES = {KG_NS + "holder", KG_NS + "participant"}

_OWN_QUADS = "SELECT ?this ?p ?o ?g WHERE { GRAPH ?g { ?this ?p ?o } }"
_OWN_TRIPLES = "SELECT DISTINCT ?this ?p ?o WHERE { ?this ?p ?o }"

# The queries below with a subquery omit the optional WHERE keyword of their outer group on purpose: a
# remote store binds ?this with a VALUES block in the first `WHERE {` (service.store.base.bind_values),
# which is then the subquery's, so the binding applies before the subquery's LIMIT.
_OUTGOING = _PREFIX + f"""
SELECT DISTINCT ?this ?x ?p ?v {{
  {{ SELECT DISTINCT ?this ?x WHERE {{ ?this ?q ?x FILTER(isIRI(?x) && ?q NOT IN (rdf:type, kg:evidence)) }}
    LIMIT %(limit)d }}
  ?x ?p ?v FILTER(?p IN ({_SHOWN}))
}}"""

_EVIDENCE = _PREFIX + """
SELECT DISTINCT ?this ?x ?p ?v ?g {
  { SELECT DISTINCT ?this ?x WHERE { ?this kg:evidence ?x } LIMIT %(limit)d }
  GRAPH ?g { ?x ?p ?v }
  FILTER(?p IN (rdf:type, nif:beginIndex, nif:endIndex, nif:anchorOf, nif:referenceContext))
}"""

_DOCUMENTS = _PREFIX + """
SELECT DISTINCT ?this ?x ?p ?v ?g {
  { SELECT DISTINCT ?this ?x WHERE { GRAPH ?x { ?this ?q ?o } } LIMIT %(limit)d }
  OPTIONAL { GRAPH ?g { ?x ?p ?v } FILTER(?p IN (rdf:type, dcterms:title, dcterms:identifier)) }
}"""

_INCOMING = _PREFIX + f"""
SELECT DISTINCT ?this ?x ?p ?v {{
  {{ SELECT DISTINCT ?this ?x WHERE {{ ?x ?q ?this FILTER(?q != itsrdf:taIdentRef) }} LIMIT %(limit)d }}
  {{ ?x ?p ?this BIND(?this AS ?v) FILTER(?p != itsrdf:taIdentRef) }} UNION {{ ?x ?p ?v FILTER(?p IN ({_SHOWN})) }}
}}"""

_COUNT = _PREFIX + """
SELECT ?this (COUNT(*) AS ?n) {
  { SELECT DISTINCT ?this ?x WHERE { ?x ?q ?this FILTER(?q %(op)s itsrdf:taIdentRef) } LIMIT %(cap)d }
} GROUP BY ?this"""


@dataclass
class Description:
    """The statements describing `iri`: quads, each in the document graph that makes it (context from
    several graphs in the default graph), or all in the default graph when not asked per graph."""

    iri: NamedNode
    quads: list[Quad]
    linked_from: int = 0  # distinct subjects linking to the entity, mentions aside (at most COUNT_CAP)
    mentions: int = 0  # passages that mention it, itsrdf:taIdentRef (at most COUNT_CAP)
    shown_from: int = 0  # how many of the linked_from subjects the description includes
    graphs: list[NamedNode] = field(default_factory=list)  # documents that state something about it

    def triples(self) -> list[Triple]:
        """The description as one graph: each triple once, however many documents assert it."""
        return sorted({Triple(q.subject, q.predicate, q.object) for q in self.quads}, key=_order)


def describe(store: Store, iri: NamedNode, *, per_graph: bool = False, limit: int = 200) -> Description:
    """What the graph says about `iri` (see the module docstring). NotFound when nothing does."""
    this = {"this": iri}
    quads: dict[Quad, None] = {}  # an ordered set

    def add(rows, subject_key: str | None, predicate_key: str, object_key: str):
        for row in rows:
            if predicate_key not in row:  # an OPTIONAL part that matched nothing
                continue
            subject = row[subject_key] if subject_key else iri
            quads[Quad(subject, row[predicate_key], row[object_key], row.get("g", DefaultGraph()))] = None

    add(store.select(_OWN_QUADS if per_graph else _OWN_TRIPLES, this), None, "p", "o")
    linked_from, mentions = (_count(store, iri, op) for op in ("!=", "="))
    if not quads and not linked_from and not mentions:
        raise NotFound(f"Nothing in the graph describes {iri.value}")
    sizes = {"limit": limit}
    add(store.select(_OUTGOING % sizes, this), "x", "p", "v")
    add(store.select(_EVIDENCE % sizes, this), "x", "p", "v")
    documents = store.select(_DOCUMENTS % sizes, this)
    add(documents, "x", "p", "v")
    incoming = store.select(_INCOMING % sizes, this)
    add(incoming, "x", "p", "v")
    labelled = {q.subject for q in quads if q.predicate == RDFS_LABEL}
    who = sorted({q.object for q in quads if q.predicate.value in _WHO_ROLES and q.subject != iri
                  and q.object not in labelled and isinstance(q.object, NamedNode)}, key=str)[:limit]
    if who:
        for row in store.select(_PREFIX + _WHO % " ".join(map(str, who))):
            quads[Quad(row["x"], RDFS_LABEL, row["v"], DefaultGraph())] = None
    shown = len({r["x"] for r in incoming})
    return Description(iri, list(quads), max(linked_from, shown), mentions, shown,
                       sorted({r["x"] for r in documents}, key=str))


def _count(store: Store, iri: NamedNode, op: str) -> int:
    rows = store.select(_COUNT % {"op": op, "cap": COUNT_CAP}, {"this": iri})
    return int(rows[0]["n"].value) if rows else 0


def _order(triple: Triple) -> tuple[str, str, str]:
    return str(triple.subject), str(triple.predicate), str(triple.object)


# --- serializing
FORMATS = {t: formats.RDF[t] for t in (formats.TURTLE, formats.JSONLD, formats.NTRIPLES, formats.NQUADS, formats.TRIG)}
DATASET_FORMATS = formats.DATASETS  # keep which document says what
JSONLD_COMPACT_MAX = 5_000


def prefixes(base_iri: str) -> dict[str, str]:
    """The vocabulary prefixes plus the minted ones, for readable Turtle, TriG and JSON-LD."""
    root = iris.base(base_iri)
    return {**PREFIXES, "entity": root + "entities/", "source": root + "sources/"}


def serialize(description: Description, media_type: str, base_iri: str) -> bytes:
    """The description in `media_type` (one of FORMATS): quads for dataset formats, triples else."""
    if media_type in DATASET_FORMATS:
        quads = sorted(description.quads, key=lambda q: (str(q.graph_name), *_order(Triple(*q.triple))))
        return ox.serialize(quads, format=FORMATS[media_type], prefixes=prefixes(base_iri))
    return serialize_triples(description.triples(), media_type, base_iri)


def serialize_triples(triples: list[Triple], media_type: str, base_iri: str,
                      extra_prefixes: dict[str, str] | None = None) -> bytes:
    """Triples as Turtle or N-Triples (pyoxigraph), or as JSON-LD compacted with the prefixes as its
    context (rdflib: pyoxigraph writes only expanded JSON-LD, which people cannot read) up to
    JSONLD_COMPACT_MAX triples; larger graphs (VoID of thousands of documents) are written expanded by
    pyoxigraph, equally valid, as rdflib compacts about 4,000 triples a second. Sorted, so that Turtle
    groups each subject's statements and the output is the same for the same data."""
    triples = sorted(triples, key=_order)
    names = {**prefixes(base_iri), **(extra_prefixes or {})}
    if media_type == formats.JSONLD and len(triples) <= JSONLD_COMPACT_MAX:
        import rdflib  # here: 17 MB of imports a server needs only for a compacted JSON-LD answer

        graph = rdflib.Graph()
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
        return graph.serialize(format="json-ld", context=names, auto_compact=True).encode()
    return ox.serialize(triples, format=FORMATS[media_type], prefixes=names)



# --- a summary for people (the HTML page), still as plain data: the web layer only adds links
_LABELS = (RDFS_NS + "label", SKOS_NS + "prefLabel", DCT_NS + "title")


def curie(iri: str) -> str:
    """'https://w3id.org/kgqa/ns#holder' -> 'kg:holder' (the IRI itself when no prefix fits)."""
    for name, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{name}:{iri[len(ns):]}"
    return iri


def summary(description: Description) -> dict:
    """The description as a page model: label and kinds, the entity's properties (each value a link
    with a label or a literal), its evidence quotes (not repeated among the properties), the documents
    that assert it, what links to it."""
    about: dict[str, dict[str, list]] = {}  # subject -> predicate -> values, every graph merged
    for t in description.triples():
        values = about.setdefault(t.subject.value, {}).setdefault(t.predicate.value, [])
        values.append(t.object)
    this = description.iri.value
    own = about.get(this, {})

    def label(iri: str) -> str:
        props = about.get(iri, {})
        for name in _LABELS:
            if props.get(name):
                return props[name][0].value
        kinds = [curie(k.value).split(":")[-1] for k in props.get(RDF_TYPE.value, ())
                 if k.value.startswith(KG_NS) and k.value not in _GENERIC]
        content = props.get(KG_NS + "content")
        names = [label(a.value) for role in sorted(_WHO_ROLES) for a in props.get(role, ())
                 if a.value != iri and about.get(a.value, {}).get(RDFS_NS + "label")]
        if names and not content:
            return f"{kinds[0] if kinds else 'Fact'}: {', '.join(sorted(set(names)))}"
        if content:
            return f"{kinds[0] if kinds else 'Fact'}: {content[0].value}"
        local = iri.rstrip("/").rsplit("/", 1)[-1]
        return f"{kinds[0]} ({local})" if kinds else local

    def value(term) -> dict:
        if isinstance(term, NamedNode):
            return {"iri": term.value, "label": label(term.value)}
        datatype = term.datatype.value if isinstance(term, Literal) and term.datatype else None
        return {"text": term.value, "datatype": curie(datatype) if datatype else None}

    properties = [{"name": curie(p), "iri": p, "values": [value(v) for v in vs]}
                  for p, vs in sorted(own.items()) if p not in (RDF_TYPE.value, KG_NS + "evidence")]
    evidence = []
    for passage in own.get(KG_NS + "evidence", ()):
        props = about.get(passage.value, {})
        doc = props.get(NIF_NS + "referenceContext", [None])[0]
        doc_props = about.get(doc.value, {}) if doc else {}
        evidence.append({
            "iri": passage.value, "quote": _first(props, NIF_NS + "anchorOf"),
            "start": _int(_first(props, NIF_NS + "beginIndex")), "end": _int(_first(props, NIF_NS + "endIndex")),
            "source": doc.value if doc else None, "source_id": _first(doc_props, DCT_NS + "identifier"),
            "source_title": _first(doc_props, DCT_NS + "title")})
    linked_from = []
    for subject, props in sorted(about.items()):
        via = [curie(p) for p, vs in props.items() if description.iri in vs]
        if subject != this and via:
            linked_from.append({"iri": subject, "label": label(subject), "via": via,
                                "kinds": [curie(k.value) for k in props.get(RDF_TYPE.value, ())]})
    return {
        "iri": this, "label": label(this), "kinds": [curie(k.value) for k in own.get(RDF_TYPE.value, ())],
        "properties": properties, "evidence": sorted(evidence, key=lambda e: (e["source_id"] or "", e["start"] or 0)),
        "linked_from": linked_from, "linked_from_total": description.linked_from,
        "mentions": description.mentions, "count_cap": COUNT_CAP,
        "graphs": [{"iri": g.value, "title": label(g.value)} for g in description.graphs],
    }


_GENERIC = {KG_NS + "Fact", KG_NS + "Position", KG_NS + "Actor"}


def _first(props: dict, predicate: str) -> str | None:
    values = props.get(predicate)
    return values[0].value if values else None


def _int(text: str | None) -> int | None:
    return int(text) if text is not None else None
