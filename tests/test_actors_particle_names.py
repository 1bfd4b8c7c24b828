"""A surname with a lower-case particle ("al-Rashid", "de Souza") capitalised at the start of a sentence
is the person named in full before, not a person of its own (sentences written for this project)."""
from __future__ import annotations

import pytest

from tests.support import extractor


@pytest.mark.parametrize("text, key", [
    ("The spokesman, Karim al-Rashid, spoke first. Al-Rashid said the talks would resume.", "karim-al-rashid"),
    ("Minister Paula de Souza arrived late. De Souza said the port would reopen.", "paula-de-souza"),
], ids=["al", "de"])
def test_capitalised_particle_joins_full_name(text, key):
    facts, resolver = extractor().facts(text)
    said = [f for f in facts if f.kind == "Statement"]
    assert said and all(f.holders == [key] for f in said), [(f.holders, f.content) for f in said]
