"""Paraphrase suite: three or more phrasings per template, all answered alike (hand-written graph)."""
from __future__ import annotations

import pytest

from tests.support import kgqa

E = "http://kgqa.test/entities/"
S = "http://kgqa.test/sources/"
SUITE = {
    ("meetings", (E + "meeting-geneva",)): [
        "Who met Putin?", "who met with putin", "Whom did Biden meet?", "Who did Biden meet at the Geneva summit?",
        "Who took part in the meeting at the Geneva summit?", "Did Biden meet Putin?", "WHO MET VLADIMIR PUTIN"],
    ("meeting_details", (E + "meeting-geneva",)): [
        "When and where did Biden and Putin meet?", "How long did Biden and Putin meet?",
        "Where did Putin meet Biden?", "How long was the meeting between Biden and Putin?",
        "When was the Biden-Putin meeting?"],
    ("proposals", (E + "proposal-ambassadors", E + "proposal-dialogue")): [
        "Who proposed what at the Geneva summit?", "What was proposed at the Geneva meeting?",
        "Which proposals were made at the US-Russia summit?", "who suggested what at the geneva summit"],
    ("proposals", (E + "proposal-ambassadors",)): [
        "What did Putin propose?", "What has Putin suggested?", "Which proposals did Russia make?",
        "What did Vladimir Putin offer?", "what were putin's proposals"],
    ("positions", (E + "concern-nato",)): [
        "What does Moscow fear?", "What is the Kremlin worried about?", "What does Russia fear?",
        "What are the Kremlin's concerns?", "what is moscow afraid of"],
    ("positions", (E + "denial-withdrawal",)): [
        "What did Putin rule out?", "What has Vladimir Putin ruled out?", "What did Putin reject?"],
    ("positions", (E + "accusation-elections",)): [
        "What did Russia accuse the United States of?", "Who accused the US?", "Who did Russia accuse?",
        "Who has accused Washington?"],
    ("positions", (E + "commitment-minsk",)): [
        "What is Germany committed to?", "What has Germany committed to?", "What did Germany pledge?"],
    ("statements", (E + "statement-blinken",)): [
        "What did Blinken tell Lavrov?", "What did Antony Blinken say to Sergei Lavrov?",
        "What has the Secretary of State Antony Blinken told Lavrov?", "what did blinken tell lavrov"],
    ("statements", (E + "statement-putin-nato",)): [
        "What did Putin say about NATO?", "What has Putin said about the North Atlantic Treaty Organization?",
        "What did Vladimir Putin say regarding NATO?"],
    ("agreements", (E + "agreement-ambassadors",)): [
        "What did Biden and Putin agree on?", "What have Biden and Putin agreed?",
        "On what did Putin and Biden agree?", "what did joe biden and vladimir putin agree to"],
    ("agreements", (E + "disagreement-ukraine",)): [
        "What do the US and Russia disagree on?", "What did the United States and Russia disagree about?",
        "On what do Russia and the US disagree?"],
    ("position_on", (E + "concern-nato",)): [
        "What is Moscow's position on NATO?", "What does the Kremlin think about NATO?",
        "Where does Moscow stand on NATO?", "Kremlin's view of NATO?"],
    ("roles", (E + "role-lavrov",)): [
        "Who is Sergei Lavrov?", "Lavrov's role?", "What is Lavrov's job?", "What is the role of Sergei Lavrov?",
        "who is lavrov"],
    ("sources", (S + "geneva-a",)): [
        "Which sources mention Lavrov?", "Which articles talk about Sergei Lavrov?", "Where is Lavrov mentioned?",
        "In which documents is Lavrov mentioned?"],
    ("source_says", (E + "commitment-minsk", E + "demand-ceasefire")): [
        "What does the Other Post say about Germany?", "What does the article 'Geneva talks end with an "
        "ambassadors deal' say about Germany?", "What is said about Germany in the Other Post?"],
    ("estimates", (E + "estimate-troops",)): [
        "How many Russian troops are massed near Ukraine?",
        "How many Russian troops are near Ukraine according to Western estimates?",
        "What are the estimates of Russian troops near Ukraine?"],
    ("publishers", (S + "geneva-a",)): [
        "Which news agency reported the return of the ambassadors?", "What outlet reported that the ambassadors "
        "would return?", "Which wire carried the ambassadors' return?"],
    ("publishers", (S + "geneva-b",)): ["Which newspaper reported the jailing of Navalny?"],
    ("actions", (E + "action-working-group",)): [
        "What did Russia establish in Moscow?", "What has Russia established?", "Who established a working group?",
        "What did the Russian Federation establish?"],
}
CASES = [(tid, facts, q) for (tid, facts), qs in SUITE.items() for q in qs]


@pytest.mark.parametrize("template, facts, question", CASES, ids=[c[2] for c in CASES])
def test_answer_paraphrase_same_facts(qa_store, template, facts, question):
    document = kgqa(qa_store).ask(question, link_root="/")
    assert document["template"]["id"] == template
    assert tuple(sorted(a["fact"] for a in document["answers"])) == tuple(sorted(facts))


def test_answer_paraphrase_three_per_template():
    from service.qa.templates import BY_ID

    for tid in BY_ID:
        assert sum(len(qs) for (t, _), qs in SUITE.items() if t == tid) >= 3, tid
