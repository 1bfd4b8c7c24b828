"""An answer says what its source says, no more: an announced act ("said Norway would close ...") is still
to come, a hedged one ("may propose", "reportedly") only possible, and a verb keeps the preposition the
source gave it ("called the plan a mistake" is no call for anything). Through the real pipeline, a real
store and the question answerer (texts written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, ask, store_fixture

TEXTS = {
    "embassy": ("Norway to close embassy\n\n"
                "Norwegian Foreign Minister Ingrid Dahl said on Monday that Norway would close its embassy in "
                "Caracas. She added that Norway would not lift its ban on whaling exports. "
                "Norway plans to open a consulate in Bogota. "
                "Sweden may propose a joint coast guard patrol, officials said. "
                "Denmark reportedly rejected the fishing quota.\n"),
    "words": ("Leaders trade words\n\n"
              "Chancellor Greta Lindholm called for a ceasefire along the river. "
              "President Aron Falk called the plan a mistake.\n"),
}


told = store_fixture(TEXTS)


@pytest.mark.parametrize("question, said, never", [
    ("What does Norway intend?", "Norway will close its embassy in Caracas", "closed its embassy"),
    ("What does Norway intend?", "Norway will not lift its ban on whaling exports", "did not lift"),
    ("What does Norway plan?", "Norway planned to open a consulate in Bogota", "opened a consulate"),
    ("What did Sweden propose?", "According to officials, Sweden may have proposed", "Sweden proposed"),
    ("What did Denmark reject?", "Denmark may have", "Denmark rejected"),
    ("What did Falk say?", "Aron Falk called the plan a mistake", "called for the plan"),
    ("What did Lindholm call for?", "Greta Lindholm called for a ceasefire along the river", "called for for"),
], ids=["announced", "announced-negated", "planned", "hedged", "hedged-reportedly", "naming", "call-for"])
def test_render_answer_says_what_the_source_says(told, question, said, never):
    texts = " | ".join(answer_texts(told, question))
    assert said in texts and never not in texts


def test_render_hedged_verdict_says_so(told):
    document = ask(told, "Did Sweden propose a joint coast guard patrol?")
    assert document["answers"] and all(a["values"]["hedged"] for a in document["answers"])
    assert document["message"].startswith("The sources report it only as possible.")
