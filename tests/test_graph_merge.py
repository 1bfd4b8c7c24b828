"""graph: the same meeting reported by two outlets is one node with both passages and both durations;
replacing one document leaves the other's assertions intact; fact keys ignore wording."""
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from service import iris
from service.ingest.keys import fact_key, spacy_lemmas
from service.ingest.pipeline import ingest_paths
from service.model import Fact, Span
from service.vocab import PREFIXES
from tests.support import extractor

ARTICLES = Path(__file__).parent / "data" / "articles"
BASE = "http://kgqa.test/"
PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
MEETING = PREFIX + """
SELECT ?m ?g ?duration ?passage WHERE {
  GRAPH ?g { ?m a kg:Meeting ; kg:participant ?a, ?b ; kg:evidence ?passage . OPTIONAL { ?m kg:duration ?duration } }
  ?a rdfs:label "Barack Obama" . ?b rdfs:label "Vladimir Putin" .
}"""


@pytest.fixture
def summits(store, tmp_path):
    for name in ("summit-wire-a", "summit-daily-b"):
        for suffix in (".txt", ".json"):
            (tmp_path / (name + suffix)).write_bytes((ARTICLES / (name + suffix)).read_bytes())
    report = ingest_paths([str(tmp_path)], store, extractor())
    assert not report.errors and report.documents == 2
    return store, tmp_path


def test_graph_same_meeting_is_one_node_with_two_passages(summits):
    rows = summits[0].select(MEETING)
    assert len({r["m"].value for r in rows}) == 1
    graphs = {r["g"].value.rsplit("/", 1)[1] for r in rows}
    assert graphs == {"summit-wire-a", "summit-daily-b"}
    assert len({r["passage"].value for r in rows}) >= 2


def test_graph_conflicting_durations_are_both_kept(summits):
    durations = {(r["g"].value.rsplit("/", 1)[1], r["duration"].value) for r in summits[0].select(MEETING)
                 if "duration" in r}
    assert durations == {("summit-wire-a", "PT1H30M"), ("summit-daily-b", "PT1H34M")}


def test_graph_replacing_one_document_keeps_the_other(summits):
    store, folder = summits
    store.remove_graph(iris.document(BASE, "summit-wire-a"))
    rows = store.select(MEETING)
    assert {r["g"].value.rsplit("/", 1)[1] for r in rows} == {"summit-daily-b"}
    ingest_paths([str(folder)], store, extractor())
    assert len({r["g"].value for r in store.select(MEETING)}) == 2


def _meeting(date=None, occasion=None, content="met", participants=("barack-obama", "vladimir-putin")):
    return Fact(kind="Meeting", evidence=[Span(0, 3)], holders=list(participants), date=date,
                occasion=occasion, content=content)


@pytest.mark.parametrize("a, b, same", [
    (_meeting("2015-09-28", content="met for 90 minutes"), _meeting("2015-09-28", content="held talks"), True),
    (_meeting("2015-09-28"), _meeting("2015-09-28", participants=("vladimir-putin", "barack-obama")), True),
    (_meeting("2015-09-28"), _meeting("2015-09-29"), False),
    (_meeting(occasion="un-general-assembly"), _meeting(occasion="un-general-assembly", content="talks"), True),
    (_meeting("2015-09-28"), _meeting("2015-09-28", participants=("barack-obama", "xi-jinping")), False),
])
def test_graph_meeting_key_is_participants_and_date(a, b, same):
    assert (fact_key(a, scope="doc-a") == fact_key(b, scope="doc-b")) is same


def test_graph_undated_meetings_stay_in_their_document():
    assert fact_key(_meeting(), scope="doc-a") != fact_key(_meeting(), scope="doc-b")
    assert fact_key(_meeting(), scope="doc-a") == fact_key(_meeting(content="talks"), scope="doc-a")


def _proposal_key(text: str) -> str:
    doc, _ = extractor().analyse(text)
    fact = Fact(kind="Proposal", evidence=[Span(0, len(text))], holders=["vladimir-putin"], content=text,
                content_span=Span(0, len(text)))
    return fact_key(fact, spacy_lemmas(doc))


@pytest.mark.parametrize("a, b, same", [
    ("a new Security Council resolution on the war", "the new Security Council resolutions on the war", True),
    ("a new Security Council resolution on the war", "new sanctions against Iran", False),
])
def test_graph_position_key_reduces_content_to_lemmas(a, b, same):
    assert (_proposal_key(a) == _proposal_key(b)) is same


def test_graph_fact_iris_live_under_the_base(summits):
    rows = summits[0].select(PREFIX + "SELECT ?f WHERE { ?f a kg:Fact }")
    assert rows and all(r["f"].value.startswith(BASE + "entities/") for r in rows)
    assert isinstance(rows[0]["f"], NamedNode)
