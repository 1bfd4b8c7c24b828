"""An Extraction -> RDF quads in the document's own named graph, as ontology/README.md describes.

Fact IRIs are minted from a normalized key (kind, holders, occasion or date, content reduced to its
lemmas and the actors it names), so the same fact reported by two documents is one node that each
document's graph asserts with its own evidence. A meeting's key is its participants and its date or
occasion, never its wording, so outlets that word it differently still meet on one node; details
(durations, places) are asserted per document, so conflicting reports are both kept.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import re
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad

from .. import iris
from .. import vocab as v
from ..model import Actor, Document, Extraction, Fact, Span
from .indexes import INDEXED, index_links, index_occasions, index_pairs
from .keys import fact_key, spacy_lemmas

_TRUE = Literal("true", datatype=v.XSD_BOOLEAN)
_FALSE = Literal("false", datatype=v.XSD_BOOLEAN)


# terms that recur in every document (offsets, confidences, kinds), each made once rather than per use
@lru_cache(maxsize=1 << 16)
def _integer(n: int) -> Literal:
    return Literal(str(n), datatype=v.XSD_INTEGER)


@lru_cache(maxsize=4096)
def _decimal_literal(x: float) -> Literal:
    return Literal(_decimal(x), datatype=v.XSD_DECIMAL)


@lru_cache(maxsize=256)
def _kg(name: str) -> NamedNode:
    return v.kg(name)


def content_hash(document: Document) -> str:
    """What decides whether a document changed: its text and its metadata."""
    meta = json.dumps(document.metadata(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256((document.text + "\x00" + meta).encode("utf-8")).hexdigest()


def publishable(fact: Fact, actors: dict[str, Actor]) -> bool:
    """Does the fact meet the shapes (ontology/shapes.ttl)? Every fact needs evidence and a known
    holder (a participant for meetings, a person for roles); positions and actions need content."""
    holders = [k for k in fact.holders if k in actors]
    if fact.kind == "Estimate" and not fact.holders:  # "Some 3,000 people fled": nobody stands behind it
        return bool(fact.evidence and fact.content and fact.content.strip() and fact.quantity_text and fact.counts)
    if not fact.evidence or not holders:
        return False
    if fact.kind == "Role":
        return bool(fact.title) and all(actors[k].kind == "Person" for k in holders)
    if fact.kind == "Meeting":
        return True
    return bool(fact.content and fact.content.strip())


def quads(ex: Extraction, base: str, version: str, doc=None) -> list[Quad]:
    """Every quad of the document's named graph."""
    g, out = triples(ex, base, version, doc)
    return [Quad(s, p, o, g) for s, p, o in out]


def nquads(ex: Extraction, base: str, version: str, doc=None) -> tuple[bytes, int]:
    """The document's named graph as N-Quads (the bytes pyoxigraph's serializer writes for quads())
    and its number of quads: written from the terms' own N-Triples forms, without Quad objects."""
    g, out = triples(ex, base, version, doc)
    # the N-Triples form of each term object once, keyed by the object's id (cheaper to hash than the
    # term; every object stays alive in `out` meanwhile, and equal terms give equal forms either way)
    text: dict[int, str] = {}
    get, put = text.get, text.setdefault
    tail = f" {g} .\n"
    lines, last, head = [], None, ""
    for s, p, o in out:
        if s is not last:  # a node's triples mostly come one after another: its form is at hand
            last, head = s, get(id(s)) or put(id(s), str(s))
        lines.append(f"{head} {get(id(p)) or put(id(p), str(p))} {get(id(o)) or put(id(o), str(o))}{tail}")
    return "".join(lines).encode(), len(out)


