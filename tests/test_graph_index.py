"""graph: the holder index (kg:holderKey <urn:kgqa:holder:Kind:ACTOR>) and the pair index of meetings (kg:pairKey)
written with every fact, by ingestion and by the bench's graph generator through the same code, and the extraction
saying it wrote them (kg:indexes)."""
from __future__ import annotations

import pytest
from pyoxigraph import NamedNode, RdfFormat

from service import vocab
from service.ingest.indexes import index_links, index_occasions, index_pairs
from service.iris import topic_key
from service.qa import linking
from service.store.embedded import EmbeddedStore
from tests.benchmarks.graphgen import Generator

PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in vocab.PREFIXES.items())
_FACTS = PREFIX + """SELECT ?g ?fact ?kind ?holder WHERE { GRAPH ?g {
  ?fact a kg:Fact, ?kind . FILTER(?kind NOT IN (kg:Fact, kg:Position))
  OPTIONAL { ?fact kg:holder|kg:participant ?holder } } }"""
_KEYS = PREFIX + "SELECT ?g ?fact ?key WHERE { GRAPH ?g { ?fact kg:holderKey|kg:pairKey|kg:jointKey ?key } }"


def _expected(store) -> set[tuple[str, str, str]]:
    """(graph, fact, key) as index_pairs makes them from each graph's own types and holders."""
    holders: dict[tuple[str, str], tuple[str, list]] = {}
    for row in store.select(_FACTS):
        entry = holders.setdefault((row["g"].value, row["fact"].value), (row["kind"].value[len(vocab.KG_NS):], []))
        if "holder" in row and row["holder"] not in entry[1]:
            entry[1].append(row["holder"])
    return {(g, fact, key.value) for (g, fact), (kind, hs) in holders.items() for _, key in index_pairs(kind, hs)}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    st = EmbeddedStore(str(tmp_path_factory.mktemp("generated") / "store"))
    data = "".join(line for _, lines in Generator(400, "http://kgqa.test/").documents() for line in lines)
    st.load(data.encode(), "application/n-quads")
    yield st
    st.close()


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
def test_graph_index_one_key_per_holder_and_kind(request, which):
    store = request.getfixturevalue(which)
    found = {(r["g"].value, r["fact"].value, r["key"].value) for r in store.select(_KEYS)}
    assert found and found == _expected(store)


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
def test_graph_index_declared_by_every_extraction(request, which):
    store = request.getfixturevalue(which)
    rows = store.select(PREFIX + "SELECT ?doc WHERE { ?doc a kg:Document "
                                 "FILTER NOT EXISTS { ?doc prov:wasGeneratedBy/kg:indexes kg:holderKey } }")
    assert not rows and linking.Index(store).holder_keys


@pytest.mark.parametrize("kind, keys", [("Proposal", ["Proposal", "Position"]), ("Meeting", ["Meeting"]),
                                        ("Role", ["Role"]), ("Statement", ["Statement", "Position"])])
def test_graph_index_pairs_name_kind_and_position(kind, keys):
    pairs = index_pairs(kind, [NamedNode("http://kgqa.test/entities/actor-a")])
    assert [o.value for _, o in pairs] == [f"urn:kgqa:holder:{k}:http://kgqa.test/entities/actor-a" for k in keys]


def test_graph_index_pairs_of_a_meeting_two_by_two():
    a, b, c = (NamedNode(f"http://kgqa.test/entities/actor-{x}") for x in "abc")
    keys = {o for p, o in index_pairs("Meeting", [a, b, c]) if p == vocab.PAIRKEY}
    assert len(keys) == 3 and keys == {o for p, o in index_pairs("Meeting", [c, b, a]) if p == vocab.PAIRKEY}
    assert vocab.PAIRKEY not in {p for p, _ in index_pairs("Agreement", [a, b])}


