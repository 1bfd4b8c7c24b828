"""Slot text -> actors, occasions and sources, by the graph's own names (hand-written graph)."""
from __future__ import annotations

import pytest

from service.qa.spelling import normalize
from tests.support import kgqa

E = "http://kgqa.test/entities/"


@pytest.mark.parametrize("text, actor, how", [
    ("Vladimir Putin", "actor-putin", "exact"),
    ("vladimir putin", "actor-putin", "exact"),
    ("Putin", "actor-putin", "exact"),  # an alias
    ("Tony Blinken", "actor-blinken", "exact"),
    ("the United States", "actor-united-states", "exact"),
    ("U.S.", "actor-united-states", "exact"),
    ("Moscow", "actor-russia-gov", "exact"),  # metonymy: an alias of Russia's government
    ("the Kremlin", "actor-russia-gov", "exact"),
    ("Washington", "actor-us-gov", "exact"),
    ("Moscow's", "actor-russia-gov", "exact"),  # possessive
    ("Navalny", "actor-navalny", "exact"),
    ("Alexei", None, None),
    ("Peskov", "actor-peskov", "exact"),
    ("Kremlin spokesman Dmitry Peskov", "actor-peskov", "title"),  # a title in front
    ("Russian Foreign Minister Sergei Lavrov", "actor-lavrov", "title"),
    ("Sergey Lavrov", "actor-lavrov", "title"),  # another spelling
    ("Lavrow", "actor-lavrov", "fuzzy"),
    ("Washington military planner", "actor-planners", "fuzzy"),
    ("US governmnet", "actor-us-gov", "fuzzy"),  # a typo
    ("the UK government", None, None),  # another word that looks alike is no typo
    ("the Zambian government", None, None),  # a demonym only as written ("russian government")
    ("Dmitry Peskov last", "actor-peskov", "fuzzy"),  # a word the question's parse left in
    ("the foreign minister Sergei Lavrow", "actor-lavrov", "fuzzy"),  # a lower-case title, then the name
    ("the ambassador to Dmitry Peskovv", None, None),  # someone of the name's, not the name
    ("Moscow's generals", "actor-russia-gov", "possessor"),
    ("the Russian foreign minister", "actor-lavrov", "description"),  # by the graph's role facts
    ("the US president", "actor-biden", "description"),
    ("the American president", "actor-biden", "description"),  # a demonym
    ("the Russian leader", "actor-putin", "description"),
    ("Russia's foreign minister", "actor-lavrov", "description"),  # a possessive place
    ("the foreign minister of Russia", "actor-lavrov", "description"),  # the place after "of"
    ("the president of the United States", "actor-biden", "description"),
    ("the Kremlin spokesman", "actor-peskov", "description"),  # the government's role
    ("the German chancellor", None, None),
    ("the spokesman", "actor-peskov", "description"),  # the graph's one spokesman
    ("the president", None, None),  # two presidents: which one, the graph does not say
    ("Angela Merkel", None, None),
    ("the", None, None),
])
def test_linking_actor(qa_store, text, actor, how):
    link = kgqa(qa_store).names.index().actor(text)
    if actor is None:
        assert link is None
    else:
        assert (link.iri, link.how) == (E + actor, how)


@pytest.mark.parametrize("text", ["the Geneva summit", "Geneva summit", "the US-Russia summit",
                                  "the geneva meeting", "Geneva"])
def test_linking_occasion(qa_store, text):
    link = kgqa(qa_store).names.index().occasion(text)
    assert link is not None and link.iri == E + "occasion-geneva-summit"


@pytest.mark.parametrize("text", ["the G20", "Davos"])
def test_linking_occasion_unknown(qa_store, text):
    assert kgqa(qa_store).names.index().occasion(text) is None


@pytest.mark.parametrize("text, doc", [
    ("the Other Post", "geneva-b"),
    ("Other Post article", "geneva-b"),
    ("'Biden and Putin meet in Geneva'", "geneva-a"),
    ("the article Geneva talks end with an ambassadors deal", "geneva-b"),
    ("geneva-a", "geneva-a"),
])
def test_linking_source(qa_store, text, doc):
    found = kgqa(qa_store).names.index().source(text)
    assert found is not None and found["id"] == doc


def test_linking_source_unknown(qa_store):
    assert kgqa(qa_store).names.index().source("The Financial Times") is None


@pytest.mark.parametrize("raw, normal", [
    ("The United\u00a0States", "united states"),
    ("U.S.", "us"),
    ("Moscow\u2019s", "moscow"),
    ("  the  Kremlin ", "kremlin"),
])
def test_linking_normalize(raw, normal):
    assert normalize(raw) == normal


def test_linking_index_follows_the_store(store, monkeypatch):
    """A document added later is found: the index is rebuilt when the documents change."""
    from pathlib import Path

    from service.qa import names

    monkeypatch.setattr(names, "RECHECK_SECONDS", 0.0)
    assert kgqa(store).names.index().actor("Putin") is None
    data = (Path(__file__).parent / "data" / "graphs" / "qa-geneva.trig").read_bytes()
    store.load(data, "application/trig")
    assert kgqa(store).names.index().actor("Putin") is not None


def test_linking_label_before_alias(store):
    """A name that is one actor's label and only an alias of another (a headline's run of capitals that
    ingest once took for a name) means the actor it labels, whatever the IRIs' order."""
    store.load(b"""@prefix kg: <https://w3id.org/kgqa/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://kgqa.test/sources/d> {
  <http://kgqa.test/entities/actor-a-run> a kg:Person ; rdfs:label "Icon Ana Ruiz Backs Luis Delgado" ;
    skos:altLabel "Luis Delgado" .
  <http://kgqa.test/entities/actor-luis-delgado> a kg:Person ; rdfs:label "Luis Delgado" .
}""", "application/trig")
    assert kgqa(store).names.index().actor("Luis Delgado").iri == E + "actor-luis-delgado"


@pytest.mark.parametrize("text, actor", [
    ("the Iran deal", None),  # a common noun last is no one's surname ...
    ("Governor Deal", "actor-nathan-deal"),  # ... a capitalized one is
    ("the Dutch party leaders", "actor-group-leaders"),  # a group so named may be
])
def test_linking_lowercase_word_is_no_surname(store, text, actor):
    store.load(b"""@prefix kg: <https://w3id.org/kgqa/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://kgqa.test/sources/d> {
  <http://kgqa.test/entities/actor-nathan-deal> a kg:Person ; rdfs:label "Nathan Deal" ; skos:altLabel "Deal" .
  <http://kgqa.test/entities/actor-group-leaders> a kg:Group ; rdfs:label "Leaders" .
}""", "application/trig")
    link = kgqa(store).names.index().actor(text)
    assert (link.iri if link else None) == (E + actor if actor else None)
