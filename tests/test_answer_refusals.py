"""A wh-question about a rejection is answered by a negated acceptance, agreement or commitment when no
rejection is told ("would never accept the quotas"), never by one that was not negated; a rejection told
as such comes first. Through the real pipeline, a real store and the question answerer (text written for
the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXT = ("Quota dispute deepens\n\n"
        "Slovak Prime Minister Marek Hollan said Slovakia would never accept mandatory refugee quotas. "
        "Slovakia accepted the new border rules. "
        "Austria rejected the fishing quota. Austria did not accept the transit fee.\n")


quotas = store_fixture({"quotas": TEXT})


@pytest.mark.parametrize("question, said, never", [
    ("What did Slovakia reject?", "not accept mandatory refugee quotas", "border rules"),
    ("What did Austria reject?", "Austria rejected the fishing quota", "transit fee"),
], ids=["negated-acceptance", "rejection-first"])
def test_answer_refusals_read_negated_stances(quotas, question, said, never):
    texts = " | ".join(answer_texts(quotas, question))
    assert said in texts and never not in texts
