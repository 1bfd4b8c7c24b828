"""Actors for people: an index searchable by name and kind (paged, bounded), and one actor's profile
(roles, dated meetings, positions by kind, and who it met, agreed or disagreed with). Bounded queries
only: an actor named in a hundred thousand facts costs about what a minor one does."""
from __future__ import annotations

import re

from pyoxigraph import Literal, NamedNode

from ..store.base import Store
from ..vocab import KG_NS, sparql_prefixes

_PREFIX = sparql_prefixes()
KINDS = ("Person", "Government", "Country", "Organization", "Group", "Place")
PAGE = 50  # actors per index page
MAX_OFFSET = 10_000  # the index pages no deeper (search narrows instead)
SHOWN = 300  # meetings, positions and links read for one profile at most
# Kinds of position drawn as agreeing or disagreeing with the actors they name.
AGREE = ("Agreement", "Acceptance", "Commitment")
DISAGREE = ("Disagreement", "Accusation", "Criticism", "Denial", "Demand")

_SEARCH = _PREFIX + """
SELECT DISTINCT ?a ?label ?kind WHERE {
  ?a a ?kind ; rdfs:label ?label .
  FILTER(?kind IN (%(kinds)s))
  %(filters)s
} ORDER BY LCASE(STR(?label)) ?a LIMIT %(limit)d OFFSET %(offset)d"""

_ROLES = _PREFIX + """
SELECT DISTINCT ?role ?title ?org ?orgLabel WHERE {
  ?role a kg:Role ; kg:holder ?a . OPTIONAL { ?role kg:title ?title }
  OPTIONAL { ?role kg:organization ?org . ?org rdfs:label ?orgLabel }
} LIMIT 50"""

_MEETINGS = _PREFIX + """
SELECT ?m ?date ?when ?occasion ?occasionLabel ?other ?otherLabel WHERE {
  { SELECT DISTINCT ?m WHERE { ?m a kg:Meeting ; kg:participant ?a FILTER NOT EXISTS { ?m kg:status ?s } } LIMIT %d }
  OPTIONAL { ?m kg:date ?date } OPTIONAL { ?m kg:timeText ?when }
  OPTIONAL { ?m kg:occasion ?occasion . ?occasion rdfs:label ?occasionLabel }
  OPTIONAL { ?m kg:participant ?other . ?other rdfs:label ?otherLabel FILTER(?other != ?a) }
}"""

_POSITIONS = _PREFIX + """
SELECT DISTINCT ?f ?kind ?content WHERE {
  { SELECT DISTINCT ?f WHERE { ?f kg:holder ?a } LIMIT %d }
  ?f a ?kind FILTER(?kind NOT IN (kg:Fact, kg:Position, kg:Role, kg:Meeting))
  OPTIONAL { ?f kg:content ?content }
}"""

_LINKS = _PREFIX + """
SELECT DISTINCT ?kind ?other ?otherLabel WHERE {
  { SELECT DISTINCT ?f WHERE { ?f kg:holder ?a } LIMIT %d }
  ?f a ?kind ; kg:holder|kg:about|kg:target|kg:recipient ?other .
  FILTER(?kind IN (%s) && ?other != ?a)
  ?other a kg:Actor ; rdfs:label ?otherLabel .
}"""


def _kinds(names) -> str:
    return ", ".join(f"kg:{k}" for k in names)


def search(store: Store, name: str = "", kind: str = "", page: int = 1) -> dict:
    """One page of actors whose label contains `name` (any case), of `kind` (one of KINDS) if given:
    {"actors": [{iri, label, kinds}], "page", "more"} (more: a next page exists)."""
    page = max(1, min(int(page), MAX_OFFSET // PAGE))
    filters = []
    if name.strip():
        # the name as a literal term (its N-Triples form, escaped by pyoxigraph), never raw text
        filters.append(f"FILTER(CONTAINS(LCASE(STR(?label)), {Literal(name.strip().lower())}))")
    if kind in KINDS:
        filters.append(f"FILTER(?kind = kg:{kind})")
    query = _SEARCH % {"kinds": _kinds(KINDS), "filters": "\n  ".join(filters), "limit": PAGE + 1,
                       "offset": (page - 1) * PAGE}
    out: dict[str, dict] = {}
    for row in store.select(query):
        actor = out.setdefault(row["a"].value, {"iri": row["a"].value, "label": row["label"].value, "kinds": []})
        kind_name = row["kind"].value.removeprefix(KG_NS)
        if kind_name not in actor["kinds"]:
            actor["kinds"].append(kind_name)
    actors = list(out.values())
    return {"actors": actors[:PAGE], "page": page, "more": len(actors) > PAGE}


def profile(store: Store, iri: str, limit: int = SHOWN) -> dict:
    """Roles, meetings (dated first, newest first), positions grouped by kind, and links to other
    actors ({iri, label, relations: met / agreed / disagreed}) for the picture."""
    term = str(NamedNode(iri))  # the IRI as a term (N-Triples form), written where ?a stands

    def select(query: str) -> list[dict]:
        return store.select(re.sub(r"\?a\b", lambda _: term, query))
    roles = [{"iri": r["role"].value, "title": _v(r, "title"), "org": _v(r, "org"), "org_label": _v(r, "orgLabel")}
             for r in select(_ROLES)]
    meetings: dict[str, dict] = {}
    links: dict[str, dict] = {}
    for r in select(_MEETINGS % limit):
        m = meetings.setdefault(r["m"].value, {"iri": r["m"].value, "date": _v(r, "date"), "when": _v(r, "when"),
                                               "occasion": _v(r, "occasion"), "occasion_label": _v(r, "occasionLabel"),
                                               "with": {}})
        if "other" in r:
            m["with"][r["other"].value] = r["otherLabel"].value
            _link(links, r["other"].value, r["otherLabel"].value, "met")
    dated = sorted((m for m in meetings.values() if m["date"]), key=lambda m: m["date"], reverse=True)
    undated = [m for m in meetings.values() if not m["date"]]
    for m in meetings.values():
        m["with"] = [{"iri": k, "label": v} for k, v in sorted(m["with"].items(), key=lambda kv: kv[1])]
    positions: dict[str, list[dict]] = {}
    for r in select(_POSITIONS % limit):
        kind = r["kind"].value.removeprefix(KG_NS)
        if all(p["iri"] != r["f"].value for p in positions.get(kind, [])):
            positions.setdefault(kind, []).append({"iri": r["f"].value, "content": _v(r, "content")})
    for r in select(_LINKS % (limit, _kinds(AGREE + DISAGREE))):
        relation = "agreed" if r["kind"].value.removeprefix(KG_NS) in AGREE else "disagreed"
        _link(links, r["other"].value, r["otherLabel"].value, relation)
    return {"roles": roles, "meetings": dated + undated, "positions": dict(sorted(positions.items())),
            "links": sorted(links.values(), key=lambda x: (-x["weight"], x["label"]))}


def _link(links: dict, iri: str, label: str, relation: str) -> None:
    link = links.setdefault(iri, {"iri": iri, "label": label, "relations": [], "weight": 0})
    if relation not in link["relations"]:
        link["relations"].append(relation)
    link["weight"] += 1


def _v(row: dict, name: str) -> str | None:
    return row[name].value if name in row else None
