"""The W3C SPARQL 1.1 Protocol tests (tests/data/sparql11-protocol/manifest.ttl), all 34, run through
the app as the manifest describes them: each request sent with exactly its method, path, headers and
body. This endpoint is read-only, so an update request must be refused (4xx) where the manifest
expects success; the rest of such a test then does not apply."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from tests.protocol_manifest import tests as manifest_tests

RESULTS = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
           "text/tab-separated-values")
RDF = ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json")
TESTS = manifest_tests()


def test_protocol_w3c_manifest_has_34_tests():
    assert len(TESTS) == 34


def boolean_of(media: str, body: bytes) -> bool | None:
    if media == "application/sparql-results+json":
        return json.loads(body)["boolean"]
    if media == "application/sparql-results+xml":
        found = [el.text for el in ET.fromstring(body).iter() if el.tag.endswith("boolean")]
        return found[0].strip() == "true" if found else None
    return {"true": True, "false": False}.get(body.decode().strip().lower())


@pytest.mark.parametrize("name, requests", TESTS, ids=[name for name, _ in TESTS])
def test_protocol_w3c(protocol_app, name, requests):
    client = protocol_app.test_client()
    for req in requests:
        path = "/sparql" + req.path[len("/sparql/"):]
        response = client.open(path, method=req.method, headers=req.headers, data=req.body)
        media = response.mimetype
        if name.startswith("update_") and req.is_update:
            assert response.status_code == 403, response.data  # read-only: refused, nothing else runs
            assert response.json["error"]["code"] == "update_refused"
            return
        assert f"{response.status_code // 100}xx" in req.statuses, (response.status_code, response.data)
        if req.format == "boolean":
            value = boolean_of(media, response.data)
            assert value in (True, False)
            if req.boolean is not None:
                assert value is req.boolean
        elif req.format == "tabular":
            assert media in RESULTS
        elif req.format == "RDF":
            assert media in RDF
        if response.status_code >= 400:
            assert set(response.json["error"]) >= {"code", "message"}
