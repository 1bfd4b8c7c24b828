"""Question templates are data: a dataclass plus a .rq file each, parameters bound, never formatted in."""
from __future__ import annotations

import re

import pytest
from pyoxigraph import Literal, NamedNode

from service.qa.templates import BY_ID, CATALOGUE, FOLDER
from service.store.base import bind_values
from service.vocab import KG_NS

E = "http://kgqa.test/entities/"
# One binding set per template that finds something in tests/data/graphs/qa-geneva.trig.
CASES = {
    "meetings": {"actor": NamedNode(E + "actor-biden"), "occasion": NamedNode(E + "occasion-geneva-summit")},
    "meeting_details": {"actor": NamedNode(E + "actor-biden"), "other": NamedNode(E + "actor-putin")},
    "proposals": {"actor": NamedNode(E + "actor-putin"), "occasion": NamedNode(E + "occasion-geneva-summit")},
    "positions": {"kind": NamedNode(KG_NS + "Concern"), "actor": NamedNode(E + "actor-russia")},
    "statements": {"actor": NamedNode(E + "actor-blinken"), "recipient": NamedNode(E + "actor-lavrov")},
    "agreements": {"kind": NamedNode(KG_NS + "Agreement"), "actor": NamedNode(E + "actor-biden"),
                   "other": NamedNode(E + "actor-putin")},
    "position_on": {"actor": NamedNode(E + "actor-russia-gov"), "topic": NamedNode(E + "actor-nato")},
    "roles": {"actor": NamedNode(E + "actor-lavrov")},
    "sources": {"actor": NamedNode(E + "actor-lavrov")},
    "source_says": {"source": NamedNode("http://kgqa.test/sources/geneva-b"), "actor": NamedNode(E + "actor-germany")},
    "estimates": {"actor": NamedNode(E + "actor-western-intelligence")},
    "actions": {"verb": Literal("establish"), "actor": NamedNode(E + "actor-russia")},
    "publishers": {"word": Literal("geneva")},
}


def test_templates_every_one_has_a_case():
    assert set(CASES) == set(BY_ID)


@pytest.mark.parametrize("template", CATALOGUE, ids=lambda t: t.id)
def test_templates_documented(template):
    assert (FOLDER / template.file).is_file()
    assert len(template.examples) >= 3 and template.description
    assert set(template.required) <= set(template.parameters)


@pytest.mark.parametrize("template", CATALOGUE, ids=lambda t: t.id)
def test_templates_parameters_in_projection(template):
    """pyoxigraph binds a variable only when the SELECT projects it."""
    query = template.query(set(template.parameters))
    projection = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s+WHERE", query, re.S).group(1)
    for name in template.parameters:
        assert f"?{name}" in projection.split()


@pytest.mark.parametrize("template", CATALOGUE, ids=lambda t: t.id)
def test_templates_run_bound(qa_store, template):
    rows, shown = template.run(qa_store, CASES[template.id])
    assert rows
    assert "VALUES" in shown and "#if" not in shown and "#reach" not in shown


@pytest.mark.parametrize("template", CATALOGUE, ids=lambda t: t.id)
def test_templates_values_form_same_rows(qa_store, template):
    """What a remote store runs (a VALUES block built from terms) gives the rows of the embedded binding."""
    bindings = CASES[template.id]
    rows, _ = template.run(qa_store, bindings)
    remote = qa_store.select(bind_values(template.query(set(bindings)), bindings))
    canon = sorted(sorted((k, str(v)) for k, v in row.items()) for row in rows)
    assert canon == sorted(sorted((k, str(v)) for k, v in row.items()) for row in remote)


@pytest.mark.parametrize("template", CATALOGUE, ids=lambda t: t.id)
def test_templates_optional_blocks_dropped(template):
    bare = template.query(set(template.required))
    for name in set(template.parameters) - set(template.required):
        body = bare.split("WHERE", 1)[1]
        assert f"?{name} " not in body and f"?{name}\n" not in body


@pytest.mark.parametrize("hostile", ['x" } ; DROP ALL ; SELECT * WHERE { "', "establish\\u0022", "<http://evil/>",
                                     "} UNION { ?s ?p ?o }"])
def test_templates_literal_cannot_escape(qa_store, hostile):
    """A user's word bound as a literal stays a literal: no rows, nothing run, nothing changed."""
    before = qa_store.count_triples()
    rows, shown = BY_ID["actions"].run(qa_store, {"verb": Literal(hostile)})
    assert rows == [] and qa_store.count_triples() == before
    assert qa_store.select(shown) == []  # the shown query is valid SPARQL with the literal escaped


def test_templates_unknown_parameter_refused(qa_store):
    with pytest.raises(ValueError):
        BY_ID["roles"].run(qa_store, {"verb": Literal("x")})


def test_templates_reach_finds_officials(qa_store):
    """A country's reach: its government (reach 1) and those holding roles in it (reach 2)."""
    strict, _ = BY_ID["proposals"].run(qa_store, {"actor": NamedNode(E + "actor-russia")})
    rows, _ = BY_ID["proposals"].run(qa_store, {"actor": NamedNode(E + "actor-russia")}, broad=True)
    assert strict == []
    assert {(r["fact"].value.rsplit("/", 1)[1], int(r["reach"].value)) for r in rows} == {("proposal-ambassadors", 2)}
