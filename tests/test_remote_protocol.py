"""The W3C SPARQL 1.1 Protocol tests, all 34, through the app on a remote store (a real `oxigraph
serve`): the same checks as tests/test_protocol_w3c.py runs on the embedded store."""
from __future__ import annotations

import pytest

import tests.test_protocol_w3c as w3c


@pytest.mark.parametrize("name, requests", w3c.TESTS, ids=[name for name, _ in w3c.TESTS])
def test_remote_protocol_w3c(remote_protocol_app, name, requests):
    w3c.test_protocol_w3c(remote_protocol_app, name, requests)
