"""pipeline: ingest files into the store; idempotent; unchanged documents skipped; bad ones reported."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from service.cli import main
from service.ingest.pipeline import IngestReport, ingest_paths
from tests.support import extractor

DATA = Path(__file__).parent / "data"
BASE = "http://kgqa.test/"


def _settings():
    return extractor()


def test_pipeline_ingest_twice_gives_the_same_triples(store):
    first = ingest_paths([str(DATA / "seeds")], store, _settings())
    dump = set(store.dump("application/n-quads").decode().splitlines())
    again = ingest_paths([str(DATA / "seeds")], store, _settings(), force=True)
    assert first.documents == again.documents == 2 and first.triples == again.triples
    assert set(store.dump("application/n-quads").decode().splitlines()) == dump


def test_pipeline_skips_unchanged_documents(store, tmp_path):
    doc = tmp_path / "talks.txt"
    doc.write_text("Obama met Putin in New York on Monday.", encoding="utf-8")
    assert ingest_paths([str(tmp_path)], store, _settings()).documents == 1
    skipped = ingest_paths([str(tmp_path)], store, _settings())
    assert (skipped.documents, skipped.skipped) == (0, 1)
    doc.write_text("Obama met Putin in New York on Tuesday.", encoding="utf-8")
    assert ingest_paths([str(tmp_path)], store, _settings()).documents == 1


def test_pipeline_bad_document_is_reported_and_skipped(store, tmp_path):
    (tmp_path / "good.txt").write_text("Obama met Putin in New York on Monday.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe broken bytes")
    report = ingest_paths([str(tmp_path)], store, _settings())
    assert report.documents == 1 and len(report.errors) == 1
    name, message = report.errors[0]
    assert "bad.txt" in name and "not UTF-8" in message
    assert "1 error" in report.summary()


def test_pipeline_version_names_package_and_rules():
    version = extractor().version
    assert version.startswith("0.") and len(version.split("/")[1]) == 12


def test_pipeline_summary_is_one_line():
    report = IngestReport(documents=2, facts=30, triples=900, seconds=1.5, skipped=1)
    assert "\n" not in report.summary() and "2 document" in report.summary() and "30 facts" in report.summary()


def test_pipeline_cli_ingest_prints_summary(tmp_path):
    result = CliRunner().invoke(main, ["ingest", "--store", str(tmp_path / "store"), str(DATA / "articles")])
    assert result.exit_code == 0, result.output
    assert "ingested 6 document(s)" in result.output and "triples" in result.output


def test_pipeline_cli_ingest_fails_on_bad_document(tmp_path):
    (tmp_path / "bad.jsonl").write_text("{nope\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--store", str(tmp_path / "store"), str(tmp_path)])
    assert result.exit_code == 1 and "bad.jsonl:1" in result.output


@pytest.mark.parametrize("chunk", [1, 3], ids=["one document per job", "three per job"])
def test_pipeline_processes_give_the_same_graph(tmp_path, monkeypatch, chunk):
    from service.ingest import workers
    from service.store.embedded import EmbeddedStore

    monkeypatch.setattr(workers, "CHUNK_DOCS", chunk)  # 8 articles: jobs of 3, 3 and 2 documents
    dumps = []
    for n in (1, 2):
        with EmbeddedStore(str(tmp_path / f"store{n}")) as st:
            ingest_paths([str(DATA / "articles")], st, extractor(BASE_IRI=BASE, INGEST_PROCESSES=n))
            dumps.append(set(st.dump("application/n-quads").decode().splitlines()))
    assert dumps[0] == dumps[1]


def test_pipeline_extraction_failure_is_reported_and_others_ingested(store, tmp_path):
    def fragile(doc, resolver, document, lex):
        if document.id == "fragile":
            raise ValueError("a rule broke")
        return []

    (tmp_path / "fragile.txt").write_text("Obama met Putin in New York on Monday.", encoding="utf-8")
    (tmp_path / "sound.txt").write_text("Secretary of State John Kerry flew to Geneva.", encoding="utf-8")
    report = ingest_paths([str(tmp_path)], store, extractor(facts_stage=fragile))
    assert report.documents == 1 and report.facts == 1  # the role fact of the sound document
    assert report.errors == [(str(tmp_path / "fragile.txt"), "extraction failed (ValueError: a rule broke)")]


def test_pipeline_ingest_remints_under_a_new_base(store):
    """A server moved to another address (make serve PORT=...) re-mints its IRIs: the base IRI is part
    of the skip key, and the graph under the old base goes."""
    from service.read.sources import list_sources

    folder = DATA / "articles"
    first = ingest_paths([str(folder / "summit-wire-a.txt")], store, extractor(BASE_IRI="http://a.test:8000/"))
    again = ingest_paths([str(folder / "summit-wire-a.txt")], store, extractor(BASE_IRI="http://a.test:8000/"))
    moved = ingest_paths([str(folder / "summit-wire-a.txt")], store, extractor(BASE_IRI="http://a.test:9000/"))
    assert (first.documents, again.skipped, moved.documents) == (1, 1, 1)
    assert [m["iri"] for m in list_sources(store)] == ["http://a.test:9000/sources/summit-wire-a"]
    assert not store.ask("ASK { ?s ?p ?o FILTER(STRSTARTS(STR(?s), 'http://a.test:8000/')) }")
