"""reports: an undated meeting of the same two people merges with another report only when the two were
published within a week (two debates of one pair, months apart, are two events)."""
from __future__ import annotations

import pytest

from service.qa.facts import FactRecord, Passage, Value
from service.qa.reports import merge_reports

E, KG = "http://kgqa.test/entities/", "https://w3id.org/kgqa/ns#"


def _meeting(n: int, published: str, date: str | None) -> FactRecord:
    graph = f"http://kgqa.test/sources/d{n}"
    props = {"type": [Value(KG + "Meeting", None, graph, True)],
             "participant": [Value(E + "ana-ruiz", "Ana Ruiz", graph, True),
                             Value(E + "luis-delgado", "Luis Delgado", graph, True)]}
    if date:
        props["date"] = [Value(date, None, graph, False)]
    return FactRecord(f"{E}meeting-{n}", props,
                      evidence=[Passage({"iri": graph, "id": f"d{n}", "published": published}, 0, 10, None)])


@pytest.mark.parametrize("first, second, events", [
    (("2016-10-10", "2016-10-09"), ("2016-10-11", None), 1),
    (("2016-10-10", "2016-10-09"), ("2016-07-01", None), 2),
    (("2016-10-10", None), ("2016-07-01", None), 2),
    (("2016-10-10", "2016-10-09"), ("2016-07-01", "2016-10-09"), 1),
])
def test_reports_published_near(first, second, events):
    assert len(merge_reports([_meeting(1, *first), _meeting(2, *second)])) == events
