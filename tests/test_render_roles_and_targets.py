"""render: a role merged from several outlets names each organization once, the fullest of the names one
of them cut short ("Republican National" beside "Republican National Committee"); a criticism joins its
target and content ("for raising taxes", "as a coward") and never names the target twice."""
from __future__ import annotations

import pytest

from service.qa.facts import FactRecord, Value
from service.qa.render import role_sentence

E = "http://kgqa.test/entities/"


def _role(orgs: list[str]) -> FactRecord:
    def iri(label: str) -> Value:
        return Value(E + label.lower().replace(" ", "-"), label, "g", True)
    return FactRecord(E + "role-1", {"holder": [iri("Ana Ruiz")], "title": [Value("Chairwoman", None, "g", False)],
                                     "organization": [iri(o) for o in orgs]})


@pytest.mark.parametrize("orgs, said", [
    (["Republican National Committee", "Republican National"],
     "Ana Ruiz is Chairwoman of Republican National Committee"),
    (["Senate", "Senate Finance Committee"], "Ana Ruiz is Chairwoman of Senate Finance Committee"),
    (["Senate", "House"], "Ana Ruiz is Chairwoman of Senate and House"),
])
def test_render_roles_fullest_organization(orgs, said):
    assert role_sentence(_role(orgs)) == said


def _criticism(content: str, verb: str = "criticize") -> FactRecord:
    def iri(label: str) -> Value:
        return Value(E + label.lower().replace(" ", "-"), label, "g", True)
    return FactRecord(E + "criticism-1", {"type": [Value("https://w3id.org/kgqa/ns#Criticism", None, "g", True)],
                                          "holder": [iri("Ana Ruiz")], "target": [iri("Luis Delgado")],
                                          "verb": [Value(verb, None, "g", False)],
                                          "content": [Value(content, None, "g", False)]})


@pytest.mark.parametrize("content, said", [
    ("raising taxes", "Ana Ruiz criticized Luis Delgado for raising taxes"),
    ("a coward", "Ana Ruiz criticized Luis Delgado as a coward"),
    ("Delgado", "Ana Ruiz criticized Luis Delgado"),
])
def test_render_criticism_joins_target_and_content(content, said):
    from service.qa import lexicon
    from service.qa.render import position_sentence
    from tests.support import LEXICONS
    assert position_sentence(_criticism(content), "Criticism", LEXICONS.view(lexicon.build)) == said
