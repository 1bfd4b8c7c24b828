"""Minting IRIs under the configured base: documents, passages, entities (actors, facts, occasions)."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from pyoxigraph import NamedNode


def joint_key(actor_iri: str, kind: str) -> NamedNode:
    """urn:kgqa:joint:Kind:<actor IRI>: an actor as one of two or more holders of facts of one kind (the
    kg:jointKey index, beside the pair_key of each two of them)."""
    return NamedNode(f"urn:kgqa:joint:{kind}:{actor_iri}")


@lru_cache(maxsize=8192)  # the same kinds and actor keys are slugged for every document
def slug(text: str, max_len: int = 80) -> str:
    """A lower-case ASCII slug: 'Vladimir Putin' -> 'vladimir-putin'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:max_len].strip("-") or "x"


def digest(key: str, length: int = 16) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:length]


def base(base_iri: str) -> str:
    """The base IRI, ending in '/'."""
    return base_iri if base_iri.endswith("/") else base_iri + "/"


def document(base_iri: str, doc_id: str) -> NamedNode:
    return NamedNode(f"{base(base_iri)}sources/{doc_id}")


def passage(base_iri: str, doc_id: str, start: int, end: int) -> NamedNode:
    """RFC 5147 fragment of the document IRI: <.../sources/ID#char=S,E>."""
    return NamedNode(f"{base(base_iri)}sources/{doc_id}#char={start},{end}")


def entity(base_iri: str, local: str) -> NamedNode:
    return NamedNode(f"{base(base_iri)}entities/{local}")


def actor(base_iri: str, key: str) -> NamedNode:
    return entity(base_iri, "actor-" + slug(key))


def fact(base_iri: str, kind: str, key: str) -> NamedNode:
    return entity(base_iri, f"{slug(kind)}-{digest(key)}")


@lru_cache(maxsize=4096)  # an ingest mints the same few thousand again and again
def holder_key(actor_iri: str, kind: str) -> NamedNode:
    """urn:kgqa:holder:Kind:<actor IRI>: an actor as the holder of facts of one kind (the kg:holderKey
    index). A URN, not an IRI under the base: nothing to dereference, no page of its own."""
    return NamedNode(f"urn:kgqa:holder:{kind}:{actor_iri}")


@lru_cache(maxsize=8192)
def link_key(actor_iri: str, prop: str, by: str) -> NamedNode:
    """urn:kgqa:link:PROP:BY:<actor IRI>: an actor as the PROP (about, target, recipient; holder or
    participant) of facts of one kind (BY 'Accusation'), or of facts told with one verb (BY 'verb=' and the
    lemma percent-encoded): the kg:linkKey index."""
    return NamedNode(f"urn:kgqa:link:{prop}:{by}:{actor_iri}")


def verb_key(actor_iri: str, prop: str, lemma: str) -> NamedNode:
    """link_key for facts told with the verb `lemma` ('establish', 'set up')."""
    return link_key(actor_iri, prop, "verb=" + quote(lemma, safe=""))


def pair_key(actor_iri: str, other_iri: str, kind: str) -> NamedNode:
    """urn:kgqa:pair:Kind:<hash>: two actors together in facts of one kind (a meeting's participants two by
    two: the kg:pairKey index; two holders of a fact of another kind: kg:jointKey), the same key in either
    order. Hashed: two IRIs joined would be long, and a space (never in an IRI) keeps the pair unambiguous
    before hashing."""
    first, second = sorted((actor_iri, other_iri))
    return NamedNode(f"urn:kgqa:pair:{kind}:{hashlib.sha256(f'{first} {second}'.encode()).hexdigest()[:32]}")


def occasion_key(occasion_iri: str, kind: str, *, via: bool = False) -> NamedNode:
    """urn:kgqa:at:Kind:<occasion IRI>: facts of one kind whose own kg:occasion is the occasion (the
    kg:occasionKey index); via: urn:kgqa:via:Kind:<occasion IRI>, facts reaching it only through another
    occasion (a meeting held at a summit that was held at the event)."""
    return NamedNode(f"urn:kgqa:{'via' if via else 'at'}:{kind}:{occasion_iri}")


def holder_occasion_key(actor_iri: str, occasion_iri: str, kind: str) -> NamedNode:
    """urn:kgqa:held-at:Kind:<hash>: an actor holding (taking part in) facts of one kind at an occasion,
    reached in any number of steps (kg:occasionKey). Hashed as pair_key is; the actor first."""
    return NamedNode(f"urn:kgqa:held-at:{kind}:"
                     f"{hashlib.sha256(f'{actor_iri} {occasion_iri}'.encode()).hexdigest()[:32]}")


def topic_key(holder_iri: str, topic_iri: str, kind: str) -> NamedNode:
    """urn:kgqa:on:Kind:<hash>: a holder of facts of one kind that are about, target or are told to an actor
    (kg:topicKey: "A's positions on T" in one range). Hashed as pair_key is; the holder first."""
    return NamedNode(f"urn:kgqa:on:{kind}:{hashlib.sha256(f'{holder_iri} {topic_iri}'.encode()).hexdigest()[:32]}")


def local_id(base_iri: str, iri: str) -> str | None:
    """'…/entities/actor-x' -> 'actor-x' for IRIs minted under this base, else None."""
    prefix = base(base_iri) + "entities/"
    return iri[len(prefix):] if iri.startswith(prefix) else None