def triples(ex: Extraction, base: str, version: str, doc=None) -> tuple[NamedNode, list[tuple]]:
    """The document's graph IRI and every (subject, predicate, object) of its named graph."""
    d = ex.document
    g = iris.document(base, d.id)
    out: list[tuple] = []
    append = out.append

    def add(s, p, o) -> None:
        append((s, p, o))

    extraction = NamedNode(g.value + "#extraction")
    for cls in (v.C_DOCUMENT, v.SCHEMA_NEWS_ARTICLE, v.NIF_CONTEXT):
        add(g, v.RDF_TYPE, cls)
    add(g, v.DCT_IDENTIFIER, Literal(d.id))
    add(g, v.NIF_IS_STRING, Literal(d.text))
    add(g, v.CONTENTHASH, Literal(content_hash(d)))
    if d.name:
        add(g, v.SOURCENAME, Literal(d.name))
    add(g, v.PROV_GENERATED_BY, extraction)
    for prop, value in ((v.DCT_TITLE, d.title), (v.SCHEMA_PUBLISHER, d.publisher), (v.SCHEMA_AUTHOR, d.author)):
        if value:
            add(g, prop, Literal(value))
    if d.url:
        add(g, v.SCHEMA_URL, NamedNode(d.url) if re.match(r"^https?://\S+$", d.url) else Literal(d.url))
    if d.published:
        add(g, v.SCHEMA_DATE_PUBLISHED, Literal(d.published, datatype=v.XSD_DATE))
    add(extraction, v.RDF_TYPE, v.C_EXTRACTION)
    add(extraction, v.RDF_TYPE, v.PROV_ACTIVITY)
    add(extraction, v.PIPELINEVERSION, Literal(version))
    add(extraction, v.PROV_USED, g)
    for prop in INDEXED:
        add(extraction, v.INDEXES, prop)

    passages: dict[tuple[int, int], NamedNode] = {}

    def passage(span: Span) -> NamedNode:
        node = passages.get((span.start, span.end))
        if node is None:
            node = passages[(span.start, span.end)] = iris.passage(base, d.id, span.start, span.end)
            add(node, v.RDF_TYPE, v.NIF_STRING)
            add(node, v.RDF_TYPE, v.NIF_RFC5147)
            add(node, v.NIF_BEGIN, _integer(span.start))
            add(node, v.NIF_END, _integer(span.end))
            add(node, v.NIF_ANCHOR, Literal(d.text[span.start:span.end]))
            add(node, v.NIF_REFERENCE_CONTEXT, g)
        return node

    used: dict[str, NamedNode] = {}  # key -> IRI, minted once
    named: list[str] = []  # the keys of `used` in the order they were minted

    def actor(key: str) -> NamedNode:
        node = used.get(key)
        if node is None:
            node = used[key] = iris.actor(base, key)
            named.append(key)
        return node

    for m in ex.mentions:
        if m.span.end > m.span.start and m.actor in ex.actors:
            add(passage(m.span), v.ITS_IDENT_REF, actor(m.actor))
    lemmas = spacy_lemmas(doc) if doc is not None else None
    minted: dict[int, NamedNode] = {}

    def fact_node(fact: Fact) -> NamedNode:
        if id(fact) not in minted:
            minted[id(fact)] = iris.fact(base, fact.kind, fact_key(fact, lemmas, d.id))
        return minted[id(fact)]

    written = {id(f) for f in ex.facts}
    for fact in ex.facts:  # all first: a fact's occasion index follows the occasions of those it is at
        if isinstance(fact.occasion, Fact) and id(fact.occasion) not in written:
            fact.occasion = fact.occasion.occasion if not isinstance(fact.occasion.occasion, Fact) else None
    for fact in ex.facts:
        _fact(fact, fact_node, passage, actor, add, ex.actors, g, written)
    # every actor named so far, in key order, and those they name in turn (a heap, not a sort per actor)
    todo, queued = sorted(named), len(named)
    while todo:
        key = heapq.heappop(todo)
        if key in ex.actors:
            _actor(ex.actors[key], actor, add, ex.actors)
        for new in named[queued:]:
            heapq.heappush(todo, new)
        queued = len(named)
    return g, out


