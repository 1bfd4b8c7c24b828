"""A question's topic ("warn about the dam bill") found half in a fact's own passage ("water bills") and
the rest in its report's headline ("... passes dam repair bill"): the report's topic is the fact's; never
a fact whose passage names none of it, nor one in a report headed otherwise. Through the real pipeline,
a real store and the question answerer (text written for the project). "Who warned that ...": the
words of the question likewise, when three in four are there and half in the fact's own passage."""
from __future__ import annotations

from tests.support import kgqa, store_fixture

ARTICLES = {
    "dam-vote": ("Senate passes dam repair bill as Holt warns of water cuts",
                 "The Senate passed the dam repair bill 52-48 on Tuesday. Senator Ann Holt warned that farm "
                 "water bills in Idaho could double within two years. Holt also warned that rents in Boise "
                 "would keep climbing."),
    "boise-tour": ("Holt tours Boise shelters",
                   "Senator Ann Holt visited two shelters in Boise on Friday. She warned that phone bills "
                   "for rural families would rise."),
    "fish-talks": ("Oslo fishing talks stall over quotas",
                   "Norway, Iceland and Denmark warned in a joint statement that a long stalemate could empty "
                   "the northern fisheries."),
}


reports = store_fixture(ARTICLES)


def test_answer_headline_topic(reports):
    texts = [a["text"] for a in kgqa(reports).ask("What did Ann Holt warn about the dam bill?",
                                                  link_root="/")["answers"]]
    assert any("could double" in t for t in texts), texts
    assert not any("rents" in t or "phone bills" in t for t in texts), texts


def test_answer_headline_words_of_who_said(reports):
    ask = kgqa(reports).ask
    texts = [a["text"] for a in ask("Who warned that a stalemate in the Oslo talks could empty the fisheries?",
                                    link_root="/")["answers"]]
    assert any("empty the northern fisheries" in t for t in texts), texts
    texts = [a["text"] for a in ask("Who warned that the Oslo talks could collapse over quotas?",
                                    link_root="/")["answers"]]
    assert not any("fisheries" in t for t in texts), texts
