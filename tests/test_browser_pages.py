"""The pages in a real browser (Debian's chromium via Playwright) against a real server on loopback,
over the seed articles ingested by the real pipeline: ask in the box, read the answer, follow a
citation to the marked passage, recover from a question kgqa cannot read, all from the keyboard too."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

QUESTION = "Who proposed what at the UN meeting?"
CITATION = re.compile(r"^/sources/([^?#/]+)\?char=(\d+),(\d+)#char=\2,\3$")
IN_VIEW = "e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight }"


def ask(page, url: str, question: str = QUESTION):
    page.goto(url + "/")
    page.get_by_label("Your question").fill(question)
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def test_browser_question_box_shows_answer_cards_with_quotes(page, seeded_url):
    ask(page, seeded_url)
    card = page.locator("article.answer").first
    card.wait_for()
    assert card.locator("h2").inner_text().strip()
    quote = card.locator("ol.citations mark").first.inner_text()
    assert len(quote) > 20
    for href in card.locator("a.citation-link").evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert CITATION.match(href), href


def test_browser_citation_opens_the_passage_marked_and_in_view(page, seeded_url):
    ask(page, seeded_url)
    first = page.locator("article.answer ol.citations li").first
    quote = first.locator("mark").inner_text()
    first.locator("a.citation-link").click()
    page.wait_for_load_state()
    cited = page.locator('[aria-current="true"]')
    assert cited.count() == 1 and "cited" in cited.get_attribute("class")
    assert " ".join(cited.inner_text().split()) == " ".join(quote.split())
    assert cited.evaluate(IN_VIEW)


def test_browser_passage_is_marked_with_script_off(chromium, seeded_url, seeded_client):
    answer = seeded_client.get("/ask", query_string={"q": QUESTION}).get_json()["answers"][0]["provenance"][0]
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{seeded_url}/sources/{answer['source']['id']}?char={answer['start']},{answer['end']}")
        assert page.locator('[aria-current="true"]').inner_text() == answer["quote"]
    finally:
        context.close()


def test_browser_fragment_only_link_marks_the_passage(page, seeded_url, seeded_client):
    answer = seeded_client.get("/ask", query_string={"q": QUESTION}).get_json()["answers"][0]["provenance"][0]
    page.goto(f"{seeded_url}/sources/{answer['source']['id']}#char={answer['start']},{answer['end']}")
    cited = page.locator('[aria-current="true"]')
    cited.wait_for()
    assert cited.inner_text() == answer["quote"] and cited.evaluate(IN_VIEW)


def test_browser_unsupported_question_offers_suggestions_that_work(page, seeded_url):
    response = page.goto(f"{seeded_url}/ask?q={quote('Tell me a joke about the weather')}")
    assert response.status == 422
    links = page.locator("main ul.examples a")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) >= 3
    for n in range(len(hrefs)):
        page.goto(f"{seeded_url}/ask?q={quote('Tell me a joke about the weather')}")
        with page.expect_navigation() as nav:
            page.locator("main ul.examples a").nth(n).click()
        assert nav.value.status == 200, hrefs[n]
        assert page.locator("h1").inner_text().strip()


def test_browser_keyboard_reaches_the_box_and_the_citations(page, seeded_url):
    page.goto(f"{seeded_url}/ask?q={quote(QUESTION)}")
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.id || document.activeElement.className"))
        if "citation-link" in reached and "q" in reached:
            break
    assert {"q", "citation-link"} <= reached, reached
    with page.expect_navigation():
        page.keyboard.press("Enter")  # the focused citation, followed from the keyboard
    assert page.locator('[aria-current="true"]').count() == 1


@pytest.mark.parametrize("how", ["focus", "hover"])
def test_browser_a_passage_shows_the_facts_it_supports(page, seeded_url, how):
    page.goto(f"{seeded_url}/sources/putin-and-obama-summit")
    getattr(page.locator("mark.ev").nth(2), how)()
    links = page.locator("#facts-body a")
    links.first.wait_for()
    assert all(h.startswith("/entities/") for h in links.evaluate_all("ls => ls.map(a => a.getAttribute('href'))"))


@pytest.mark.parametrize("path", ["/", f"/ask?q={quote(QUESTION)}", "/sources/putin-and-obama-summit", "/actors",
                                  "/sources", "/questions"])
def test_browser_pages_fit_a_phone_and_stay_offline(chromium, seeded_url, path):
    context = chromium.new_context(viewport={"width": 375, "height": 740})
    try:
        page = context.new_page()
        asked = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(seeded_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 376
        assert asked and all(u.startswith(seeded_url) for u in asked), asked
        assert page.locator("header.site nav a").all_inner_texts() == ["Ask", "Sources", "Actors", "SPARQL"]
    finally:
        context.close()


def test_browser_actor_page_draws_who_met_whom(page, seeded_url):
    page.goto(f"{seeded_url}/actors?q=putin")
    page.locator("main ul a").first.click()
    page.wait_for_load_state()
    svg = page.locator("svg.ego")
    assert svg.count() == 1 and svg.locator("a").count() >= 1
    assert page.locator("h2", has_text="Meetings").count() == 1


def test_browser_sparql_that_ran_opens_in_the_query_page(page, seeded_url, seeded_client):
    sparql = seeded_client.get("/ask", query_string={"q": QUESTION}).get_json()["sparql"]
    page.goto(f"{seeded_url}/ask?q={quote(QUESTION)}")
    page.locator("details.sparql summary").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Open it in the query page").click()
    assert page.locator("#query").input_value() == sparql
    page.locator("#results table").wait_for()


# WCAG 2 contrast of every element holding text, against the first opaque background behind it.
CONTRAST = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b]
    .map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const bg = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3); } return [255, 255, 255]; };
  const low = [];
  for (const el of document.querySelectorAll("body *")) {
    const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!text || !el.getClientRects().length) continue;
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(el.tagName + "." + el.className + " " + ratio.toFixed(2));
  }
  return low;
}"""
LABELLED = """() => [...document.querySelectorAll("input, select, textarea")]
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute("aria-label")).map(el => el.outerHTML)"""


@pytest.mark.parametrize("path", ["/", f"/ask?q={quote(QUESTION)}", "/ask?q=Tell+me+a+joke",
                                  "/sources/putin-and-obama-summit?char=928,1226", "/actors",
                                  "/entities/actor-vladimir-putin", "/sparql"])
def test_browser_pages_have_labels_and_contrast(page, seeded_url, path):
    page.goto(seeded_url + path)
    assert page.evaluate(LABELLED) == []
    assert page.evaluate(CONTRAST) == []
