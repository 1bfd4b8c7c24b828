"""qa.facts.FactRecord: values() and kind() are remembered per property, and follow values added later
(merging outlets' reports extends a record's lists)."""
import pytest

from service.qa.facts import FactRecord, Value
from service.vocab import KG_NS


def _value(text: str, graph: str = "g1", iri: bool = False) -> Value:
    return Value(text, None, graph, iri)


@pytest.mark.parametrize("added, expected", [
    ([], ["a stated aim"]),
    ([_value("a stated aim", "g2")], ["a stated aim"]),  # the same value from another graph: once
    ([_value("another aim", "g2")], ["a stated aim", "another aim"]),
])
def test_facts_record_values_follow_additions(added, expected):
    rec = FactRecord("urn:fact", props={"content": [_value("a stated aim")]})
    assert [v.value for v in rec.values("content")] == ["a stated aim"]
    rec.props["content"].extend(added)
    assert [v.value for v in rec.values("content")] == expected


@pytest.mark.parametrize("types, expected", [
    ([KG_NS + "Fact", KG_NS + "Position"], "Fact"),
    ([KG_NS + "Fact", KG_NS + "Position", KG_NS + "Concern"], "Concern"),
])
def test_facts_record_kind_follows_added_types(types, expected):
    rec = FactRecord("urn:fact", props={"type": [_value(KG_NS + "Fact", iri=True)]})
    assert rec.kind() == "Fact"
    rec.props["type"].extend(_value(t, iri=True) for t in types[1:])
    rec.props["type"].append(_value("urn:other-vocabulary#Thing", iri=True))  # not a kind
    assert rec.kind() == expected
