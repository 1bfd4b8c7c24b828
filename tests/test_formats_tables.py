"""formats: the media types, names and file extensions kgqa reads and writes, from pyoxigraph's tables."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from service import formats


@pytest.mark.parametrize("path, media_type", [
    ("a.ttl", "text/turtle"), ("a.nt", "application/n-triples"), ("a.nq", "application/n-quads"),
    ("a.trig", "application/trig"), ("a.rdf", "application/rdf+xml"), ("a.owl", "application/rdf+xml"),
    ("a.XML", "application/rdf+xml"), ("a.jsonld", "application/ld+json"), ("a.n3", "text/n3"),
    ("notes.txt", None), ("README", None),
])
def test_formats_of_file(path, media_type):
    assert formats.of_file(path) == media_type


@pytest.mark.parametrize("media_type", [*formats.RDF, *formats.RESULTS])
def test_formats_round_trip_through_pyoxigraph(media_type):
    """Each media type kgqa names is the one pyoxigraph gives back for it (parameters aside)."""
    table = ox.RdfFormat if media_type in formats.RDF else ox.QueryResultsFormat
    assert table.from_media_type(media_type).media_type.split(";")[0] == media_type


@pytest.mark.parametrize("name, media_type", [
    ("nquads", "application/n-quads"), ("jsonld", "application/ld+json"), ("json", "application/sparql-results+json"),
    ("tsv", "text/tab-separated-values")])
def test_formats_names(name, media_type):
    assert {**formats.NAMES, **formats.RESULT_NAMES}[name] == media_type
