"""Syndicated news: the same story under many ids (wire copy). The union default graph repeats a shared
fact's triples once per copy, so a query joining k of its patterns across the union grows like N^k in
the copies. The name index and every question's queries must stay linear: their rows (counted with
DISTINCT taken out, so the engine's repeats show) at N copies are at most N times those at one copy."""
from __future__ import annotations

import re

import pytest

from service.qa import linking
from service.store.embedded import EmbeddedStore
from service.web import create_app
from tests.support import BASE, DATA, kgqa

from .test_answer_document import QUESTIONS

COPIES = 6


class RowCountingStore:
    """A real store that also counts the rows of each SELECT run without DISTINCT (the repeats)."""

    def __init__(self, inner):
        self.inner, self.rows = inner, 0

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def select(self, query, bindings=None):
        self.rows += len(self.inner.select(re.sub(r"\bDISTINCT\b", "", query), bindings))
        return self.inner.select(query, bindings)


def syndicated(path, copies: int) -> EmbeddedStore:
    """qa-geneva.trig's two reports, each under `copies` ids (documents, passages and ids renamed)."""
    text = (DATA / "graphs" / "qa-geneva.trig").read_text(encoding="utf-8")
    st = EmbeddedStore(str(path))
    for i in range(copies):
        st.load(re.sub(r"geneva-([ab])\b", rf"geneva-\1-copy{i}", text).encode(), "application/trig")
    return st


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    root = tmp_path_factory.mktemp("syndicated")
    made = {n: RowCountingStore(syndicated(root / f"store{n}", n)) for n in (1, COPIES)}
    yield made
    for st in made.values():
        st.inner.close()


def test_linking_index_linear_in_copies(stores):
    for st in stores.values():
        st.rows = 0
        linking.Index(st)
    assert 0 < stores[COPIES].rows <= COPIES * stores[1].rows


@pytest.mark.parametrize("question", QUESTIONS)
def test_linking_question_queries_linear_in_copies(stores, question):
    for st in stores.values():
        kgqa(st).ask(question, link_root=BASE)  # the name index first, so only the question counts
        st.rows = 0
        kgqa(st).ask(question, link_root=BASE)
    assert 0 < stores[COPIES].rows <= COPIES * stores[1].rows


def test_linking_syndicated_ask_answers(tmp_path):
    st = syndicated(tmp_path / "store", 40)
    try:
        client = create_app({"TESTING": True}, kgqa=kgqa(st)).test_client()
        response = client.get("/ask", query_string={"q": "What did Putin rule out?"})
        assert response.status_code == 200, response.get_json()
        assert response.get_json()["answers"]
    finally:
        st.close()
