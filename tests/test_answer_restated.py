""""Who proposed X at Y?": a leader who restates their country's proposal ("the president proposed the
brigade" after "a Chilean proposal to build a joint brigade") answers, by the words and the occasion the
restated proposal's passage names. Through the real pipeline, a real store and the question answerer
(text written for the project)."""
from __future__ import annotations

from tests.support import answer_texts, store_fixture

TEXT = ("Andean leaders back brigade\n\n"
        "Leaders at the Andean summit in Quito endorsed on Sunday a Chilean proposal to build a joint brigade for "
        "the border. Chilean President Ana Ruiz proposed the brigade, of about 900 troops, in her speech on "
        "Saturday.\n")

brigade = store_fixture({"brigade": TEXT})


def test_restated_proposal_names_its_leader(brigade):
    texts = " | ".join(answer_texts(brigade, "Who proposed a joint brigade for the border at the Andean summit?"))
    assert "Ana Ruiz" in texts
