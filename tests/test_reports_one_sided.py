"""reports: two outlets' meetings that name one participant only ("X attended a meeting") are two answers,
never one event credited to both (documents written for this test)."""
from __future__ import annotations

import json

import pytest

from service.ingest.pipeline import ingest_paths
from tests.support import extractor, kgqa

DOCUMENTS = {
    "energy-wire": ("Example Wire",
                    "Energy first\n\nEmmanuel Macron attended a meeting about energy prices, aides said."),
    "farm-daily": ("Example Daily", "Farm aid\n\nEmmanuel Macron attended a meeting on farm subsidies, aides said."),
}


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("one-sided")
    for doc, (publisher, text) in DOCUMENTS.items():
        (folder / f"{doc}.txt").write_text(text, encoding="utf-8")
        (folder / f"{doc}.json").write_text(json.dumps({"id": doc, "title": text.split("\n")[0],
                                                        "publisher": publisher}))
    app = kgqa(fresh=True, STORE=str(folder / "store"))
    report = ingest_paths([str(folder)], app.store, extractor())
    assert not report.errors and report.documents == 2
    return app.ask("Who did Emmanuel Macron meet?", link_root="/")["answers"]


def test_reports_one_sided_meetings_kept_apart(answers):
    sources = sorted(sorted({p["source"]["id"] for p in a["provenance"]}) for a in answers)
    assert sources == [["energy-wire"], ["farm-daily"]]
