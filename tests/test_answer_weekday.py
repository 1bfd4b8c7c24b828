"""A meeting question that names a weekday ("who did X meet on Sunday") is answered by meetings whose
fact or passage tells that day; the meeting "the following day" is not Sunday's (text written for the
project)."""
from __future__ import annotations

import pytest

from tests.support import ingested, kgqa

TEXTS = {
    "envoy": ("An envoy's two meetings\n\n"
              "Tomas Berg met Juan Ruiz at the palace on Sunday. He met the opposition leader, Marta Gil-Soto, "
              "the following day at a hotel in Lima.\n"),
}


@pytest.fixture(scope="module")
def envoy(tmp_path_factory):
    store = ingested(tmp_path_factory.mktemp("envoy"), TEXTS, published="2024-05-08")
    yield store
    store.close()


def texts(store, question: str) -> list[str]:
    return [a["text"] for a in kgqa(store).ask(question, link_root="/")["answers"]]


@pytest.mark.parametrize("question, met, not_met", [
    ("Who did Tomas Berg meet on Sunday?", "Juan Ruiz", "Gil-Soto"),
    ("Who did Tomas Berg meet?", "Gil-Soto", "nobody"),
])
def test_answer_weekday_only_that_days_meetings(envoy, question, met, not_met):
    answers = texts(envoy, question)
    assert any(met in a for a in answers) and not any(not_met in a for a in answers)
