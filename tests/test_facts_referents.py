"""Facts stage: "accepted the proposal" names the proposal told just before it by someone else, and
only when exactly one fits (service/ingest/facts/referents.py), on sentences written for this project."""
from __future__ import annotations

import pytest

from tests.facts_support import run

LINKED = [
    pytest.param("Norway's foreign minister, Ingrid Dahl, proposed a ceasefire along the northern border on "
                 "Tuesday. Two days later, President Omar Haddad accepted the proposal.",
                 "Acceptance", "Proposal", "ceasefire", id="the-proposal"),
    pytest.param("Ingrid Dahl proposed a ceasefire along the border. President Omar Haddad said on Friday that "
                 "he accepted her proposal.", "Acceptance", "Proposal", "ceasefire", id="her-proposal"),
    pytest.param("Senator Paul Ruiz accused the governor of hiding the audit. The governor, Maria Lenz, denied the "
                 "accusation on Monday.", "Denial", "Accusation", "hiding", id="the-accusation"),
    pytest.param("Minister Ingrid Dahl demanded that Oslo reopen the northern port. \"We are asking Sweden to keep "
                 "its word,\" Dahl said. President Omar Haddad rejected her demand.", "Denial", "Demand", "port",
                 id="her-demand-told-by-its-verb"),
    pytest.param("Ecuador proposed on Monday that both fleets leave the bay, officials said. Admiral Jorge Paredes "
                 "put forward the phased plan in the meeting.", "Proposal", "Proposal", "fleets",
                 id="the-phased-plan"),
    pytest.param("Leaders endorsed a Chilean proposal to build a joint brigade for the border. Chilean President Ana "
                 "Ruiz proposed the brigade, of about 900 troops, on Monday.", "Proposal", "Proposal", "joint brigade",
                 id="leader-restates-own-country"),
]

UNLINKED = [
    pytest.param("Ingrid Dahl proposed a ceasefire along the border. Sami Nour, the opposition leader, proposed "
                 "early elections. President Omar Haddad accepted the proposal on Friday.", id="two-earlier"),
    pytest.param("President Omar Haddad proposed a ceasefire along the border on Tuesday. On Thursday Haddad "
                 "rejected the proposal.", id="own-proposal"),
    pytest.param("President Omar Haddad accepted the proposal on Monday. On Tuesday, Ingrid Dahl proposed a "
                 "ceasefire along the border.", id="later-proposal"),
    pytest.param("Ingrid Dahl demanded that Oslo reopen the port. Dahl also demanded new elections. President Omar "
                 "Haddad rejected her demand.", id="two-told-by-its-verb"),
    pytest.param("Leaders endorsed a Chilean proposal to build a joint brigade for the border. Peruvian President Ana "
                 "Ruiz proposed the brigade on Monday.", id="another-country-proposal"),
]


NAMING = ("proposal", "accusation", "demand", "plan", "brigade", "troops")


def _naming(facts):
    return [f for f in facts if f.content and f.content.lower().endswith(NAMING)]


@pytest.mark.parametrize(("text", "kind", "referent_kind", "word"), LINKED)
def test_facts_referents_link(text, kind, referent_kind, word):
    facts, _ = run(text)
    naming = [f for f in _naming(facts) if f.kind == kind]
    assert naming, [(f.kind, f.content) for f in facts]
    referent = naming[0].responds_to
    assert referent is not None and referent.kind == referent_kind and word in referent.content
    assert not set(referent.holders) & set(naming[0].holders)


@pytest.mark.parametrize("text", UNLINKED)
def test_facts_referents_no_link(text):
    facts, _ = run(text)
    assert _naming(facts), [(f.kind, f.content) for f in facts]
    assert all(f.responds_to is None for f in facts)
