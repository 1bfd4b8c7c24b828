
"""The HTML page of an entity, for people: its label, links to the entities it names, and for a fact
each evidence quote linked to the exact characters of its source."""
import re
from html import unescape

import pytest
from pyoxigraph import NamedNode

from service.vocab import PREFIXES
from service.web import kgqa_of

PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
CITE = re.compile(r'<blockquote>(.*?)</blockquote>\s*<p class="cite">— <a href="/sources/([^"#]+)#char=(\d+),(\d+)">',
                  re.S)


def page(client, iri: str) -> str:
    response = client.get("/entities/" + iri.rsplit("/", 1)[1], headers={"Accept": "text/html"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    return response.get_data(as_text=True)


def facts(client) -> list[str]:
    rows = kgqa_of(client.application).store.select(
        PREFIX + "SELECT DISTINCT ?f WHERE { ?f a kg:Fact ; kg:evidence ?p } ORDER BY ?f LIMIT 5")
    if not rows:
        pytest.skip("no fact in this graph")
    return [r["f"].value for r in rows]


def test_entities_html_quotes_are_the_sources_characters(graph_client):
    for fact in facts(graph_client):
        cites = CITE.findall(page(graph_client, fact))
        assert cites, fact
        for quote, doc_id, start, end in cites:
            text = graph_client.get(f"/sources/{doc_id}", headers={"Accept": "text/plain"}).get_data(as_text=True)
            assert unescape(quote) == text[int(start):int(end)]


def test_entities_html_links_every_named_entity(graph_client):
    for fact in facts(graph_client):
        html = page(graph_client, fact)
        rows = kgqa_of(graph_client.application).store.select(
            "SELECT DISTINCT ?f ?o WHERE { ?f ?p ?o FILTER(isIRI(?o) && CONTAINS(STR(?o), '/entities/')) }",
            {"f": NamedNode(fact)})
        for row in rows:
            assert f'href="/entities/{row["o"].value.rsplit("/", 1)[1]}"' in html


@pytest.mark.parametrize("local,shown", [
    ("actor-vladimir-putin", ["<h1>Vladimir Putin</h1>", "kg:Person", 'href="/entities/proposal-bbb"',
                              "Mentioned 2 times", 'href="/sources/summit-a"']),
    ("proposal-bbb", ["<h1>Proposal: a new United Nations", 'href="/entities/actor-vladimir-putin">Vladimir Putin',
                      'href="/sources/summit-b#char=0,129"', "A resolution on the Islamic State"]),
    ("occasion-un-general-assembly", ["<h1>UN General Assembly</h1>", 'href="/entities/meeting-aaa"']),
])
def test_entities_html_shows_label_kind_and_links(summits_client, local, shown):
    html = summits_client.get(f"/entities/{local}", headers={"Accept": "text/html"}).get_data(as_text=True)
    for piece in shown:
        assert piece in html
