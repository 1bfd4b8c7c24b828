"""The verb of an answer is the one the source used, with the preposition it takes and no other: "called
the plan a mistake" is no call for anything. Through the real pipeline, a real store and the question
answerer (text written for the project)."""
from __future__ import annotations

import pytest

from service.ingest.pipeline import ingest_paths
from service.store.embedded import EmbeddedStore
from tests.support import extractor, kgqa

TEXT = ("Leaders trade words\n\n"
        "Chancellor Greta Lindholm called for a ceasefire along the river. "
        "President Aron Falk called the plan a mistake. "
        "Lindholm disagreed with Falk on the role of the navy.\n")


@pytest.fixture(scope="module")
def spoken(tmp_path_factory):
    folder = tmp_path_factory.mktemp("verbs")
    (folder / "words.txt").write_text(TEXT, encoding="utf-8")
    store = EmbeddedStore(str(folder / "store"))
    assert ingest_paths([str(folder / "words.txt")], store, extractor()).documents == 1
    yield store
    store.close()


@pytest.mark.parametrize("question, said, never", [
    ("What did Falk say?", "Aron Falk called the plan a mistake", "called for the plan"),
    ("What did Lindholm call for?", "Greta Lindholm called for a ceasefire along the river", "called for for"),
])
def test_render_verbs_as_the_source_used_them(spoken, question, said, never):
    texts = " | ".join(a["text"] for a in kgqa(spoken).ask(question, link_root="/")["answers"])
    assert said in texts and never not in texts
