"""reports: two outlets' reports of one meeting merge into one answer, but a call and a meeting face to
face are two events, even when neither report gives a date (documents written for this test)."""
from __future__ import annotations

import json

import pytest

from service.ingest.pipeline import ingest_paths
from tests.support import extractor, kgqa

DOCUMENTS = {
    "berlin-wire": ("Example Wire", "2025-03-11",
                    "Macron and Scholz meet in Berlin\n\nEmmanuel Macron and Olaf Scholz met in Berlin on Monday "
                    "for two hours, officials said."),
    "berlin-daily": ("Example Daily", None,
                     "Leaders talk energy\n\nEmmanuel Macron and Olaf Scholz met to discuss energy prices, "
                     "their aides said."),
    "phone-weekly": ("Example Weekly", None,
                     "A quiet channel\n\nEmmanuel Macron and Olaf Scholz spoke by phone about energy prices, "
                     "their aides said."),
}


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for doc, (publisher, published, text) in DOCUMENTS.items():
        (folder / f"{doc}.txt").write_text(text, encoding="utf-8")
        meta = {"id": doc, "title": text.split("\n")[0], "publisher": publisher}
        (folder / f"{doc}.json").write_text(json.dumps(meta | ({"published": published} if published else {})))
    app = kgqa(fresh=True, STORE=str(folder / "store"))
    report = ingest_paths([str(folder)], app.store, extractor())
    assert not report.errors and report.documents == 3
    return app.ask("Did Emmanuel Macron and Olaf Scholz meet?", link_root="/")["answers"]


def _documents(answer: dict) -> set[str]:
    return {p["source"]["id"] for p in answer["provenance"]}


def test_reports_meeting_face_to_face_merged_across_outlets(answers):
    assert {"berlin-wire", "berlin-daily"} in [_documents(a) for a in answers]


def test_reports_call_kept_apart_and_marked_remote(answers):
    [call] = [a for a in answers if "phone-weekly" in _documents(a)]
    assert _documents(call) == {"phone-weekly"} and call["values"].get("remote") is True
    assert "remotely" in call["text"]