def _fact(fact: Fact, fact_node, passage, actor, add, actors: dict[str, Actor], g: NamedNode,
          written: set[int]) -> None:
    node = fact_node(fact)
    add(node, v.RDF_TYPE, v.C_FACT)
    if fact.kind in v.POSITION_KINDS:
        add(node, v.RDF_TYPE, v.C_POSITION)
    add(node, v.RDF_TYPE, _kg(fact.kind))
    add(node, v.PROV_DERIVED, g)
    for span in fact.evidence:
        add(node, v.EVIDENCE, passage(span))
    role = v.PARTICIPANT if fact.kind == "Meeting" else v.HOLDER
    holders = [actor(key) for key in dict.fromkeys(fact.holders) if key in actors]
    for holder in holders:
        add(node, role, holder)
    for prop, key in index_pairs(fact.kind, holders):
        add(node, prop, key)
    links = [(role, holder) for holder in holders]
    for prop, keys in ((v.ABOUT, fact.about), (v.RECIPIENT, fact.recipient), (v.TARGET, fact.target)):
        for key in dict.fromkeys(keys):
            if key in actors:
                add(node, prop, actor(key))
                links.append((prop, actor(key)))
    for prop, key in index_links(fact.kind, links, fact.verb):
        add(node, prop, key)
    for prop, key in ((v.PLACE, fact.place), (v.ATTRIBUTEDTO, fact.attributed_to),
                      (v.ORGANIZATION, fact.organization)):
        if key and key in actors:
            add(node, prop, actor(key))
    if fact.responds_to is not None and id(fact.responds_to) in written:
        add(node, v.RESPONDSTO, fact_node(fact.responds_to))
    if isinstance(fact.occasion, Fact):
        add(node, v.OCCASION, fact_node(fact.occasion))
    elif fact.occasion and fact.occasion in actors:
        add(node, v.OCCASION, actor(fact.occasion))
    reached: dict[NamedNode, int] = {}  # the occasions kg:occasion+ reaches from it in this graph, nearest first
    at, steps = fact.occasion, 1
    while at is not None:
        if isinstance(at, Fact):
            to, at = fact_node(at), at.occasion
        else:
            to, at = (actor(at) if at in actors else None), None
        if to is None or to in reached or to == node:
            break
        reached[to] = steps
        steps += 1
    for prop, key in index_occasions(fact.kind, holders, reached):
        add(node, prop, key)
    texts = ((v.CONTENT, fact.content), (v.VERB, fact.verb), (v.TIMETEXT, fact.time_text),
             (v.PLACETEXT, fact.place_text), (v.DURATIONTEXT, fact.duration_text), (v.CONDITION, fact.condition),
             (v.ATTRIBUTION, fact.attribution), (v.QUANTITYTEXT, fact.quantity_text),
             (v.COUNTS, fact.counts), (v.TITLE, fact.title))
    for prop, value in texts:
        if value:
            add(node, prop, Literal(value))
    if fact.date:
        add(node, v.DATE, Literal(fact.date, datatype=v.XSD_DATE))
    if fact.duration:
        add(node, v.DURATION, Literal(fact.duration, datatype=v.XSD_DURATION))
    if fact.quantity is not None:
        add(node, v.QUANTITY, Literal(_decimal(fact.quantity), datatype=v.XSD_DECIMAL))
    add(node, v.CONFIDENCE, _decimal_literal(min(1.0, max(0.0, fact.confidence))))
    add(node, v.NEGATED, _TRUE if fact.negated else _FALSE)
    add(node, v.HEDGED, _TRUE if fact.hedged else _FALSE)
    if fact.status:
        add(node, v.STATUS, _kg(fact.status))
    if fact.remote:
        add(node, v.REMOTE, _TRUE)
    if fact.ironic:
        add(node, v.IRONIC, _TRUE)


def _actor(a: Actor, actor, add, actors: dict[str, Actor]) -> None:
    node = actor(a.key)
    add(node, v.RDF_TYPE, v.C_ACTOR)
    add(node, v.RDF_TYPE, _kg(a.kind))
    add(node, v.RDFS_LABEL, Literal(a.label))
    for alias in sorted(a.aliases - {a.label}):
        add(node, v.SKOS_ALT, Literal(alias))
    if a.government_of and a.government_of in actors:
        add(node, v.GOVERNMENTOF, actor(a.government_of))
    for parent in sorted(a.member_of):
        if parent in actors:
            add(node, v.MEMBEROF, actor(parent))


def _decimal(x: float) -> str:
    return f"{x:.6f}".rstrip("0").rstrip(".") if "." in f"{x:.6f}" else str(x)
