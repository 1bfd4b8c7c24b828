"""Example queries for the query page: a few written for people exploring the graph, then every
question template (service/qa/templates/*.rq) with no parameter bound, i.e. all its answers."""
from __future__ import annotations

from dataclasses import dataclass

from ..vocab import sparql_prefixes

PREFIXES = sparql_prefixes("kg", "rdfs", "dcterms", "nif", "schema")


@dataclass(frozen=True)
class Example:
    id: str
    title: str
    query: str


OWN = (
    Example("sources", "Sources: the ingested documents", PREFIXES + """
SELECT ?doc ?title ?publisher ?published WHERE {
  ?doc a kg:Document .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc schema:publisher ?publisher }
  OPTIONAL { ?doc schema:datePublished ?published }
}
ORDER BY ?title
"""),
    Example("fact-kinds", "How many facts of each kind", PREFIXES + """
SELECT ?kind (COUNT(DISTINCT ?fact) AS ?facts) WHERE {
  ?fact a kg:Fact, ?kind .
  FILTER(?kind != kg:Fact && ?kind != kg:Position)
}
GROUP BY ?kind
ORDER BY DESC(?facts)
"""),
    Example("positions-quoted", "Who took which position, with the words behind it", PREFIXES + """
SELECT DISTINCT ?holderName ?kind ?content ?quote WHERE {
  ?fact a kg:Position, ?kind ; kg:holder ?holder ; kg:evidence ?passage .
  FILTER(?kind != kg:Position && ?kind != kg:Fact)
  ?holder rdfs:label ?holderName .
  OPTIONAL { ?fact kg:content ?content }
  ?passage nif:anchorOf ?quote .
}
LIMIT 100
"""),
    Example("graphs", "Named graphs (one per document) and their size", """SELECT ?graph (COUNT(*) AS ?triples) WHERE {
  GRAPH ?graph { ?s ?p ?o }
}
GROUP BY ?graph
ORDER BY DESC(?triples)
"""),
    Example("describe-actor", "Everything about one actor (CONSTRUCT)", PREFIXES + """
CONSTRUCT { ?actor ?p ?o } WHERE {
  { SELECT ?actor WHERE { ?actor a kg:Actor ; rdfs:label ?name } ORDER BY ?name LIMIT 1 }
  ?actor ?p ?o .
}
"""),
)


def catalog(templates=()) -> list[Example]:
    """The endpoint's own examples, then each question template (service/qa/templates.py, handed in by
    the web layer) as a runnable query: its expanded text."""
    return list(OWN) + [Example(f"template-{t.id}", f"Question template: {t.description}", t.query(set()))
                        for t in templates]
