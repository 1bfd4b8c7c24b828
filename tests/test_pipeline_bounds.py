"""pipeline: a document longer than spaCy's max_length is ingested whole, its offsets into the text as
given; two different files whose names slug alike never replace each other."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from service.cli import main
from service.ingest.pipeline import ingest_paths
from service.read import sources as sources_mod
from tests.support import extractor

BASE = "http://kgqa.test/"
FIRST = "Obama met Putin in New York on Monday."
LAST = "Merkel met Hollande in Paris on Friday."


def _settings():
    return extractor()


def _long_text(gap: int) -> str:
    """One paragraph past spaCy's 1,000,000-character bound: two sentences and a long run of spaces
    between them (cheap to parse, and the second sentence's offsets lie past the bound)."""
    return FIRST + " " * gap + LAST + "\n"


def test_pipeline_long_document_is_ingested_with_its_neighbours(store, tmp_path):
    (tmp_path / "long.txt").write_text(_long_text(1_000_100), encoding="utf-8")
    (tmp_path / "short.txt").write_text(FIRST, encoding="utf-8")
    report = ingest_paths([str(tmp_path)], store, _settings())
    assert report.errors == [] and report.documents == 2


def test_pipeline_long_document_offsets_index_the_text_as_given(store, tmp_path):
    text = _long_text(1_000_100)
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    ingest_paths([str(tmp_path)], store, _settings())
    assert sources_mod.text(store, "long") == text
    spans = sources_mod.passages(store, "long")
    late = [(s, e) for s, e, _ in spans if s > 1_000_000]
    assert late and all(text[s:e].startswith("Merkel met Hollande") and text[s:e] in LAST for s, e in late)


@pytest.mark.parametrize("first,second", [("Talks Report.txt", "talks-report.txt"),
                                          ("talks_report.txt", "Talks-Report.txt")])
def test_pipeline_slug_collision_in_later_ingest_is_refused(store, tmp_path, first, second):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    (tmp_path / "a" / first).write_text(FIRST, encoding="utf-8")
    (tmp_path / "b" / second).write_text(LAST, encoding="utf-8")
    assert ingest_paths([str(tmp_path / "a")], store, _settings()).documents == 1
    report = ingest_paths([str(tmp_path / "b")], store, _settings())
    assert report.documents == 0 and len(report.errors) == 1
    name, message = report.errors[0]
    assert second in name and "talks-report" in message and first in message
    assert sources_mod.text(store, "talks-report") == FIRST


def test_pipeline_slug_collision_in_one_ingest_is_refused(store, tmp_path):
    (tmp_path / "Talks Report.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "talks-report.txt").write_text(LAST, encoding="utf-8")
    report = ingest_paths([str(tmp_path)], store, _settings())
    assert report.documents == 1 and len(report.errors) == 1 and "talks-report" in report.errors[0][1]


def test_pipeline_same_file_changed_still_replaces(store, tmp_path):
    doc = tmp_path / "Talks Report.txt"
    doc.write_text(FIRST, encoding="utf-8")
    ingest_paths([str(tmp_path)], store, _settings())
    doc.write_text(LAST, encoding="utf-8")
    report = ingest_paths([str(tmp_path)], store, _settings())
    assert report.errors == [] and sources_mod.text(store, "talks-report") == LAST


def test_pipeline_given_id_replaces_whatever_holds_it(store, tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    (tmp_path / "a" / "talks-report.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b" / "other.jsonl").write_text(json.dumps({"id": "talks-report", "text": LAST}) + "\n",
                                                 encoding="utf-8")
    ingest_paths([str(tmp_path / "a")], store, _settings())
    report = ingest_paths([str(tmp_path / "b")], store, _settings())
    assert report.errors == [] and sources_mod.text(store, "talks-report") == LAST


def test_pipeline_cli_names_the_colliding_file(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    (tmp_path / "a" / "Talks Report.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b" / "talks-report.txt").write_text(LAST, encoding="utf-8")
    store = str(tmp_path / "store")
    assert CliRunner().invoke(main, ["ingest", "--store", store, str(tmp_path / "a")]).exit_code == 0
    result = CliRunner().invoke(main, ["ingest", "--store", store, str(tmp_path / "b")])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("kgqa: error:")]
    assert len(errors) == 1 and str(Path(tmp_path / "b" / "talks-report.txt")) in errors[0]


@pytest.mark.parametrize("piece,limit", [("ab cd\nef. gh ij", 6), ("x" * 25, 10), ("one two three", 100)])
def test_nlp_long_piece_parts_join_back_within_the_bound(piece, limit):
    from service.ingest.nlp import bounded

    parts = bounded(piece, limit)
    assert "".join(parts) == piece and all(0 < len(p) <= limit for p in parts)
