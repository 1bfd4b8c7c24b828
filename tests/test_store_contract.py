"""The store contract, run on both implementations (`any_store`: embedded on disk | remote on a real
`oxigraph serve`): callers must not be able to tell them apart."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from service.errors import QuerySyntaxError

EX = "http://example.org/"
G1, G2 = NamedNode(EX + "doc/1"), NamedNode(EX + "doc/2")
XSD = "http://www.w3.org/2001/XMLSchema#"


def n(name: str) -> NamedNode:
    return NamedNode(EX + name)


def doc(graph: NamedNode, *objects) -> list[Quad]:
    return [Quad(n("s"), n("p"), o, graph) for o in objects]


HOSTILE = [
    'a "quoted" word',
    '"} ; DROP ALL ; INSERT DATA { <http://evil/> <http://evil/> "x" } #',
    "back\\slash and \\u0041 escapes",
    "line\nbreak\r\nand\ttab",
    "non\u00a0breaking and \u00e9t\u00e9 \U0001f600",
    "'single' '''triple''' \"\"\"quotes\"\"\"",
    "?o } UNION { ?s ?p ?o",
    "a long value that makes the query go by POST & ?x=1 " * 200,
]


def test_store_replace_graph_is_idempotent(any_store):
    quads = doc(G1, Literal("one"), Literal("two"))
    any_store.replace_graph(G1, quads)
    any_store.replace_graph(G1, quads)
    assert any_store.count_triples() == 2


def test_store_replace_graph_drops_the_old_content(any_store):
    any_store.replace_graph(G1, doc(G1, Literal("old")))
    any_store.replace_graph(G2, doc(G2, Literal("other")))
    any_store.replace_graph(G1, doc(G1, Literal("new")))
    values = {r["o"].value for r in any_store.select("SELECT ?o WHERE { ?s ?p ?o }")}
    assert values == {"new", "other"}


def test_store_replace_graph_with_nothing_empties_it(any_store):
    any_store.replace_graph(G1, doc(G1, Literal("one")))
    any_store.replace_graph(G1, [])
    assert any_store.count_triples() == 0


def test_store_remove_graph_leaves_the_others(any_store):
    any_store.replace_graph(G1, doc(G1, Literal("one")))
    any_store.replace_graph(G2, doc(G2, Literal("two")))
    any_store.remove_graph(G1)
    any_store.remove_graph(NamedNode(EX + "never-there"))
    assert [r["g"] for r in any_store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")] == [G2]


@pytest.mark.parametrize("media_type, data, graph, expected", [
    ("text/turtle", b'@prefix ex: <http://example.org/> . ex:a ex:p "one", "two" .', G1, 2),
    ("application/n-triples", b'<http://example.org/a> <http://example.org/p> "x"@en .\n', None, 1),
    ("application/n-quads", b'<http://example.org/a> <http://example.org/p> "q" <http://example.org/g> .\n',
     None, 1),
    ("application/trig", b'<http://example.org/g> { <http://example.org/a> <http://example.org/p> 1 }', None, 1),
])
def test_store_load_counts_and_stores_the_triples(any_store, media_type, data, graph, expected):
    assert any_store.load(data, media_type, graph) == expected
    assert len(any_store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")) == expected


def test_store_load_keeps_blank_nodes_connected(any_store):
    data = b"_:x <http://example.org/p> _:y .\n_:y <http://example.org/q> _:x .\n"
    any_store.load(data, "application/n-triples", G1)
    assert any_store.ask("ASK WHERE { ?a <http://example.org/p> ?b . ?b <http://example.org/q> ?a }")


@pytest.mark.parametrize("value", HOSTILE)
def test_store_select_binds_hostile_literals_as_values(any_store, value):
    any_store.replace_graph(G1, doc(G1, Literal(value), Literal("bystander")))
    rows = any_store.select("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": Literal(value)})
    assert rows == [{"s": n("s"), "o": Literal(value)}]
    assert any_store.count_triples() == 2


@pytest.mark.parametrize("term", [
    Literal("plain"), Literal("chat", language="fr"), Literal("42", datatype=NamedNode(XSD + "integer")),
    Literal("2015-09-29", datatype=NamedNode(XSD + "date")), Literal("0.9", datatype=NamedNode(XSD + "decimal")),
    NamedNode(EX + "caf\u00e9?x=1#frag"),
])
def test_store_select_returns_the_same_terms(any_store, term):
    any_store.replace_graph(G1, doc(G1, term))
    assert any_store.select("SELECT ?o WHERE { ?s ?p ?o }") == [{"o": term}]


def test_store_select_returns_blank_nodes_as_blank_nodes(any_store):
    any_store.replace_graph(G1, [Quad(BlankNode(), n("p"), Literal("x"), G1)])
    assert isinstance(any_store.select("SELECT ?s WHERE { ?s ?p ?o }")[0]["s"], BlankNode)


def test_store_select_leaves_unbound_variables_out(any_store):
    any_store.replace_graph(G1, doc(G1, Literal("x")))
    rows = any_store.select("SELECT ?o ?missing WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?missing } }")
    assert rows == [{"o": Literal("x")}]


def test_store_queries_see_the_union_of_the_named_graphs(any_store):
    any_store.replace_graph(G1, doc(G1, Literal("one")))
    any_store.replace_graph(G2, doc(G2, Literal("two")))
    assert len(any_store.select("SELECT ?o WHERE { ?s ?p ?o }")) == 2


@pytest.mark.parametrize("value, expected", [("one", True), ("absent", False), ('"} #', False)])
def test_store_ask_with_bindings(any_store, value, expected):
    any_store.replace_graph(G1, doc(G1, Literal("one")))
    assert any_store.ask("ASK WHERE { ?s ?p ?o }", {"o": Literal(value)}) is expected


def test_store_construct_returns_triples(any_store):
    any_store.replace_graph(G1, doc(G1, Literal("one", language="en")) + [Quad(n("t"), n("other"), n("s"), G1)])
    triples = any_store.construct("CONSTRUCT { ?o <http://example.org/inverse> ?s } WHERE { ?s ?p ?o }",
                                  {"p": n("other")})
    assert triples == [ox.Triple(n("s"), n("inverse"), n("t"))]


@pytest.mark.parametrize("media_type, fmt", [
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
])
def test_store_execute_select_in_each_result_format(any_store, media_type, fmt):
    any_store.replace_graph(G1, doc(G1, Literal(HOSTILE[1]), Literal("7", datatype=NamedNode(XSD + "integer"))))
    body = any_store.execute("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o", media_type)
    assert [row["o"] for row in ox.parse_query_results(body, format=fmt)] == \
        [r["o"] for r in any_store.select("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o")]


def test_store_execute_select_as_csv(any_store):
    any_store.replace_graph(G1, doc(G1, Literal('say "hi", then go')))
    body = any_store.execute("SELECT ?o WHERE { ?s ?p ?o }", "text/csv")
    assert body.decode().splitlines() == ["o", '"say ""hi"", then go"']


@pytest.mark.parametrize("media_type", ["application/sparql-results+json", "application/sparql-results+xml"])
def test_store_execute_ask(any_store, media_type):
    any_store.replace_graph(G1, doc(G1, Literal("one")))
    fmt = ox.QueryResultsFormat.from_media_type(media_type)
    assert bool(ox.parse_query_results(any_store.execute('ASK { ?s ?p "one" }', media_type), format=fmt))


@pytest.mark.parametrize("media_type", ["text/turtle", "application/n-triples", "application/rdf+xml",
                                        "application/ld+json"])
def test_store_execute_construct_in_each_rdf_format(any_store, media_type):
    quads = doc(G1, Literal("one"), Literal("deux", language="fr"))
    any_store.replace_graph(G1, quads)
    body = any_store.execute("CONSTRUCT WHERE { ?s ?p ?o }", media_type)
    parsed = ox.parse(body, format=ox.RdfFormat.from_media_type(media_type))
    assert {q.triple for q in parsed} == {q.triple for q in quads}


def test_store_execute_honours_the_protocol_dataset(any_store):
    any_store.replace_graph(G1, doc(G1, Literal("one")))
    any_store.replace_graph(G2, doc(G2, Literal("two")))
    json_type = "application/sparql-results+json"
    body = any_store.execute("SELECT ?o WHERE { ?s ?p ?o }", json_type, default_graphs=[G2.value])
    assert [r["o"] for r in ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)] == [Literal("two")]
    body = any_store.execute("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", json_type, named_graphs=[G1.value])
    assert [r["g"] for r in ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)] == [G1]


def test_store_dump_of_the_dataset_keeps_the_graphs(any_store):
    quads = doc(G1, Literal("one")) + doc(G2, Literal("two"))
    for graph in (G1, G2):
        any_store.replace_graph(graph, [q for q in quads if q.graph_name == graph])
    for media_type in ("application/n-quads", "application/trig"):
        dumped = any_store.dump(media_type)
        assert set(ox.parse(dumped, format=ox.RdfFormat.from_media_type(media_type))) == set(quads)


@pytest.mark.parametrize("media_type", ["text/turtle", "application/n-triples"])
def test_store_dump_of_one_graph(any_store, media_type):
    any_store.replace_graph(G1, doc(G1, Literal("one")))
    any_store.replace_graph(G2, doc(G2, Literal("two")))
    dumped = ox.parse(any_store.dump(media_type, G1), format=ox.RdfFormat.from_media_type(media_type))
    assert [q.triple for q in dumped] == [q.triple for q in doc(G1, Literal("one"))]


def test_store_count_triples_counts_every_graph(any_store):
    any_store.replace_graph(G1, doc(G1, Literal("a"), Literal("b")))
    any_store.replace_graph(G2, doc(G2, Literal("c")))
    assert any_store.count_triples() == 3


@pytest.mark.parametrize("query", ["SELEC ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE { ?s ?p }"])
def test_store_malformed_query_is_a_query_syntax_error(any_store, query):
    with pytest.raises(QuerySyntaxError):
        any_store.select(query)


def test_store_readers_never_see_half_a_document(any_store):
    """While a document is replaced again and again, a reader always sees all of it (one transaction)."""
    import threading

    versions = [doc(G1, *(Literal(f"v{v} {i}") for i in range(500))) for v in range(2)]
    any_store.replace_graph(G1, versions[0])
    seen, done = set(), threading.Event()

    def read():
        while not done.is_set():
            seen.add(any_store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/doc/1> "
                                      "{ ?s ?p ?o } }")[0]["n"].value)

    reader = threading.Thread(target=read)
    reader.start()
    for round_ in range(20):
        any_store.replace_graph(G1, versions[round_ % 2])
    done.set()
    reader.join()
    assert seen == {"500"}
