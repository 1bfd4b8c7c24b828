""""X has not ruled out Y" answers no "who rejected Y" or "what did X reject"; a yes/no question on it
still gets its No. Through the real pipeline, a real store and the question answerer (text written for the
project)."""
from __future__ import annotations

import pytest

from tests.support import ingested, kgqa

TEXT = ("Tariff row widens\n\n"
        "Peru has not ruled out new tariffs on imported steel, its trade minister said. "
        "Chile rejected the tariffs on imported steel.\n")


@pytest.fixture(scope="module")
def tariffs(tmp_path_factory):
    store = ingested(tmp_path_factory.mktemp("tariffs"), {"tariffs": TEXT})
    yield store
    store.close()


def test_not_ruled_out_is_no_rejection(tariffs):
    texts = " | ".join(a["text"] for a in kgqa(tariffs).ask("Who rejected the tariffs on imported steel?",
                                                            link_root="/")["answers"])
    assert "Chile" in texts and "Peru" not in texts


def test_not_ruled_out_answers_yes_no(tariffs):
    answers = kgqa(tariffs).ask("Did Peru rule out new tariffs?", link_root="/")["answers"]
    assert answers and answers[0]["text"].startswith("No: ")