def test_graph_index_pairs_of_a_joint_fact_per_kind():
    """Holders of a fact of another kind held by two or more: kg:jointKey, one per holder and one per two
    holders, for each kind (its own, and Position); none for a fact held by one."""
    a, b, c = (NamedNode(f"http://kgqa.test/entities/actor-{x}") for x in "abc")
    keys = [o.value for p, o in index_pairs("Agreement", [a, b, c]) if p == vocab.JOINTKEY]
    pairs = [k for k in keys if k.startswith("urn:kgqa:pair:")]
    assert len(set(keys)) == len(keys) == 12 and len(pairs) == 6
    assert {k.split(":")[3] for k in keys} == {"Agreement", "Position"}
    assert "urn:kgqa:joint:Agreement:http://kgqa.test/entities/actor-c" in keys
    assert not [p for p, _ in index_pairs("Agreement", [a]) if p == vocab.JOINTKEY]


@pytest.mark.parametrize("prop, flag", [("holderKey", "holder_keys"), ("pairKey", "pair_keys"),
                                        ("jointKey", "joint_keys"), ("linkKey", "link_keys"),
                                        ("occasionKey", "occasion_keys"),
                                        ("topicKey", "topic_keys")])
def test_graph_index_unused_when_a_document_lacks_it(tmp_path, seeded_store, prop, flag):
    st = EmbeddedStore(str(tmp_path / "store"))
    st.load(seeded_store.ox.dump(format=RdfFormat.N_QUADS), "application/n-quads")
    assert getattr(linking.Index(st), flag)
    st.ox.update(PREFIX + f"DELETE {{ GRAPH ?g {{ ?x kg:indexes kg:{prop} }} }} WHERE {{ "
                          f"{{ SELECT ?g ?x WHERE {{ GRAPH ?g {{ ?x kg:indexes kg:{prop} }} }} LIMIT 1 }} }}")
    assert not getattr(linking.Index(st), flag)
    st.close()


_LINKS = PREFIX + """SELECT ?g ?fact ?kind ?p ?actor ?verb WHERE { GRAPH ?g {
  ?fact a kg:Fact, ?kind . FILTER(?kind NOT IN (kg:Fact, kg:Position))
  OPTIONAL { ?fact ?p ?actor VALUES ?p { kg:holder kg:participant kg:about kg:target kg:recipient } }
  OPTIONAL { ?fact kg:verb ?verb } } }"""


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
def test_graph_index_one_link_key_per_link_and_kind_or_verb(request, which):
    """kg:linkKey: each actor a fact is about, targets or is told to, per kind of the fact; each holder per
    verb; as index_links makes them from each graph's own types, links and verb."""
    store = request.getfixturevalue(which)
    facts: dict[tuple[str, str], tuple[str, set, str | None]] = {}
    for row in store.select(_LINKS):
        verb = row["verb"].value if "verb" in row else None
        entry = facts.setdefault((row["g"].value, row["fact"].value),
                                 (row["kind"].value[len(vocab.KG_NS):], set(), verb))
        if "p" in row:
            entry[1].add((row["p"], row["actor"]))
    expected = {(g, fact, key.value) for (g, fact), (kind, links, verb) in facts.items()
                for p, key in index_links(kind, sorted(links, key=str), verb) if p == vocab.LINKKEY}
    found = {(r["g"].value, r["f"].value, r["k"].value) for r in store.select(
        PREFIX + "SELECT ?g ?f ?k WHERE { GRAPH ?g { ?f kg:linkKey ?k } }")}
    kinds = {key.split(":")[4] for _, _, key in found if key.startswith("urn:kgqa:link:about:")}
    assert found == expected and any(k.startswith("verb=") for k in {key.split(":")[4] for _, _, key in found})
    assert kinds and "Position" in kinds


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
def test_graph_index_one_topic_key_per_holder_and_topic_of_a_position(request, which):
    """kg:topicKey: each holder of a position with each actor it is about, targets or is told to, as
    index_links makes them from each graph's own types and links; none for a meeting, a role or an act."""
    store = request.getfixturevalue(which)
    facts: dict[tuple[str, str], tuple[str, set]] = {}
    for row in store.select(_LINKS):
        entry = facts.setdefault((row["g"].value, row["fact"].value), (row["kind"].value[len(vocab.KG_NS):], set()))
        if "p" in row:
            entry[1].add((row["p"], row["actor"]))
    expected = {(g, fact, key.value) for (g, fact), (kind, links) in facts.items()
                for p, key in index_links(kind, sorted(links, key=str), None) if p == vocab.TOPICKEY}
    found = {(r["g"].value, r["f"].value, r["k"].value) for r in store.select(
        PREFIX + "SELECT ?g ?f ?k WHERE { GRAPH ?g { ?f kg:topicKey ?k } }")}
    assert found and found == expected


