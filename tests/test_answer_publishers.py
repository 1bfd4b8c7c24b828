"""Which outlet reported something ("which news agency reported the ceasefire?"): the publishers of the
documents holding every word of it, each quoted where the words are; never an outlet the report only
quotes, nor one whose report lacks a word. Through the real pipeline, a real store and the question
answerer (reports written for this project: invented people, real countries as settings)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, ask, store_fixture

WIRE = ("Chile and Peru agree harbour truce after night of talks",
        "ARICA, May 6 (Pacific Wire) - Chile and Peru agreed on Monday to a truce over the disputed harbour, "
        "the two delegations said. Tomas Varela, an opposition deputy, told Radio Costa the truce would fail.",
        "Pacific Wire")
DAILY = ("Lima budget passes", "Peru's Congress passed the budget on Monday. Rosa Inca, the finance minister, "
         "said the harbour would reopen in June.", "Lima Daily Ledger")

reports = store_fixture({"wire": WIRE, "daily": DAILY})


@pytest.mark.parametrize("question, said, never", [
    ("Which news agency reported the harbour truce?", "Pacific Wire", "Radio Costa"),
    ("Which newspaper reported the budget?", "Lima Daily Ledger", "Pacific Wire"),
    ("Which outlets reported the Martian invasion?", None, "reported it"),
], ids=["agency-of-the-report", "newspaper-of-the-report", "no-report-holds-the-words"])
def test_answer_publishers_of_the_reports(reports, question, said, never):
    texts = " | ".join(answer_texts(reports, question))
    assert (said is None or said in texts) and never not in texts


def test_answer_publishers_quote_the_words(reports):
    answer = ask(reports, "Which news agency reported the harbour truce?")["answers"][0]
    quote = answer["provenance"][0]["quote"].lower()
    assert "harbour" in quote and "truce" in quote


@pytest.mark.parametrize("change", ["rewritten", "removed", "index-deleted"])
@pytest.mark.parametrize("caught_up", [False, True], ids=["index-stale", "index-caught-up"])
def test_answer_publishers_right_after_the_store_changes(tmp_path, change, caught_up):
    """The word index is a cache of the store: after a report is re-ingested without the words, removed,
    or the index's file deleted, the answers are the store's, whether the index has caught up or not."""
    import os

    from service import iris
    from service.ingest.pipeline import ingest_paths
    from tests.support import extractor, ingested, kgqa

    store = ingested(tmp_path, {"wire": WIRE, "daily": DAILY})
    app = kgqa(store)
    app.doc_words.catch_up()
    question = "Which news agency reported the harbour truce?"
    assert "Pacific Wire" in " ".join(answer_texts(store, question))
    if change == "rewritten":
        (tmp_path / "wire.txt").write_text("Delegations leave Arica\n\nThe delegations left without a word.\n",
                                          encoding="utf-8")
        assert ingest_paths([str(tmp_path)], store, extractor()).documents == 1
    elif change == "removed":
        store.remove_graph(iris.document("http://kgqa.test/", "wire"))
    else:
        os.remove(app.doc_words.path)
    if caught_up:
        app.doc_words.catch_up()
    texts = " ".join(answer_texts(store, question))
    assert ("Pacific Wire" in texts) == (change == "index-deleted")
    store.close()
