"""Questions understood or honestly refused (issue 14), over a graph written for the project
(tests/data/graphs/harbour.json): for each mechanism, question -> template, parameters, answers' texts."""
from __future__ import annotations

import pytest

from service.web import create_app
from tests.qa_graph import graph_store
from tests.support import kgqa


@pytest.fixture(scope="module")
def harbour(tmp_path_factory):
    st = graph_store(tmp_path_factory.mktemp("harbour"), "harbour")
    yield st
    st.close()


def asked(store, question: str) -> dict:
    return kgqa(store).ask(question, link_root="/")


def shown(document: dict) -> tuple:
    """The template, the labels of its linked parameters, and the answers' texts."""
    params = {k: v["label"] for k, v in document["template"]["params"].items() if isinstance(v, dict)}
    return document["template"]["id"], params, [a["text"] for a in document["answers"]]


CASES = {
    # 1. a verb that names no fact kind selects the facts told with it
    "unknown verb": ("Who submitted the draft treaty?", "actions", {},
                     ["On Monday, 11 March 2024, Elena Varga submitted a draft treaty to the council."]),
    # 2. a bare surname means the fullest name ending with it, not a stub; a determiner is no name
    "surname": ("Who is Brandt?", "roles", {"actor": "Tomas Brandt"}, ["Tomas Brandt is President of Ostland."]),
    "group": ("What did the two leaders disagree on?", "positions", {"kind": "Disagreement"},
              ["Tomas Brandt and Elena Varga disagreed on the role of the navy."]),
    # 3. the question's verb: "reaffirm" is not everything Brandt said
    "own verb": ("What did Brandt reaffirm?", "statements", {"actor": "Tomas Brandt"},
                 ["Tomas Brandt reaffirmed his support for the fisheries pact."]),
    # 6. forms people ask: where/when an event took place, who said it, what A told B
    "when": ("When did the Harbour Forum take place?", "meetings", {"occasion": "Harbour Forum"},
             ["Tomas Brandt and Elena Varga met at the Harbour Forum in Valletta on Monday, 11 March 2024 for "
              "about an hour."]),
    "who said": ("Who said the talks had been frank?", "statements", {},
                 ["Tomas Brandt said the talks had been frank."]),
    "told": ("What did Brandt tell Varga?", "statements", {"actor": "Tomas Brandt", "recipient": "Elena Varga"},
             ["Tomas Brandt told Elena Varga: \u201cI will not sign a deal that hurts our fishermen\u201d"]),
    "how long": ("How long did the Harbour Forum last?", "meetings", {"occasion": "Harbour Forum"},
                 ["Tomas Brandt and Elena Varga met at the Harbour Forum in Valletta on Monday, 11 March 2024 for "
                  "about an hour."]),
    # words asked about are not half-matched into another fact: most of a quote, the object's head noun
    "who said other words": ("Who said the talks were useless?", "statements", {}, []),
    "head noun": ("Who proposed the northern ferry?", "proposals", {}, []),
    # 8. a sentence of the speaker's own ("There is...", "I will...") stays a quotation
    "own words": ("What did Brandt say about a deal?", "statements", {"actor": "Tomas Brandt"},
                  ["Tomas Brandt said: \u201cThere is no deal yet\u201d",
                   "Tomas Brandt told Elena Varga: \u201cI will not sign a deal that hurts our fishermen\u201d"]),
    # 7. one proposal told by two outlets is one answer
    "two outlets": ("What did Varga propose?", "proposals", {"actor": "Elena Varga"},
                    ["Elena Varga proposed a joint patrol of the northern strait."]),
}


@pytest.mark.parametrize("question, template, params, texts", CASES.values(), ids=CASES.keys())
def test_answer_understanding_reads_question(harbour, question, template, params, texts):
    assert shown(asked(harbour, question)) == (template, params, texts)


@pytest.mark.parametrize("question, verdict, texts", [
    ("Did Varga rule out new tariffs?", "no", ["No: Elena Varga did not rule out new tariffs on steel."]),
    ("Did Ostland rule out new tariffs?", "yes", ["Yes: Ostland ruled out new tariffs on steel."]),
    ("Did Brandt rule out new tariffs?", "not_reported", []),  # his country did: no verdict on him
    ("Did Varga propose a joint exercise?", "not_reported", []),  # a joint patrol is not a joint exercise
])
def test_answer_understanding_yes_no_verdict(harbour, question, verdict, texts):
    document = asked(harbour, question)
    assert (document["verdict"], [a["text"] for a in document["answers"]]) == (verdict, texts)


@pytest.fixture(scope="module")
def contrary(tmp_path_factory):
    st = graph_store(tmp_path_factory.mktemp("contrary"), "contrary")
    yield st
    st.close()


@pytest.mark.parametrize("question, verdict, texts", [
    # a rejection of the very thing asked about answers "did they accept / agree to" No
    ("Did Ostland accept snap inspections at the Kerr plant?", "no",
     ["No: Ostland rejected a request for snap inspections at the Kerr plant."]),
    ("Did Ostland agree to snap inspections?", "no",
     ["No: Ostland rejected a request for snap inspections at the Kerr plant."]),
    # what it agreed to is a Yes; a rejection in the same sentence says nothing of cameras
    ("Did Ostland agree to let monitors reinstall cameras?", "yes",
     ["Yes: Ostland agreed to let monitors reinstall cameras at the Dorn workshop."]),
    ("Did Ostland accept cameras?", "not_reported", []),
])
def test_answer_understanding_contrary_kind_answers_no(contrary, question, verdict, texts):
    document = asked(contrary, question)
    assert (document["verdict"], [a["text"] for a in document["answers"]]) == (verdict, texts)


