"""read: .txt with sidecar, .html (main text), .jsonl; ids; folders; bad documents named."""
from pathlib import Path

import pytest

from service.errors import DocumentError
from service.ingest.read import find_files, read_file

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"


def test_read_txt_with_sidecar():
    doc, = read_file(DATA / "seeds" / "why-obama-and-putin-are-tied-to-each-other.txt")
    assert (doc.id, doc.publisher, doc.author) == ("why-obama-and-putin-are-tied-to-each-other",
                                                   "The Moscow Times", "Vladimir Frolov")
    assert doc.text == (DATA / "seeds" / "why-obama-and-putin-are-tied-to-each-other.txt").read_text("utf-8")


def test_read_id_defaults_to_slug(tmp_path):
    path = tmp_path / "Talks Resume In Vienna!.txt"
    path.write_text("Envoys resumed talks in Vienna on Tuesday.", encoding="utf-8")
    doc, = read_file(path)
    assert doc.id == "talks-resume-in-vienna" and doc.published is None


def test_read_html_main_text_and_page_metadata():
    doc, = read_file(ARTICLES / "embassy-page.html")
    assert "Enrique Mora" in doc.text and "Subscribe" not in doc.text and "Home" not in doc.text
    assert (doc.title, doc.publisher, doc.published) == ("Envoys Resume Talks in Vienna", "Example Times",
                                                        "2021-04-06")
    assert "\n\n" in doc.text  # one paragraph per block


def test_read_jsonl_documents_and_default_ids():
    docs = list(read_file(ARTICLES / "two-feeds.jsonl"))
    assert [d.id for d in docs] == ["feed-talks", "two-feeds-2"]
    assert docs[0].published == "2016-02-14" and docs[1].origin.endswith("two-feeds.jsonl:2")


def test_read_jsonl_bad_line_is_named_and_others_kept(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Obama met Putin."}\n{not json\n{"title": "no text"}\n', encoding="utf-8")
    items = list(read_file(path))
    assert items[0].id == "feed-1"
    assert [str(i.message).split(": ")[0] for i in items[1:]] == [f"{path}:2", f"{path}:3"]
    assert all(isinstance(i, DocumentError) for i in items[1:])


@pytest.mark.parametrize("name, content, sidecar, problem", [
    ("latin.txt", "Caf\xe9 talks".encode("latin-1"), None, "not UTF-8"),
    ("broken.txt", b"Obama met Putin.", "{oops", "invalid JSON"),
    ("dated.txt", b"Obama met Putin.", '{"published": "last Monday"}', "not an ISO 8601 date"),
    ("empty.txt", b"  \n\n ", None, "no text"),
])
def test_read_bad_document_raises_naming_it(tmp_path, name, content, sidecar, problem):
    path = tmp_path / name
    path.write_bytes(content)
    if sidecar:
        path.with_suffix(".json").write_text(sidecar, encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        list(read_file(path))
    assert name.split(".")[0] in err.value.message and problem in err.value.message


def test_read_folders_recursively_without_sidecars_or_readme(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "a.json", "README.md", "readme.txt", "sub/b.html", "sub/c.jsonl", "sub/d.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in find_files([str(tmp_path)])] == \
        ["a.txt", "sub/b.html", "sub/c.jsonl"]


@pytest.mark.parametrize("given, doc_id", [
    ("Report_2015.v2", "Report_2015.v2"), ("a report/with spaces", "a-report-with-spaces"),
])
def test_read_given_ids_kept_when_safe(tmp_path, given, doc_id):
    path = tmp_path / "doc.txt"
    path.write_text("Obama met Putin.", encoding="utf-8")
    path.with_suffix(".json").write_text(f'{{"id": "{given}"}}', encoding="utf-8")
    assert next(read_file(path)).id == doc_id
