"""Questions about meetings answer with meetings that took place: one still to come, possible or not held
(kg:status) is never an answer, through the real pipeline, a real store and the HTTP route."""
from __future__ import annotations

import pytest

from service.ingest.pipeline import ingest_paths
from tests.support import extractor

BASE = "http://kgqa.test/"
TEXT = ("Elena Varga met Tomas Brandt in Vienna on Tuesday.\n\n"
        "Elena Varga will meet Piotr Nowak in Warsaw next week.\n\n"
        "Elena Varga did not meet Anna Lindqvist in Stockholm.\n\n"
        "If Elena Varga meets Marco Ferri, the dispute may end.\n")


@pytest.fixture
def status_client(store, client, tmp_path):
    (tmp_path / "visits.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "visits.json").write_text('{"published": "2024-03-06"}', encoding="utf-8")
    assert ingest_paths([str(tmp_path)], store, extractor()).documents == 1
    return client


@pytest.mark.parametrize("question", ["Who did Elena Varga meet?", "Who met Elena Varga?"])
def test_answer_status_only_meetings_that_took_place(status_client, question):
    body = status_client.get("/ask", query_string={"q": question}).get_json()
    said = " ".join(a["text"] for a in body["answers"])
    assert "Tomas Brandt" in said
    assert not any(name in said for name in ("Piotr Nowak", "Anna Lindqvist", "Marco Ferri"))


@pytest.mark.parametrize("other", ["Piotr Nowak", "Anna Lindqvist", "Marco Ferri"])
def test_answer_status_unheld_meeting_is_no_answer(status_client, other):
    body = status_client.get("/ask", query_string={"q": f"When did Elena Varga meet {other}?"}).get_json()
    assert body["answers"] == []


@pytest.mark.parametrize("question, said, unsaid", [
    ("When will Elena Varga and Piotr Nowak meet?", "next week", None),
    ("Where will Elena Varga meet Piotr Nowak again?", "Warsaw", None),
    ("When will Elena Varga meet Tomas Brandt?", None, "Tuesday"),  # held already: not one to come
])
def test_answer_status_when_will_they_meet_is_the_planned_meeting(status_client, question, said, unsaid):
    body = status_client.get("/ask", query_string={"q": question}).get_json()
    texts = " ".join(a["text"] for a in body["answers"])
    assert (said in texts) if said else body["answers"] == []
    assert unsaid is None or unsaid not in texts
