"""A group that acts for a government ("Peruvian government negotiators") answers for it when nothing
the government itself did does: "what did the Peruvian government and the rebels agree to?". Through the
real pipeline, a real store and the question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import ingested, kgqa

TEXT = ("Talks resume in Havana\n\n"
        "Peruvian government negotiators and Shining Path rebels agreed on Tuesday to swap lists of prisoners "
        "before the next round in Havana.\n")


@pytest.fixture(scope="module")
def havana(tmp_path_factory):
    store = ingested(tmp_path_factory.mktemp("havana"), {"havana": TEXT})
    yield store
    store.close()


def test_government_reaches_its_negotiators(havana):
    texts = " | ".join(a["text"] for a in kgqa(havana).ask(
        "What did the Peruvian government and the rebels agree to?", link_root="/")["answers"])
    assert "swap lists of prisoners" in texts
