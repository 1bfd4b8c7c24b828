"""The answer document: the contract's shape, merged provenance, conflicts, messages, kgqa ask's text."""
from __future__ import annotations

import re

import pytest

from service.qa.answer import for_person
from service.read import sources as sources_mod
from tests.support import kgqa

E = "http://kgqa.test/entities/"
QUESTIONS = ["Who proposed what at the Geneva summit?", "When did Biden and Putin meet?", "What does Moscow fear?",
             "Which sources mention Lavrov?", "Who is Lavrov?", "How many Russian troops are massed near Ukraine?"]


def run(store, question):
    return kgqa(store).ask(question, link_root="http://kgqa.test/")


@pytest.mark.parametrize("question", QUESTIONS)
def test_answer_shape(qa_store, question):
    document = run(qa_store, question)
    assert set(document) >= {"question", "template", "sparql", "answers"}
    assert document["template"]["id"] and isinstance(document["template"]["params"], dict)
    assert document["sparql"].lstrip().startswith("PREFIX") and "SELECT" in document["sparql"]
    assert document["answers"]
    for answer in document["answers"]:
        assert set(answer) >= {"text", "fact", "values", "confidence", "provenance"}
        assert answer["text"].lstrip("\u201c")[0].isupper() and answer["text"].endswith(".")
        assert 0 < answer["confidence"] <= 1 and answer["provenance"]


@pytest.mark.parametrize("question", QUESTIONS)
def test_answer_quotes_are_the_source_text(qa_store, question):
    for answer in run(qa_store, question)["answers"]:
        for p in answer["provenance"]:
            text = sources_mod.text(qa_store, p["source"]["id"])
            assert p["quote"] == text[p["start"]:p["end"]] and p["quote"].strip()
            assert p["link"] == f"http://kgqa.test/sources/{p['source']['id']}#char={p['start']},{p['end']}"
            assert set(p["source"]) >= {"id", "iri", "title", "url", "publisher", "published"}


@pytest.mark.parametrize("question", QUESTIONS)
def test_answer_fact_is_a_graph_subject(qa_store, question):
    for answer in run(qa_store, question)["answers"]:
        assert qa_store.ask(f"ASK {{ <{answer['fact']}> ?p ?o }}")


def test_answer_merged_across_sources(qa_store):
    """The proposal both reports carry is one answer with a passage from each, ranked first."""
    answers = run(qa_store, "Who proposed what at the Geneva summit?")["answers"]
    assert answers[0]["fact"] == E + "proposal-dialogue"
    assert {p["source"]["id"] for p in answers[0]["provenance"]} == {"geneva-a", "geneva-b"}
    assert answers[0]["confidence"] > answers[1]["confidence"]


def test_answer_conflicting_reports_flagged(qa_store):
    answer = run(qa_store, "How long did Biden and Putin meet?")["answers"][0]
    (conflict,) = answer["conflicts"]
    assert conflict["property"] == "duration"
    assert {(v["text"], tuple(v["sources"])) for v in conflict["values"]} == {
        ("more than 90 minutes", ("geneva-a",)), ("94 minutes", ("geneva-b",))}
    assert "more than 90 minutes" in answer["text"] and "94 minutes" in answer["text"]


@pytest.mark.parametrize("question, sentence", [
    ("What did Blinken tell Lavrov?",
     "Antony Blinken told Sergei Lavrov that Washington was ready for talks on Ukraine."),
    ("Who is Lavrov?", "Sergei Lavrov is foreign minister of Russia."),
    ("What did Putin rule out?", "Vladimir Putin ruled out a military withdrawal from the border."),
    ("What is Germany committed to?", "Germany committed to the Minsk agreements."),
    ("What did Russia accuse the US of?", "Russia accused United States of interfering in its elections."),
    ("How many Russian troops are massed near Ukraine?",
     "According to Western estimates, as many as 100,000 Russian troops are massed near Ukraine."),
])
def test_answer_sentence(qa_store, question, sentence):
    assert run(qa_store, question)["answers"][0]["text"] == sentence


@pytest.mark.parametrize("question, message", [
    ("What did Angela Merkel propose?", "No actor named Angela Merkel in the graph."),
    ("Who met at the G20 summit?", "No occasion named the G20 summit in the graph."),
    ("What does the Financial Times article say about Putin?", "No source named the Financial Times article"),
    ("What did Germany propose?", "No facts in the graph answer this"),
    ("What did Lavrov accept?", "No facts in the graph answer this"),
])
def test_answer_empty_with_message(qa_store, question, message):
    document = run(qa_store, question)
    assert document["answers"] == [] and document["message"].startswith(message)


def test_answer_values(qa_store):
    values = run(qa_store, "What did Blinken tell Lavrov?")["answers"][0]["values"]
    assert values["kind"] == "Statement" and values["holder"] == {"iri": E + "actor-blinken", "label": "Antony Blinken"}
    assert values["recipient"]["label"] == "Sergei Lavrov" and values["content"].startswith("that Washington")


def test_answer_for_person(qa_store):
    text = for_person(run(qa_store, "What did Putin rule out?"))
    assert re.search(r"^1\. Vladimir Putin ruled out .+\(confidence 0\.\d+\)$", text, re.M)
    assert "Biden and Putin meet in Geneva (Test Wire, 2021-06-16)" in text
    assert "\u201cPutin ruled out a military withdrawal from the border.\u201d" in text


def test_answer_for_person_message(qa_store):
    assert for_person(run(qa_store, "What did Angela Merkel propose?")) == "No actor named Angela Merkel in the graph."


@pytest.mark.parametrize("question, error", [
    ("x" * 501, "question_too_long"), ("", "bad_request"), ("   ", "bad_request"), (None, "bad_request"),
])
def test_answer_refused(qa_store, question, error):
    from service.errors import KgqaError

    with pytest.raises(KgqaError) as caught:
        run(qa_store, question)
    assert caught.value.code == error and caught.value.status == 400


@pytest.mark.parametrize("question, facts", [
    ("What did Biden say about Putin?", {E + "statement-biden-said"}),  # said, not what he believes
    ("What does Biden believe?", {E + "statement-biden-believes"}),
    ("What does Biden think about Putin?", {E + "statement-biden-said", E + "statement-biden-believes",
                                            E + "criticism-navalny"}),
])
def test_answer_speech_before_belief(qa_store, question, facts):
    assert {a["fact"] for a in run(qa_store, question)["answers"]} == facts
