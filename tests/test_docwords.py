"""qa.docwords: the document word index finds exactly the documents whose lower-cased text holds every
substring of 3 characters or more (as publishers.answers tests them), answers only when level with the
store, and makes itself anew when its file is deleted or corrupt. A real store on disk; texts invented
for these tests (invented people, real cities as settings)."""
from __future__ import annotations

import hashlib
import os

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from service.qa.docwords import DocWords
from service.qa.wordfile import sidecar_path
from service.store.embedded import EmbeddedStore
from service.vocab import KG_NS

DOC = "http://kgqa.test/sources/"
TEXTS = {
    "a": "The Ceasefire held in Genève, said Ana Niño.",
    "b": "A cease-fire was ARRANGED by the envoys; the truce held.",
    "c": "Talks in İzmir ended without a deal on the harbour.",
    "d": "No word of a truce: the Harbour stayed shut, Ana Niño said.",
}
_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_STRING = NamedNode("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString")
_ID = NamedNode("http://purl.org/dc/terms/identifier")
_HASH = NamedNode(KG_NS + "contentHash")


def _write(store: EmbeddedStore, name: str, text: str, hashed: bool = True, published: str = "") -> None:
    doc = NamedNode(DOC + name)
    triples = [(doc, _TYPE, NamedNode(KG_NS + "Document")), (doc, _ID, Literal(name)), (doc, _STRING, Literal(text))]
    if published:
        triples.append((doc, NamedNode("https://schema.org/datePublished"), Literal(published)))
    if hashed:
        triples.append((doc, _HASH, Literal(hashlib.sha256(text.encode()).hexdigest())))
    store.replace_graph(doc, [Quad(s, p, o, doc) for s, p, o in triples])


@pytest.fixture
def texts_store(tmp_path):
    st = EmbeddedStore(str(tmp_path / "store"))
    for name, text in TEXTS.items():
        _write(st, name, text, hashed=name != "d")  # one without a content hash: known by its text
    yield st
    st.close()


@pytest.fixture
def words(texts_store):
    index = DocWords(texts_store, sidecar_path(texts_store))
    index.catch_up()
    yield index
    index.close()


def _found(index: DocWords, subs: list[str]) -> set[str] | None:
    cut = index.documents(subs)
    return None if cut is None else {iri.rsplit("/", 1)[1] for iri in cut.iris()}


@pytest.mark.parametrize("subs", [["ceasefire"], ["cease"], ["genève"], ["niño", "said"], ["harbour"],
                                  ["i̇zmir"], ["arranged", "truce"], ["truce", "ana"], ["zzz"], ["e-f"]])
def test_docwords_cut_as_lower_text(words, subs):
    expected = {name for name, text in TEXTS.items() if all(s in text.lower() for s in subs)}
    assert _found(words, subs) == expected


@pytest.mark.parametrize("subs, kept", [(["ab"], None), (["an", "truce"], {"b", "d"})])
def test_docwords_short_substrings_left_to_the_caller(words, subs, kept):
    assert _found(words, subs) == kept


def test_docwords_cut_as_engine_contains(words, texts_store):
    rows = texts_store.select('PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> '
                              'SELECT ?d WHERE { ?d nif:isString ?t FILTER(CONTAINS(LCASE(?t), "harbour")) }')
    assert _found(words, ["harbour"]) == {r["d"].value.rsplit("/", 1)[1] for r in rows}


@pytest.mark.parametrize("change", ["rewritten", "removed", "added", "unhashed-rewritten"])
def test_docwords_stale_until_caught_up(words, texts_store, change):
    if change == "rewritten":
        _write(texts_store, "a", "The envoys left Geneva.")
    elif change == "removed":
        texts_store.remove_graph(NamedNode(DOC + "a"))
    elif change == "added":
        _write(texts_store, "e", "A ceasefire in Vienna.")
    else:
        _write(texts_store, "d", "A ceasefire, at last.", hashed=False)
    assert words.documents(["ceasefire"]) is None  # not level with the store: the caller scans
    words.catch_up()
    expected = {"a"} | ({"e"} if change == "added" else {"d"} if change.startswith("unhashed") else set())
    assert _found(words, ["ceasefire"]) == (expected - {"a"} if change in ("rewritten", "removed") else expected)


