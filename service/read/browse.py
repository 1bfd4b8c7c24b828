"""What the pages for people show beside the answers: the documents with their fact counts, the actors
the graph names most (for example questions), and the facts each evidence passage of a document supports.

Every query here is bounded (a LIMIT, or VALUES over what is shown), so a page costs about the same on a
graph of a million facts as on two documents.
"""
from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from ..store.base import Store
from ..vocab import KG_NS, POSITION_KINDS, sparql_prefixes
from . import sources

_PREFIX = sparql_prefixes()
DOCUMENTS_SHOWN = 100  # documents listed on the home page at most
SAMPLE = 5000  # holder links sampled to find the actors named most

_FACT_COUNTS = _PREFIX + """
SELECT ?doc (COUNT(DISTINCT ?f) AS ?n) WHERE { VALUES ?doc { %s } GRAPH ?doc { ?f kg:evidence ?p } } GROUP BY ?doc"""

_TOP_HOLDERS = _PREFIX + """
SELECT ?a ?label ?kind (COUNT(?f) AS ?n) WHERE {
  { SELECT ?f ?a WHERE { ?f kg:holder ?a } LIMIT %d }
  ?a rdfs:label ?label ; a ?kind . FILTER(?kind IN (kg:Person, kg:Government, kg:Country, kg:Organization))
} GROUP BY ?a ?label ?kind ORDER BY DESC(?n) ?label LIMIT 24"""

_PASSAGE_FACTS = _PREFIX + """
SELECT DISTINCT ?id ?start ?end ?fact ?kind ?content ?title ?who ?whoLabel WHERE {
  ?doc dcterms:identifier ?id .
  ?passage nif:referenceContext ?doc ; nif:beginIndex ?start ; nif:endIndex ?end .
  ?fact kg:evidence ?passage ; a ?kind . FILTER(?kind NOT IN (kg:Fact, kg:Position))
  OPTIONAL { ?fact kg:content ?content }
  OPTIONAL { ?fact kg:title ?title }
  OPTIONAL { ?fact kg:holder|kg:participant ?who . ?who rdfs:label ?whoLabel }
} ORDER BY ?start ?end LIMIT %d"""


def documents(store: Store, limit: int = DOCUMENTS_SHOWN) -> tuple[list[dict], int]:
    """The newest `limit` documents (metadata plus `facts`, the facts they support) and how many there are."""
    listed = sources.list_sources(store)
    listed.sort(key=lambda m: (m.get("published") or "", m["id"]), reverse=True)
    shown = listed[:limit]
    counts: dict[str, int] = {}
    if shown:
        rows = store.select(_FACT_COUNTS % " ".join(str(NamedNode(m["iri"])) for m in shown))
        counts = {r["doc"].value: int(r["n"].value) for r in rows}
    for meta in shown:
        meta["facts"] = counts.get(meta["iri"], 0)
    return shown, len(listed)


def top_actors(store: Store, sample: int = SAMPLE) -> list[dict]:
    """Actors holding the most facts among the first `sample` holder links: {iri, label, kind, facts}."""
    out: dict[str, dict] = {}
    for row in store.select(_TOP_HOLDERS % sample):
        iri = row["a"].value
        if iri not in out:
            out[iri] = {"iri": iri, "label": row["label"].value, "kind": row["kind"].value[len(KG_NS):],
                        "facts": int(row["n"].value)}
    return list(out.values())


# Questions a person can ask about an actor: each phrasing is one the question parser reads (a test asks
# each of them for the actors of a real graph and expects no 422).
ACTOR_QUESTIONS = {
    "Person": ("What did {name} propose?", "Who met {name}?", "What did {name} say?"),
    "Government": ("What did {name} accept?", "What does {name} fear?"),
    "Country": ("What did {name} agree?", "Who accused {name}?"),
    "Organization": ("What did {name} say?",),
}


def example_questions(actors: list[dict], catalogue, limit: int = 8) -> list[str]:
    """Example questions about the graph's own actors first, then one example of each template."""
    out: list[str] = []
    for actor in actors:
        for phrasing in ACTOR_QUESTIONS.get(actor["kind"], ())[:1 if len(out) > 2 else 2]:
            out.append(phrasing.format(name=actor["label"]))
        if len(out) >= limit // 2:
            break
    for template in catalogue:
        if template.examples and template.examples[0] not in out:
            out.append(template.examples[0])
    return out[:limit + 4]


def passage_facts(store: Store, doc_id: str, limit: int = 5000) -> dict[tuple[int, int], list[dict]]:
    """(start, end) of each evidence passage -> the facts it supports: {iri, kind, text, actors}."""
    by_fact: dict[str, dict] = {}
    spans: dict[tuple[int, int], list[str]] = {}
    for row in store.select(_PASSAGE_FACTS % limit, {"id": Literal(doc_id)}):
        iri = row["fact"].value
        fact = by_fact.setdefault(iri, {"iri": iri, "kind": row["kind"].value.removeprefix(KG_NS), "actors": {},
                                         "text": (row.get("content") or row.get("title") or Literal("")).value})
        if "who" in row:
            fact["actors"][row["who"].value] = row["whoLabel"].value
        span = (int(row["start"].value), int(row["end"].value))
        if iri not in spans.setdefault(span, []):
            spans[span].append(iri)
    for fact in by_fact.values():
        fact["actors"] = [{"iri": k, "label": v} for k, v in fact["actors"].items()]
    return {span: [by_fact[i] for i in iris] for span, iris in spans.items()}


def fact_label(fact: dict) -> str:
    """'Proposal by Vladimir Putin: a new resolution…' for a fact from passage_facts."""
    who = ", ".join(a["label"] for a in fact["actors"])
    kind = fact["kind"] if fact["kind"] in POSITION_KINDS or fact["kind"] in ("Meeting", "Role", "Action") else "Fact"
    head = f"{kind} ({who})" if who else kind
    return f"{head}: {fact['text']}" if fact["text"] else head
