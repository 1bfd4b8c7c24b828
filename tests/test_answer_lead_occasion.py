"""A meeting asked about at an occasion no fact records ("at the Andean summit") is found when the report's
opening paragraphs name the occasion and the meeting is dated in the days before the report (its news);
a meeting of another year is not, nor is an occasion the lead does not name. "the Peru-Chile trade talks"
names the two sides. Through the real pipeline, a real store and the question answerer (text written for
the project)."""
from __future__ import annotations

from tests.support import answer_texts, store_fixture

SUMMIT = ("Andean leaders back a common power grid\n\n"
          "QUITO (Andes Wire) - Andean Community leaders agreed on Sunday to link their power grids by 2030 "
          "at their annual summit.\n\n"
          "Peruvian Energy Minister Rosa Quispe met Colombian envoy Tomas Arango on Saturday, "
          "an aide said.\n\n"
          "Quispe also met Bolivian negotiator Hugo Mamani in 2019, when the grid was first proposed.\n")

TALKS = ("Peru and Chile extend fishing deal\n\n"
         "LIMA (Andes Wire) - Peru and Chile agreed on Monday to extend their fishing arrangement for a year.\n\n"
         "The talks took place at the Torre Tagle palace. They began at noon and lasted six hours.\n")

stores = store_fixture({"summit": SUMMIT, "talks": TALKS}, published="2024-05-06")


def test_meeting_of_the_news_days_at_the_lead_occasion(stores):
    texts = answer_texts(stores, "Who met Rosa Quispe at the Andean Community summit?")
    assert any("Arango" in t for t in texts), texts
    assert not any("Mamani" in t for t in texts), texts


def test_occasion_the_lead_does_not_name(stores):
    assert answer_texts(stores, "Who met Rosa Quispe at the Mercosur summit?") == []


def test_pair_before_the_topic_of_the_talks(stores):
    texts = answer_texts(stores, "How long did the Peru-Chile fishing talks in Lima last?")
    assert any("six hours" in t for t in texts), texts


def test_the_occasion_itself_is_not_a_meeting_at_it(stores):
    texts = answer_texts(stores, "When did the Andean Community summit take place?")
    assert not any("Arango" in t for t in texts), texts
