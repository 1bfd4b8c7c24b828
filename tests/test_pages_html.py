"""The pages for people, through the test client: which clients get HTML and which keep JSON (byte for
byte), the home page's box and examples, the source page's marking, the actor index's bounds."""
from __future__ import annotations

import re
from html import unescape

import pytest

from service.web.sources import marked
from tests.browser import BROWSER_ACCEPT

QUESTION = "Who proposed what at the UN meeting?"
HTML = {"Accept": BROWSER_ACCEPT}


@pytest.mark.parametrize("headers", [{}, {"Accept": "*/*"}, {"Accept": "application/json"},
                                     {"Accept": "application/json, text/html"}, {"Accept": "text/html;q=0.5, */*"}])
def test_pages_ask_keeps_the_json_document_for_programs(seeded_client, headers):
    plain = seeded_client.get("/ask", query_string={"q": QUESTION})
    response = seeded_client.get("/ask", query_string={"q": QUESTION}, headers=headers)
    assert response.mimetype == "application/json" and response.data == plain.data
    assert response.get_json()["answers"][0]["provenance"][0]["link"].startswith("http://localhost/sources/")


def test_pages_ask_is_a_page_for_a_browser(seeded_client):
    response = seeded_client.get("/ask", query_string={"q": QUESTION}, headers=HTML)
    document = seeded_client.get("/ask", query_string={"q": QUESTION}).get_json()
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and response.mimetype == "text/html" and "Accept" in response.headers["Vary"]
    for answer in document["answers"]:
        for p in answer["provenance"]:
            span = f'{p["start"]},{p["end"]}'
            assert f'href="/sources/{p["source"]["id"]}?char={span}#char={span}"' in page
    assert page.count('<article class="answer"') == len(document["answers"])


@pytest.mark.parametrize("path", ["/sources", "/questions", "/actors"])
def test_pages_listings_are_json_unless_a_browser_asks(seeded_client, path):
    assert seeded_client.get(path).mimetype == "application/json"
    assert seeded_client.get(path, headers=HTML).mimetype == "text/html"


def test_pages_home_has_the_box_and_the_documents(seeded_client):
    page = seeded_client.get("/", headers=HTML).get_data(as_text=True)
    assert re.search(r'<form class="ask" method="get" action="/ask"', page) and 'name="q"' in page
    for source in seeded_client.get("/sources").get_json()["sources"]:
        assert f'href="/sources/{source["id"]}"' in page


def test_pages_home_examples_are_questions_kgqa_reads(seeded_client):
    page = seeded_client.get("/").get_data(as_text=True)
    examples = re.findall(r'<li><a href="(/ask\?q=[^"]+)">', page)
    assert len(examples) >= 6
    for href in examples:
        assert seeded_client.get(unescape(href)).status_code == 200, href


def test_pages_unsupported_question_is_a_422_page_with_working_suggestions(seeded_client):
    response = seeded_client.get("/ask", query_string={"q": "Tell me a joke about the weather"}, headers=HTML)
    assert response.status_code == 422 and response.mimetype == "text/html"
    links = re.findall(r'href="(/ask\?q=[^"]+)"', response.get_data(as_text=True))
    assert len(links) >= 3 and all(seeded_client.get(unescape(h)).status_code == 200 for h in links)


@pytest.mark.parametrize("cited, expected", [
    ((2, 4), 'ab<span class="cited" id="cited" aria-current="true" tabindex="-1">cd</span>ef'),
    ((1, 5), 'a<span class="cited" id="cited" aria-current="true" tabindex="-1">b<mark class="ev" tabindex="0" '
             'data-spans="2,4"><a class="passage" id="char=2,4"></a>cd</mark>e</span>f'),
    ((3, 6), 'ab<mark class="ev" tabindex="0" data-spans="2,4"><a class="passage" id="char=2,4"></a>c</mark>'
             '<span class="cited" id="cited" aria-current="true" tabindex="-1"><mark class="ev" tabindex="0" '
             'data-spans="2,4">d</mark>ef</span>'),
])
def test_pages_source_marks_the_cited_span_in_one_element(cited, expected):
    text = "abcdef"
    html = str(marked(text, [(2, 4)] if cited != (2, 4) else [], cited=cited))
    assert html == expected


def test_pages_source_greys_what_is_outside_the_body():
    html = str(marked("menu\nstory\nfooter", [(5, 10)], body=[(5, 11)]))
    assert html == ('<span class="boiler">menu\n</span><mark class="ev" tabindex="0" data-spans="5,10">'
                    '<a class="passage" id="char=5,10"></a>story</mark>\n<span class="boiler">footer</span>')


@pytest.mark.parametrize("char", ["5,2", "x", "1,999999", "-1,3"])
def test_pages_source_names_a_bad_char_range(seeded_client, char):
    response = seeded_client.get("/sources/putin-and-obama-summit", query_string={"char": char}, headers=HTML)
    assert response.status_code == 200 and 'aria-current="true"' not in response.get_data(as_text=True)
    assert f"char={char}" in response.get_data(as_text=True)


def test_pages_actor_index_pages_and_filters(seeded_client):
    first = seeded_client.get("/actors", query_string={"kind": "Person"}).get_json()
    assert first["page"] == 1 and first["actors"] and all("Person" in a["kinds"] for a in first["actors"])
    found = seeded_client.get("/actors", query_string={"q": "PUTIN"}).get_json()["actors"]
    assert found and all("putin" in a["label"].lower() for a in found)


@pytest.mark.parametrize("query", [{"kind": "Planet"}, {"page": "two"}, {"q": "x" * 201}])
def test_pages_actor_index_refuses_bad_parameters(seeded_client, query):
    response = seeded_client.get("/actors", query_string=query)
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "bad_request"


def test_pages_actor_page_lists_meetings_and_draws_links(seeded_client):
    page = seeded_client.get("/entities/actor-vladimir-putin", headers=HTML).get_data(as_text=True)
    assert "<h2>Meetings</h2>" in page and '<svg class="ego"' in page
    assert re.search(r'<a href="/entities/actor-barack-obama"><title>', page)


def test_pages_answer_shows_conflicting_reports_as_conflicts(qa_client):
    question = {"q": "How long did Biden and Putin meet?"}
    document = qa_client.get("/ask", query_string=question).get_json()
    conflict = document["answers"][0]["conflicts"][0]
    page = qa_client.get("/ask", query_string=question, headers=HTML).get_data(as_text=True)
    shown = re.search(r'<div class="conflict" role="note">(.*?)</div>', page, re.S).group(1)
    outlets = {p["source"]["id"]: p["source"]["publisher"] for p in document["answers"][0]["provenance"]}
    for value in conflict["values"]:
        assert unescape(value["text"]) in unescape(shown)
        assert all(outlets[s] in unescape(shown) for s in value["sources"])


@pytest.mark.parametrize("path, status", [("/sources/no-such-doc", 404), ("/entities/no-such-thing", 404),
                                          ("/actors?kind=Planet", 400)])
def test_pages_errors_are_pages_for_a_browser_and_json_for_programs(seeded_client, path, status):
    page = seeded_client.get(path, headers=HTML)
    assert page.status_code == status and page.mimetype == "text/html" and "<h1>" in page.get_data(as_text=True)
    for headers in ({}, {"Accept": "*/*"}):
        response = seeded_client.get(path, headers=headers)
        assert response.status_code == status and response.get_json()["error"]["code"]
