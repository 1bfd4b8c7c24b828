"""A place a question names ("agree on a ceasefire in Lima") is matched by where the fact's occasion was
held, when the sentence names the place otherwise ("in the Peruvian capital", under a Lima dateline);
another place is not. Through the real pipeline, a real store and the question answerer (text written
for the project)."""
from __future__ import annotations

import pytest

from tests.support import ingested, kgqa

TEXT = ("Border talks end without truce\n\n"
        "LIMA (Andes Wire) \u2014 Peru and Chile ended two days of talks in the Peruvian capital on Friday "
        "without a ceasefire.\n")


@pytest.fixture(scope="module")
def talks(tmp_path_factory):
    store = ingested(tmp_path_factory.mktemp("talks"), {"talks": TEXT})
    yield store
    store.close()


def test_occasion_place_answers(talks):
    document = kgqa(talks).ask("Did Peru and Chile agree on a ceasefire in Lima?", link_root="/")
    assert document["verdict"] == "no", document["answers"]


def test_other_place_is_not_reported(talks):
    document = kgqa(talks).ask("Did Peru and Chile agree on a ceasefire in Quito?", link_root="/")
    assert document["verdict"] == "not_reported", document["answers"]
