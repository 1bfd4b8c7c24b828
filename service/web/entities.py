"""GET /entities/<id>: every actor, fact and occasion IRI the graph mints dereferences here.

HTML for people (label, kinds, properties linking to other entities, evidence quotes linking to the
exact characters of their source), RDF by Accept or ?format= for machines; 406 names what is offered.
"""
from __future__ import annotations

import re

from flask import Blueprint, render_template, url_for

from .. import formats, iris
from ..errors import NotFound
from ..read import actors, dumps, linked
from . import current, diagram, get_store
from .dataset import choose, rdf_response

bp = Blueprint("entities", __name__)

RDF_TYPES = [formats.TURTLE, formats.JSONLD, formats.NTRIPLES, *dumps.DATASET_TYPES]
OFFERED = ["text/html", *RDF_TYPES]
# What minted local ids look like (service.iris: slugs and hex digests); anything else is unknown.
LOCAL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*")


@bp.get("/entities/<local>")
def entity(local: str):
    kind = choose(OFFERED, formats.TURTLE)
    if not LOCAL_ID.fullmatch(local):
        raise NotFound(f"No entity with id {local!r}")
    base = current().settings.base_iri
    description = linked.describe(get_store(), iris.entity(base, local), per_graph=kind in dumps.DATASET_TYPES)
    if kind != "text/html":
        return rdf_response(linked.serialize(description, kind, base), kind)
    offered = [(name, t) for name, t in dumps.BY_NAME.items() if t in RDF_TYPES]
    page = linked.summary(description)
    actor = picture = None
    if any(k.removeprefix("kg:") in actors.KINDS for k in page["kinds"]):  # an actor's profile too
        actor = actors.profile(get_store(), page["iri"])
        picture = diagram.ego(page["label"], actor["links"], href)
    html = render_template("entity.html", page=page, formats=offered, actor=actor, picture=picture)
    return rdf_response(html, "text/html")


@bp.app_template_filter("href")
def href(iri: str) -> str:
    """Where a browser follows an IRI: this server's page for the IRIs it mints (wherever the server
    runs, whatever the configured base), the IRI itself for any other."""
    root = iris.base(current().settings.base_iri)
    local = iris.local_id(root, iri)
    if local is not None:
        return url_for("entities.entity", local=local)
    if iri.startswith(root + "sources/"):
        doc_id, hash_, fragment = iri[len(root + "sources/"):].partition("#")
        return url_for("sources.source", doc_id=doc_id) + hash_ + fragment
    return iri
