"""A fact not reported as done is never answered as done: an announced act ("said Norway would close
...") is still to come, a hedged one ("may propose", "reportedly") only possible. Through the real
pipeline, a real store and the question answerer (text written for the project)."""
from __future__ import annotations

import pytest

from service.ingest.pipeline import ingest_paths
from tests.support import extractor, kgqa

TEXT = ("Norway to close embassy\n\n"
        "Norwegian Foreign Minister Ingrid Dahl said on Monday that Norway would close its embassy in Caracas. "
        "She added that Norway would not lift its ban on whaling exports. "
        "Norway plans to open a consulate in Bogota. "
        "Sweden may propose a joint coast guard patrol, officials said. "
        "Denmark reportedly rejected the fishing quota.\n")


@pytest.fixture
def announced(store, tmp_path):
    (tmp_path / "embassy.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "embassy.json").write_text('{"published": "2024-05-06"}', encoding="utf-8")
    assert ingest_paths([str(tmp_path)], store, extractor()).documents == 1
    return store


@pytest.mark.parametrize("question, said, never", [
    ("What does Norway intend?", "Norway will close its embassy in Caracas", "closed its embassy"),
    ("What does Norway intend?", "Norway will not lift its ban on whaling exports", "did not lift"),
    ("What does Norway plan?", "Norway planned to open a consulate in Bogota", "opened a consulate"),
])
def test_render_intention_act_is_still_to_come(announced, question, said, never):
    texts = " | ".join(a["text"] for a in kgqa(announced).ask(question, link_root="/")["answers"])
    assert said in texts and never not in texts


@pytest.mark.parametrize("question, said, never", [
    ("What did Sweden propose?", "According to officials, Sweden may have proposed", "Sweden proposed"),
    ("What did Denmark reject?", "Denmark may have", "Denmark rejected"),
])
def test_render_hedged_fact_is_only_possible(announced, question, said, never):
    texts = " | ".join(a["text"] for a in kgqa(announced).ask(question, link_root="/")["answers"])
    assert said in texts and never not in texts


def test_render_hedged_verdict_says_so(announced):
    document = kgqa(announced).ask("Did Sweden propose a joint coast guard patrol?", link_root="/")
    assert document["answers"] and all(a["values"]["hedged"] for a in document["answers"])
    assert document["message"].startswith("The sources report it only as possible.")
