"""A fact as the graph holds it: every property with the document graph that asserts it, the labels of
the actors it names, the occasions it reaches, and its evidence passages with their sources.

Keeping the asserting graph of each value is what lets an answer show conflicting reports (one
source says 90 minutes, another 94) side by side, each with its source.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from ..store.base import Store
from ..vocab import KG_NS, PREFIXES, RDF_NS

_PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
_DETAILS = _PREFIX + """
SELECT ?fact ?g ?p ?o ?label WHERE {
  GRAPH ?g { ?fact ?p ?o }
  OPTIONAL { ?o rdfs:label ?label }
}"""
_OCCASIONS = _PREFIX + """
SELECT ?fact ?o ?label WHERE { ?fact kg:occasion+ ?o . ?o rdfs:label ?label }"""
_EVIDENCE = _PREFIX + """
SELECT ?fact ?passage ?start ?end ?doc ?id ?title ?url ?publisher ?published WHERE {
  ?fact kg:evidence ?passage .
  ?passage nif:beginIndex ?start ; nif:endIndex ?end ; nif:referenceContext ?doc .
  ?doc dcterms:identifier ?id .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc schema:url ?url }
  OPTIONAL { ?doc schema:publisher ?publisher }
  OPTIONAL { ?doc schema:datePublished ?published }
}"""


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


@dataclass
class FactRecord:
    iri: str
    props: dict[str, list[Value]] = field(default_factory=dict)  # local name -> values
    occasions: list[tuple[str, str]] = field(default_factory=list)  # (iri, label), nearest first
    evidence: list[Passage] = field(default_factory=list)

    @property
    def kinds(self) -> set[str]:
        return {v.value.rsplit("#", 1)[-1] for v in self.props.get("type", []) if v.value.startswith(KG_NS)}

    def kind(self) -> str:
        specific = self.kinds - {"Fact", "Position"}
        return sorted(specific)[0] if specific else "Fact"

    def values(self, name: str) -> list[Value]:
        """Distinct values of a property (the same value asserted by several graphs once)."""
        seen, out = set(), []
        for v in self.props.get(name, []):
            if v.value not in seen:
                seen.add(v.value)
                out.append(v)
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


def load(store: Store, iris: list[str]) -> dict[str, FactRecord]:
    """The records of these facts (IRIs that come from the store, bound as terms)."""
    out: dict[str, FactRecord] = {}
    for iri in iris:
        if iri in out:
            continue
        rec = FactRecord(iri)
        term = {"fact": NamedNode(iri)}
        for row in store.select(_DETAILS, term):
            p = row["p"].value
            name = "type" if p == RDF_NS + "type" else p.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            obj = row["o"]
            rec.props.setdefault(name, []).append(Value(
                obj.value, row["label"].value if "label" in row else None, row["g"].value,
                isinstance(obj, NamedNode)))
        seen = set()
        for row in store.select(_OCCASIONS, term):
            if row["o"].value not in seen:
                seen.add(row["o"].value)
                rec.occasions.append((row["o"].value, row["label"].value))
        spans = set()
        for row in store.select(_EVIDENCE, term):
            key = (row["id"].value, int(row["start"].value), int(row["end"].value))
            if key in spans:
                continue
            spans.add(key)
            source = {"id": row["id"].value, "iri": row["doc"].value}
            for name in ("title", "url", "publisher", "published"):
                source[name] = row[name].value if name in row else None
            rec.evidence.append(Passage(source, key[1], key[2]))
        rec.evidence.sort(key=lambda p: (p.source["id"], p.start))
        out[iri] = rec
    return out
