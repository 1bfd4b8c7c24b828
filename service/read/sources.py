"""Documents in the store: listing, metadata, their exact text, and the passages cited from them."""
from __future__ import annotations

from pyoxigraph import Literal

from .. import iris
from ..errors import NotFound
from ..store.base import Store
from ..vocab import sparql_prefixes

_PREFIX = sparql_prefixes()

_META = _PREFIX + """
SELECT ?doc ?id ?title ?url ?publisher ?author ?published ?hash ?version WHERE {
  ?doc a kg:Document ; dcterms:identifier ?id .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc schema:url ?url }
  OPTIONAL { ?doc schema:publisher ?publisher }
  OPTIONAL { ?doc schema:author ?author }
  OPTIONAL { ?doc schema:datePublished ?published }
  OPTIONAL { ?doc kg:contentHash ?hash }
  OPTIONAL { ?doc prov:wasGeneratedBy/kg:pipelineVersion ?version }
} ORDER BY ?id
"""

_TEXT = _PREFIX + "SELECT ?id ?text WHERE { ?doc dcterms:identifier ?id ; nif:isString ?text }"

_PASSAGES = _PREFIX + """
SELECT DISTINCT ?id ?start ?end ?fact WHERE {
  ?doc dcterms:identifier ?id .
  ?passage nif:referenceContext ?doc ; nif:beginIndex ?start ; nif:endIndex ?end .
  ?fact kg:evidence ?passage .
} ORDER BY ?start ?end
"""

FIELDS = ("id", "title", "url", "publisher", "author", "published")


def _row_to_meta(row: dict) -> dict:
    meta = {"iri": row["doc"].value}
    for name in FIELDS:
        meta[name] = row[name].value if name in row else None
    meta["content_hash"] = row["hash"].value if "hash" in row else None
    meta["pipeline_version"] = row["version"].value if "version" in row else None
    return meta


def list_sources(store: Store) -> list[dict]:
    seen, out = set(), []
    for row in store.select(_META):
        if row["id"].value not in seen:  # one row per document, even with repeated optional values
            seen.add(row["id"].value)
            out.append(_row_to_meta(row))
    return out


def count(store: Store) -> int:
    rows = store.select(_PREFIX + "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }")
    return int(rows[0]["n"].value) if rows else 0


def metadata(store: Store, doc_id: str) -> dict:
    rows = store.select(_META.replace("SELECT ?doc ?id", "SELECT ?doc ?id", 1), {"id": Literal(doc_id)})
    if not rows:
        raise NotFound(f"No source with id {doc_id!r}")
    return _row_to_meta(rows[0])


def text(store: Store, doc_id: str) -> str:
    rows = store.select(_TEXT, {"id": Literal(doc_id)})
    if not rows:
        raise NotFound(f"No source with id {doc_id!r}")
    return rows[0]["text"].value


def passages(store: Store, doc_id: str) -> list[tuple[int, int, str]]:
    """(start, end, fact IRI) of every evidence passage in the document, in text order."""
    rows = store.select(_PASSAGES, {"id": Literal(doc_id)})
    return [(int(r["start"].value), int(r["end"].value), r["fact"].value) for r in rows]


def versions(store: Store) -> dict[str, tuple[str | None, str | None]]:
    """id -> (content hash, pipeline version) of every document, to skip unchanged ones."""
    return {m["id"]: (m["content_hash"], m["pipeline_version"]) for m in list_sources(store)}


def link(base_iri: str, doc_id: str, start: int, end: int) -> str:
    return iris.passage(base_iri, doc_id, start, end).value