@pytest.mark.parametrize("kind, links, keys", [
    ("Concern", [(vocab.HOLDER, "a"), (vocab.ABOUT, "b"), (vocab.RECIPIENT, "c")], [("a", "b"), ("a", "c")]),
    ("Statement", [(vocab.HOLDER, "a"), (vocab.HOLDER, "c"), (vocab.TARGET, "b")], [("a", "b"), ("c", "b")]),
    ("Action", [(vocab.HOLDER, "a"), (vocab.ABOUT, "b")], []),
    ("Meeting", [(vocab.PARTICIPANT, "a"), (vocab.PARTICIPANT, "b")], [])])
def test_graph_index_topic_keys_pair_holders_with_topics(kind, links, keys):
    actor = "http://kgqa.test/entities/actor-{}".format
    made = [o for p, o in index_links(kind, [(p, NamedNode(actor(a))) for p, a in links], "say") if p == vocab.TOPICKEY]
    assert made == [topic_key(actor(h), actor(t), "Position") for h, t in keys]


@pytest.mark.parametrize("kind, prop, verb, keys", [
    ("Accusation", vocab.ABOUT, "accuse", ["link:about:Accusation:", "link:about:Position:"]),
    ("Action", vocab.HOLDER, "set up", ["link:holder:verb=set%20up:"]),
    ("Meeting", vocab.PARTICIPANT, None, []),
    ("Statement", vocab.RECIPIENT, "tell", ["link:recipient:Statement:", "link:recipient:Position:"])])
def test_graph_index_links_name_property_and_kind_or_verb(kind, prop, verb, keys):
    actor = "http://kgqa.test/entities/actor-a"
    assert [o.value for _, o in index_links(kind, [(prop, NamedNode(actor))], verb)] == [
        f"urn:kgqa:{k}{actor}" for k in keys]


@pytest.mark.parametrize("which", ["seeded_store", "generated"])
def test_graph_index_occasion_keys_per_meeting_and_occasion_reached(request, which):
    """kg:occasionKey: each occasion a meeting's kg:occasion path reaches in its graph (its own, or only
    through another), and each participant at each of them, as index_occasions makes them from the graph."""
    store = request.getfixturevalue(which)
    edges: dict[str, dict] = {}
    for row in store.select(PREFIX + "SELECT ?g ?s ?o WHERE { GRAPH ?g { ?s kg:occasion ?o } }"):
        edges.setdefault(row["g"].value, {}).setdefault(row["s"], []).append(row["o"])
    meetings: dict[tuple, list] = {}
    for row in store.select(PREFIX + "SELECT ?g ?f ?h WHERE { GRAPH ?g { ?f a kg:Meeting "
                                     "OPTIONAL { ?f kg:participant ?h } } }"):
        holders = meetings.setdefault((row["g"].value, row["f"]), [])
        if "h" in row:
            holders.append(row["h"])
    expected = set()
    for (g, fact), holders in meetings.items():
        reached, level, steps = {}, [fact], 1
        while level:
            level = [o for s in level for o in edges.get(g, {}).get(s, []) if o not in reached and o != fact]
            reached.update({o: steps for o in level})
            steps += 1
        expected |= {(g, fact.value, key.value) for _, key in index_occasions("Meeting", holders, reached)}
    found = {(r["g"].value, r["f"].value, r["k"].value) for r in store.select(
        PREFIX + "SELECT ?g ?f ?k WHERE { GRAPH ?g { ?f kg:occasionKey ?k } }")}
    assert found and found == expected
