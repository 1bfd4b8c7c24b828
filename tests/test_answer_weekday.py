"""A meeting question that names a weekday ("who did X meet on Sunday") is answered by meetings whose
fact or passage tells that day; the meeting "the following day" is not Sunday's (text written for the
project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXTS = {
    "envoy": ("An envoy's two meetings\n\n"
              "Tomas Berg met Juan Ruiz at the palace on Sunday. He met the opposition leader, Marta Gil-Soto, "
              "the following day at a hotel in Lima.\n"),
}


envoy = store_fixture(TEXTS, published="2024-05-08")




@pytest.mark.parametrize("question, met, not_met", [
    ("Who did Tomas Berg meet on Sunday?", "Juan Ruiz", "Gil-Soto"),
    ("Who did Tomas Berg meet?", "Gil-Soto", "nobody"),
])
def test_answer_weekday_only_that_days_meetings(envoy, question, met, not_met):
    answers = answer_texts(envoy, question)
    assert any(met in a for a in answers) and not any(not_met in a for a in answers)