@pytest.mark.parametrize("change, state", [(None, "current"), ("added", "catching up"), ("off", "off")])
def test_docwords_state(texts_store, change, state):
    index = DocWords(texts_store, None if change == "off" else sidecar_path(texts_store))
    index.catch_up()
    if change == "added":
        _write(texts_store, "e", "A ceasefire in Vienna.")
    assert index.state == state
    index.close()


@pytest.mark.parametrize("added", [[], ["e"], ["e", "f"]])
def test_docwords_cut_earliest_first(words, texts_store, added):
    """Documents written by the last build come in its order, those added since merged into it."""
    dates = {"a": "2024-05-07", "b": "2024-05-01", "e": "2024-05-03", "f": "2023-01-01"}
    for name in ("a", "b"):
        _write(texts_store, name, TEXTS[name], published=dates[name])
    words.catch_up()
    for name in added:
        _write(texts_store, name, "The truce and the ceasefire.", published=dates[name])
    words.catch_up()
    order = [iri.rsplit("/", 1)[1] for iri, _ in words.documents(["truce"])]
    assert order == sorted(["b", "d", *added], key=lambda n: (dates.get(n, "9999"), n))


def test_docwords_built_anew_when_much_changed(texts_store, tmp_path, monkeypatch):
    from service.qa import docwords

    monkeypatch.setattr(docwords, "TAIL", 1)
    index = DocWords(texts_store, str(tmp_path / "own.sqlite"))
    assert index.catch_up()["built"]
    for name in ("e", "f"):
        _write(texts_store, name, "A ceasefire in Vienna.")
    assert index.catch_up()["built"] and _found(index, ["ceasefire"]) == {"a", "e", "f"}
    index.close()


@pytest.mark.parametrize("damage", ["deleted", "corrupt"])
def test_docwords_remade_when_its_file_is_lost(words, texts_store, damage):
    path = words.path
    if damage == "deleted":
        os.remove(path)
        assert words.documents(["ceasefire"]) is None
        words.catch_up()
        again = words
    else:
        words.close()
        with open(path, "r+b") as f:
            f.write(b"not a database at all" * 64)
        again = DocWords(texts_store, path)
        assert again.documents(["ceasefire"]) is None
        again.catch_up()
    assert _found(again, ["ceasefire"]) == {"a"} and os.path.exists(path)


def test_docwords_written_by_another_index_checked_again(words, texts_store):
    other = DocWords(texts_store, words.path)
    _write(texts_store, "e", "A ceasefire in Vienna.")
    other.catch_up()
    assert words.documents(["ceasefire"]) is None  # its file changed since it last looked
    words.catch_up()
    assert _found(words, ["ceasefire"]) == {"a", "e"}
    other.close()


@pytest.mark.parametrize("read_only, configured, where", [
    (False, "", "beside"), (True, "", None), (True, "own.sqlite", "own.sqlite"), (False, "off", None)])
def test_docwords_sidecar_path(tmp_path, read_only, configured, where):
    EmbeddedStore(str(tmp_path / "store")).close()
    st = EmbeddedStore(str(tmp_path / "store"), read_only=read_only)
    path = sidecar_path(st, configured)
    assert path == (str(tmp_path / "store") + ".words.sqlite" if where == "beside" else where)
    st.close()


def test_docwords_in_memory_for_a_store_in_memory():
    st = EmbeddedStore(None)
    for name, text in TEXTS.items():
        _write(st, name, text)
    index = DocWords(st, sidecar_path(st))
    assert index.path == ":memory:" and index.catch_up()["built"]
    _write(st, "e", "A ceasefire in Vienna.")
    index.catch_up()
    assert _found(index, ["ceasefire"]) == {"a", "e"}


@pytest.mark.parametrize("written", [False, True], ids=["nothing-written-since", "written-while-it-ran"])
def test_docwords_caught_up_by_a_child_process(texts_store, tmp_path, written, monkeypatch):
    """A server's index is caught up by a child process from a checkpoint; a write since the checkpoint
    is caught up here."""
    index = DocWords(texts_store, str(tmp_path / "own.sqlite"))
    index.apart = True
    assert index.catch_up()["built"]
    _write(texts_store, "e", "A ceasefire in Vienna.")
    if written:
        apart = index._catch_up_apart
        monkeypatch.setattr(index, "_catch_up_apart", lambda: (lambda done: _write(
            texts_store, "f", "A ceasefire in Oslo.") or done)(apart()))
    index.catch_up()
    assert _found(index, ["ceasefire"]) == {"a", "e", *(["f"] if written else [])}
    index.close()
