"""reports: one office told by two outlets, one naming its organization ("Governor of Indiana") and one
not ("Governor"), or one cutting the name short, is one role; two organizations are two roles."""
from __future__ import annotations

import pytest

from service.qa.facts import FactRecord, Passage, Value
from service.qa.reports import merge_reports

E, KG = "http://kgqa.test/entities/", "https://w3id.org/kgqa/ns#"


def _role(n: int, org: str | None) -> FactRecord:
    graph = f"http://kgqa.test/sources/d{n}"
    props = {"type": [Value(KG + "Role", None, graph, True)],
             "holder": [Value(E + "ana-ruiz", "Ana Ruiz", graph, True)],
             "title": [Value("Governor", None, graph, False)]}
    if org:
        props["organization"] = [Value(E + org.lower().replace(" ", "-"), org, graph, True)]
    source = {"iri": graph, "id": f"d{n}"}
    return FactRecord(f"{E}role-{n}", props, evidence=[Passage(source, 0, 10, None)])


@pytest.mark.parametrize("orgs, roles", [
    ((None, "Indiana"), 1),
    (("Republican National", "Republican National Committee"), 1),
    (("Indiana", "Ohio"), 2),
])
def test_reports_roles_one_office(orgs, roles):
    assert len(merge_reports([_role(1, orgs[0]), _role(2, orgs[1])])) == roles
