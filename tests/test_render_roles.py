"""render: a role merged from several outlets names each organization once, the fullest of the names one
of them cut short ("Republican National" beside "Republican National Committee")."""
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
