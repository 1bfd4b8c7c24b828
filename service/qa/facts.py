"""A fact as the graph holds it: every property with the document graph that asserts it, the labels of
the actors it names, the occasions it reaches, and its evidence passages with their sources.

Keeping the asserting graph of each value is what lets an answer show conflicting reports (one
source says 90 minutes, another 94) side by side, each with its source.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pyoxigraph import DefaultGraph, NamedNode

from ..store.base import Store
from ..store.embedded import EmbeddedStore
from ..vocab import INDEX_PROPS, KG_NS, PREFIXES, RDF_NS

_PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
# Labels of the actors a fact names come from the name index (service/qa/linking.py), not from a join
# here: the union default graph repeats an actor's label once per document naming it.
# Left out: what an answer never reads from the record (its evidence and occasions come by the queries
# below; the types every fact or position has; the graph it was derived from; hedging, unless hedged;
# the holder index): 45% fewer rows. Its own occasion is read (not kept): only a fact with one can reach any.
_DETAILS = _PREFIX + """
SELECT ?kgqaRow ?g ?p ?o WHERE {
  GRAPH ?g { ?fact ?p ?o }
  FILTER((?p NOT IN (kg:evidence, prov:wasDerivedFrom, kg:hedged, """ + ", ".join(str(p) for p in INDEX_PROPS) + """)
          || ?p = kg:hedged && ?o = true)
         && (?p != rdf:type || ?o NOT IN (kg:Fact, kg:Position)))
}"""
_OCCASIONS = _PREFIX + """
SELECT DISTINCT ?kgqaRow ?o WHERE { ?fact kg:occasion ?via . ?via kg:occasion* ?o }"""
# where those occasions were held, asked apart: joined to the path above, a syndicated story's copies
# would repeat its rows once per pair of copies (tests/test_linking_syndicated.py)
_PLACES = _PREFIX + """
SELECT DISTINCT ?kgqaRow ?place WHERE { ?o kg:place ?place }"""
# the passages, then their documents' descriptions once per document (a join repeats them per passage
# and costs twice the two queries). A passage IRI is its document's with an RFC 5147 fragment
# (ontology/README.md: <B/sources/ID#char=S,E>), which says its offsets and document: only its anchor is
# read (_ANCHORED); the offsets are asked (_EVIDENCE) when a passage IRI has no such fragment.
_ANCHORED = _PREFIX + """
SELECT ?kgqaRow ?passage ?anchor WHERE {
  ?fact kg:evidence ?passage .
  OPTIONAL { ?passage nif:anchorOf ?anchor }
}"""
_SPAN = re.compile(r"(.+)#char=(\d+),(\d+)")
_EVIDENCE = _PREFIX + """
SELECT ?kgqaRow ?start ?end ?doc ?anchor WHERE {
  ?fact kg:evidence ?passage .
  ?passage nif:beginIndex ?start ; nif:endIndex ?end ; nif:referenceContext ?doc .
  OPTIONAL { ?passage nif:anchorOf ?anchor }
}"""
SOURCES = _PREFIX + """
SELECT ?doc ?id ?title ?url ?publisher ?published WHERE {
  ?doc dcterms:identifier ?id .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc schema:url ?url }
  OPTIONAL { ?doc schema:publisher ?publisher }
  OPTIONAL { ?doc schema:datePublished ?published }
}"""
_DESCRIBED = SOURCES.replace("SELECT ?doc ", "SELECT ?kgqaRow ")


@dataclass(frozen=True)
class Value:
    value: str  # lexical form, or IRI
    label: str | None  # rdfs:label of an IRI value
    graph: str  # the document graph asserting it
    is_iri: bool


@dataclass(frozen=True)
class Passage:
    source: dict  # id, iri, title, url, publisher, published
    start: int
    end: int
    # the passage's nif:anchorOf, its text exactly (ingestion writes text[start:end]): quotes need no
    # fetch of the whole document; None when the graph has none
    anchor: str | None = field(default=None, compare=False)


@dataclass
class FactRecord:
    iri: str
    props: dict[str, list[Value]] = field(default_factory=dict)  # local name -> values
    occasions: list[tuple[str, str]] = field(default_factory=list)  # (iri, label), nearest first
    settings: list[str] = field(default_factory=list)  # labels of the places its occasions were held in
    evidence: list[Passage] = field(default_factory=list)
    # the fact this one names by its kind ("accepted the proposal" -> the proposal: kg:respondsTo)
    referent: FactRecord | None = field(default=None, repr=False, compare=False)
    # values() per property, kept while that property's list is the same object of the same length
    # (lists only grow: load appends, merging reports extends): answering asks for them thousands of times
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def kinds(self) -> set[str]:
        return {v.value.rsplit("#", 1)[-1] for v in self.props.get("type", []) if v.value.startswith(KG_NS)}

    def kind(self) -> str:
        types = self.props.get("type", [])
        hit = self._memo.get("kind()")
        if hit is not None and hit[0] is types and hit[1] == len(types):
            return hit[2]
        specific = self.kinds - {"Fact", "Position"}
        kind = sorted(specific)[0] if specific else "Fact"
        self._memo["kind()"] = (types, len(types), kind)
        return kind

    def values(self, name: str) -> list[Value]:
        """Distinct values of a property (the same value asserted by several graphs once). The list is
        shared between calls: read it, do not change it."""
        vals = self.props.get(name, [])
        hit = self._memo.get(name)
        if hit is not None and hit[0] is vals and hit[1] == len(vals):
            return hit[2]
        seen, out = set(), []
        for v in vals:
            if v.value not in seen:
                seen.add(v.value)
                out.append(v)
        self._memo[name] = (vals, len(vals), out)
        return out

    def first(self, name: str) -> str | None:
        vals = self.values(name)
        return vals[0].value if vals else None

    def actors(self, name: str) -> list[dict]:
        return [{"iri": v.value, "label": v.label or v.value.rsplit("/", 1)[-1]} for v in self.values(name) if v.is_iri]

    def labels(self, name: str) -> list[str]:
        return [a["label"] for a in self.actors(name)]

    def confidence(self) -> float:
        """Combined over the sources: independent reports make a fact surer (1 - prod(1 - c))."""
        per_graph: dict[str, float] = {}
        for v in self.props.get("confidence", []):
            try:
                per_graph[v.graph] = max(per_graph.get(v.graph, 0.0), float(v.value))
            except ValueError:
                continue
        if not per_graph:
            return 0.5
        rest = 1.0
        for c in per_graph.values():
            rest *= 1.0 - min(max(c, 0.0), 1.0)
        return round(1.0 - rest, 3)

    def sources(self) -> set[str]:
        return {p.source["id"] for p in self.evidence}


CHUNK = 200  # facts per query


def values(iris: list[str], name: str = "fact") -> str:
    """A VALUES block of IRIs (facts, documents). They come from the store's own results, and each is
    written from a term object (its N-Triples form escapes every character), never from user text."""
    return f"VALUES ?{name} {{ " + " ".join(str(NamedNode(i)) for i in iris) + " }"


def batched(store: Store, query: str, iris: list[str], name: str = "fact", chunk: int = CHUNK,
            bindings: dict | None = None):
    """The rows of `query` for these IRIs bound to ?name, a chunk of them per query (and `bindings`,
    the query's other parameters, bound by the store)."""
    for n in range(0, len(iris), chunk):
        yield from store.select(query.replace("WHERE {", "WHERE {\n  " + values(iris[n:n + chunk], name), 1),
                                bindings)


def numbered(store: Store, query: str, iris: list[str], name: str = "fact", chunk: int = CHUNK):
    """(IRI, row) for the rows of `query` (distinct IRIs bound to ?name, a chunk per query), the query
    selecting ?kgqaRow, the IRI's number, instead of the IRI: a number is read from the store as it is,
    an IRI looked up in its string table on every row (a third of a fact's load at 1 M facts). A remote
    store selects the IRI itself (Virtuoso 7.2 fails with an internal error on a VALUES variable selected)."""
    if not isinstance(store, EmbeddedStore):
        for row in batched(store, query.replace("?kgqaRow", f"?{name}"), iris, name, chunk):
            yield row[name].value, row
        return
    for n in range(0, len(iris), chunk):
        block = " ".join(f"({NamedNode(iri)} {k})" for k, iri in enumerate(iris[n:n + chunk], n))
        values = f"VALUES (?{name} ?kgqaRow) {{ {block} }}"
        for row in store.select(query.replace("WHERE {", "WHERE {\n  " + values, 1)):
            yield iris[int(row["kgqaRow"].value)], row



_OCCASION = KG_NS + "occasion"


def _documents_only(store: Store) -> bool:
    """The embedded store's default graph is empty (every triple is in a named graph); a remote store: unknown."""
    if not isinstance(store, EmbeddedStore):
        return False
    return next(iter(store.ox.quads_for_pattern(None, None, None, DefaultGraph())), None) is None


def load(store: Store, iris: list[str], labels: Callable[[str], str | None], index=None,
         referents: bool = True, keep: Callable[[FactRecord], bool] | None = None) -> dict[str, FactRecord]:
    """The records of these facts, a few queries for all of them; `labels` names actors and occasions.
    `index`: the name index when it is of the store as it is now (linking.Index.of), which describes
    documents and knows the occasions that reach no other; the store is asked the rest. Unless
    `referents` is false, each record's referent (kg:respondsTo) is loaded too, one step deep.
    `keep`: a test of a record with its details, occasions and referent; a record failing it is left
    out before its passages and sources are read (widening.could_fit: one the question's filters drop)."""
    iris = list(dict.fromkeys(iris))
    out = {iri: FactRecord(iri) for iri in iris}
    # in one order on every store (engines return rows in their own index order): by graph, property, value
    # (each term read once: the sort key and the record use the same strings)
    rows = sorted((row["g"].value, row["p"].value, str(row["o"]), fact, row["o"])
                  for fact, row in numbered(store, _DETAILS, iris))
    names: dict[str, str] = {}
    at_one: dict[str, set[str]] = {}  # facts with an occasion of their own in a document's graph: its IRIs
    for graph, p, _, fact, obj in rows:
        if p == _OCCASION:
            at_one.setdefault(fact, set()).add(obj.value if isinstance(obj, NamedNode) else "")
            continue
        name = names.get(p)
        if name is None:
            name = names[p] = "type" if p == RDF_NS + "type" else p.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        is_iri = isinstance(obj, NamedNode)
        value = obj.value
        out[fact].props.setdefault(name, []).append(Value(value, labels(value) if is_iri else None, graph, is_iri))
    seen: set[tuple[str, str]] = set()
    # the occasions of those only (a look-up saved for each of the others), unless triples outside the documents'
    # graphs (a `kgqa load` into the default graph), which the details do not read, could give one
    documents_only = _documents_only(store)
    reaching = [iri for iri in iris if iri in at_one] if documents_only else iris
    held: dict[str, list[str]] = {}  # occasion -> the facts reaching it
    if index is not None and documents_only:  # one occasion that reaches no other: the path's only end
        alone = {iri: next(iter(at_one[iri])) for iri in reaching if len(at_one[iri]) == 1}
        alone = {iri: o for iri, o in alone.items() if index.reaches_none(o)}
        for iri, o in alone.items():
            held.setdefault(o, []).append(iri)
            if labels(o):
                out[iri].occasions.append((o, labels(o)))
        reaching = [iri for iri in reaching if iri not in alone]
    for fact, row in numbered(store, _OCCASIONS, reaching):
        held.setdefault(row["o"].value, []).append(fact)
        key = (fact, row["o"].value)
        label = labels(key[1])
        if key not in seen and label:
            seen.add(key)
            out[key[0]].occasions.append((key[1], label))
    for occasion, row in numbered(store, _PLACES, list(held), "o"):
        where = labels(row["place"].value)
        for fact in held[occasion]:  # "agreed ... in Doha": at talks held there
            if where and where not in out[fact].settings:
                out[fact].settings.append(where)
    named = {iri: rec.first("respondsTo") for iri, rec in out.items() if rec.values("respondsTo")}
    if referents and named:  # a few more queries, only where some fact names another
        records = load(store, sorted(set(named.values())), labels, index, referents=False)
        for iri, ref in named.items():
            out[iri].referent = records.get(ref)
    if keep is not None:
        iris = [iri for iri in iris if keep(out[iri])]
        out = {iri: out[iri] for iri in iris}
    passages = _passages(store, iris)
    described: dict[str, list[dict]] = {}  # document IRI -> its descriptions (one per identifier, title...)
    asked = []  # those the name index does not describe
    for doc in dict.fromkeys(doc for _, doc, _, _, _ in passages):
        known = index.documents.described(doc) if index is not None else None
        if known is None:
            asked.append(doc)
        else:
            described[doc] = known
    for doc, row in numbered(store, _DESCRIBED, asked, "doc"):
        described.setdefault(doc, []).append(
            {"id": row["id"].value, "iri": doc,
             **{n: row[n].value if n in row else None for n in ("title", "url", "publisher", "published")}})
    spans: set[tuple[str, str, int, int]] = set()
    for fact, doc, start, end, anchor in passages:
        for source in described.get(doc, ()):  # a passage of a document without identifier is not shown
            key = (fact, source["id"], start, end)
            if key in spans:
                continue
            spans.add(key)
            out[fact].evidence.append(Passage(dict(source), start, end, anchor))
    for rec in out.values():
        rec.evidence.sort(key=lambda p: (p.source["id"], p.start))
    return out


def _passages(store: Store, iris: list[str]) -> list[tuple[str, str, int, int, str | None]]:
    """(fact, document, start, end, anchor) of each passage of these facts, in the engine's order; the
    offsets and document from the passage's IRI (its RFC 5147 fragment), unless one has none."""
    out = []
    for fact, row in numbered(store, _ANCHORED, iris):
        span = _SPAN.fullmatch(row["passage"].value)
        if span is None:  # not minted as the ontology mints passages: every offset asked of the store
            return [(fact, row["doc"].value, int(row["start"].value), int(row["end"].value),
                     row["anchor"].value if "anchor" in row else None)
                    for fact, row in numbered(store, _EVIDENCE, iris)]
        out.append((fact, span[1], int(span[2]), int(span[3]), row["anchor"].value if "anchor" in row else None))
    return out