def test_answer_understanding_contrary_answer_keeps_its_values(contrary):
    """The rejection answers No, but it is not a negated fact: its values say what the graph holds."""
    document = asked(contrary, "Did Ostland accept snap inspections at the Kerr plant?")
    assert document["verdict"] == "no" and document["answers"]
    assert not any(a["values"].get("negated") for a in document["answers"])


@pytest.mark.parametrize("question, relaxed, texts", [
    # 4. the proposal lacks the occasion its passage names; a topic with no entity is matched as words
    ("What did Varga propose at the Harbour Forum?", [("occasion", "evidence_text")],
     ["Elena Varga proposed a joint patrol of the northern strait."]),
    ("What did Brandt say about fishing quotas?", [("topic", "words")],
     ["Tomas Brandt warned that fishing quotas must fall."]),
    ("What did Brandt say about submarines?", [("topic", "words")], []),
])
def test_answer_understanding_relaxed_reported(harbour, question, relaxed, texts):
    document = asked(harbour, question)
    assert [(r["param"], r["how"]) for r in document["relaxed"]] == relaxed
    assert all(r["message"] for r in document["relaxed"])
    assert [a["text"] for a in document["answers"]] == texts


def test_answer_understanding_widened_within_document(harbour):
    """5. Varga's country's fear in her own article, said to be widened; its fear in another article, not."""
    document = asked(harbour, "What does Varga fear?")
    assert [(a["text"], a["widened"]["to"]["label"], a["widened"]["scope"]) for a in document["answers"]] == [
        ("Westmark feared that the strait will be closed.", "Westmark", "same document")]


def test_answer_understanding_never_another_event(harbour):
    """5. The leaders agreed nothing; their countries' deal of another article is not their agreement."""
    assert asked(harbour, "What did Varga and Brandt agree on?")["answers"] == []


def test_answer_understanding_conflict_shown(harbour):
    """7. One meeting from two outlets: one answer crediting both, its length shown as a conflict."""
    [answer] = asked(harbour, "How long did Varga and Brandt meet?")["answers"]
    assert answer["text"] == ("Tomas Brandt and Elena Varga met at the Harbour Forum in Valletta on Monday, "
                              "11 March 2024. Reports differ on the duration: about an hour (harbour-a); 75 minutes "
                              "(harbour-b).")
    assert sorted(p["source"]["id"] for p in answer["provenance"]) == ["harbour-a", "harbour-b"]


@pytest.mark.parametrize("question", ["Who submitted the budget?", "What did Brandt say about submarines?",
                                      "What did Varga propose at the Lisbon summit?"])
def test_answer_understanding_message_plain(harbour, question):
    """9. A message for a person: no Python lists, no template ids."""
    message = asked(harbour, question)["message"]
    assert not any(mark in message for mark in ("[", "]", "'", "_"))


@pytest.fixture(scope="module")
def harbour_client(harbour):
    return create_app({"STORE_OBJECT": harbour, "BASE_IRI": "http://kgqa.test/", "TESTING": True}).test_client()


def test_answer_understanding_refusal_suggests_answerable(harbour_client):
    """9. A 422 names what was not understood and suggests questions about the graph's own actors, each
    of which has an answer."""
    response = harbour_client.get("/ask", query_string={"q": "Tariffs steel Varga"})
    body = response.get_json()["error"]
    assert (response.status_code, body["code"]) == (422, "unsupported_question")
    assert "\u201ctariffs\u201d" in body["message"].replace('"', "\u201c", 1).replace('"', "\u201d", 1)
    assert body["questions"]
    for question in body["questions"]:
        assert harbour_client.get("/ask", query_string={"q": question}).get_json()["answers"], question


@pytest.mark.parametrize("actors, shared", [
    (["the Kyrgyz", "Tajik foreign ministers"], ["the Kyrgyz foreign ministers", "Tajik foreign ministers"]),
    (["Chile", "Argentina"], ["Chile", "Argentina"]),
    (["the French", "German leaders"], ["the French leaders", "German leaders"]),
])
def test_answer_understanding_shared_noun(actors, shared):
    """2. 'the Kyrgyz and Tajik foreign ministers' names two actors, each with the noun."""
    from service.qa.lexicon import build
    from service.qa.named import shared_noun
    from tests.support import LEXICONS

    assert shared_noun(actors, LEXICONS.view(build)) == shared


def test_answer_understanding_relaxed_printed(harbour):
    """4. `kgqa ask` says what was relaxed before the answers."""
    from service.qa.answer import for_person

    text = for_person(asked(harbour, "What did Brandt say about fishing quotas?"))
    assert text.splitlines()[0].startswith("Relaxed: Nothing in the graph is named \u201cfishing quotas\u201d")
    assert "warned that fishing quotas must fall" in text


def test_answer_unsourced_estimate_is_the_outlets(tmp_path):
    """A figure the article gives on no one's word is its outlet's, not "Someone estimated"."""
    from tests.support import ingested
    store = ingested(tmp_path, {"toll": "Floods spread\n\nMore than 3,000 families have fled the flooded valley "
                                         "since Monday.\n"})
    try:
        texts = [a["text"] for a in kgqa(store).ask("How many families have fled the valley?",
                                                    link_root="/")["answers"]]
    finally:
        store.close()
    assert texts and not any(t.startswith("Someone") for t in texts) and "3,000" in texts[0]
