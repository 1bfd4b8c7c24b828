"""The /sources routes over a document graph written by hand in the ontology's shape."""
import pytest
from pyoxigraph import Literal, Quad

from service import iris, vocab
from tests.support import BASE

TEXT = "Home / Article\n\nDeputy Secretary of\u00a0State Tony Blinken met \u201cfriends\u201d on Monday.\n"
START, END = TEXT.index("Deputy"), TEXT.index(" on Monday")


@pytest.fixture
def doc_client(store, client):
    doc = iris.document(BASE, "doc-1")
    passage = iris.passage(BASE, "doc-1", START, END)
    fact = iris.fact(BASE, "Meeting", "x")
    triples = [
        (doc, vocab.RDF_TYPE, vocab.C_DOCUMENT), (doc, vocab.DCT_IDENTIFIER, Literal("doc-1")),
        (doc, vocab.DCT_TITLE, Literal("A title")), (doc, vocab.NIF_IS_STRING, Literal(TEXT)),
        (doc, vocab.SCHEMA_PUBLISHER, Literal("The Paper")),
        (passage, vocab.NIF_BEGIN, Literal(str(START), datatype=vocab.XSD_INTEGER)),
        (passage, vocab.NIF_END, Literal(str(END), datatype=vocab.XSD_INTEGER)),
        (passage, vocab.NIF_REFERENCE_CONTEXT, doc), (fact, vocab.EVIDENCE, passage),
    ]
    store.replace_graph(doc, [Quad(s, p, o, doc) for s, p, o in triples])
    return client


def test_sources_text_is_exactly_as_ingested(doc_client):
    response = doc_client.get("/sources/doc-1", headers={"Accept": "text/plain"})
    assert response.status_code == 200 and response.mimetype == "text/plain"
    assert response.get_data(as_text=True) == TEXT


@pytest.mark.parametrize("accept", ["application/json", "", "*/*"])
def test_sources_metadata_is_json_by_default(doc_client, accept):
    meta = doc_client.get("/sources/doc-1", headers={"Accept": accept} if accept else {}).get_json()
    assert (meta["id"], meta["title"], meta["publisher"], meta["url"]) == ("doc-1", "A title", "The Paper", None)


def test_sources_html_marks_evidence(doc_client):
    page = doc_client.get("/sources/doc-1", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert (f'<mark class="ev" tabindex="0" data-spans="{START},{END}"><a class="passage" id="char={START},{END}">'
            f'</a>{TEXT[START:END]}</mark>') in page


def test_sources_list(doc_client):
    assert [s["id"] for s in doc_client.get("/sources").get_json()["sources"]] == ["doc-1"]


def test_sources_unacceptable_type_is_406(doc_client):
    response = doc_client.get("/sources/doc-1", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "text/plain" in response.get_json()["error"]["message"]


def test_sources_health_counts_documents(doc_client):
    health = doc_client.get("/healthz").get_json()
    assert health["sources"] == 1 and health["triples"] == 9


def test_sources_html_keeps_an_anchor_per_overlapping_passage():
    from service.web.sources import marked

    html = str(marked("abcdefgh", [(1, 5), (3, 7)]))
    assert html == ('a<mark class="ev" tabindex="0" data-spans="1,5 3,7"><a class="passage" id="char=1,5"></a>bc'
                    '<a class="passage" id="char=3,7"></a>defg</mark>h')


def test_sources_html_escapes_text():
    from service.web.sources import marked

    assert str(marked("<b>&", [(0, 3)])) == ('<mark class="ev" tabindex="0" data-spans="0,3"><a class="passage" '
                                             'id="char=0,3"></a>&lt;b&gt;</mark>&amp;')


@pytest.mark.parametrize("accept", ["text/plain", "application/json", "text/html"])
def test_sources_responses_vary_on_accept(doc_client, accept):
    assert "Accept" in doc_client.get("/sources/doc-1", headers={"Accept": accept}).headers["Vary"]
