"""The result-size limit (QUERY_MAX_ROWS): counted while serializing, in every format, for rows and
triples alike; results at the limit pass whole."""
from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest

from service import formats
from service.errors import ResultTooLarge
from service.sparql import limits
from service.sparql import query as core
from tests.support import bare

FORMATS = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
           "text/tab-separated-values"]
GRAPHS = ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]


@pytest.fixture(scope="module")
def engine():
    """Ten subjects; literals hold the characters row counting must not be fooled by."""
    st = ox.Store()
    tricky = 'a},{"b <result>\r\nc\td'
    st.extend([ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                       ox.Literal(tricky), ox.NamedNode("http://example.org/g")) for i in range(10)])
    return st


def job(query: str, media_type: str, max_rows: int) -> limits.Job:
    return core.prepare(query, media_type, bare({"QUERY_MAX_ROWS": max_rows}))


@pytest.mark.parametrize("media_type", FORMATS)
def test_limits_rows_select_over_the_limit_refused(engine, media_type):
    with pytest.raises(ResultTooLarge, match="more than 9 rows"):
        limits.run_on_oxigraph(engine, job("SELECT * WHERE { ?s ?p ?o }", media_type, 9))


@pytest.mark.parametrize("media_type", FORMATS)
def test_limits_rows_select_at_the_limit_whole(engine, media_type):
    data = limits.run_on_oxigraph(engine, job("SELECT * WHERE { ?s ?p ?o }", media_type, 10))
    if media_type == "text/csv":  # pyoxigraph does not read CSV results back (lossy); the csv module does
        rows = list(csv.reader(io.StringIO(data.decode(), newline="")))[1:]
    else:
        rows = list(ox.parse_query_results(data, format=formats.RESULTS[media_type]))
    assert len(rows) == 10


@pytest.mark.parametrize("media_type", FORMATS)
def test_limits_rows_empty_rows_counted(engine, media_type):
    # ?x is never bound: ten rows with no value at all still count
    with pytest.raises(ResultTooLarge):
        limits.run_on_oxigraph(engine, job("SELECT ?x WHERE { ?s ?p ?o }", media_type, 9))


@pytest.mark.parametrize("media_type", GRAPHS)
def test_limits_rows_construct_triples_counted(engine, media_type):
    query = "CONSTRUCT WHERE { ?s ?p ?o }"
    with pytest.raises(ResultTooLarge, match="more than 9 triples"):
        limits.run_on_oxigraph(engine, job(query, media_type, 9))
    data = limits.run_on_oxigraph(engine, job(query, media_type, 10))
    assert len(list(ox.parse(data, format=limits.GRAPH_FORMATS[media_type]))) == 10


@pytest.mark.parametrize("media_type", FORMATS)
def test_limits_rows_checked_on_results_already_serialized(engine, media_type):
    data = engine.query("SELECT * WHERE { ?s ?p ?o }", use_default_graph_as_union=True).serialize(
        format=formats.RESULTS[media_type])
    assert limits.check_size(data, job("SELECT * WHERE { ?s ?p ?o }", media_type, 10)) == data
    with pytest.raises(ResultTooLarge):
        limits.check_size(data, job("SELECT * WHERE { ?s ?p ?o }", media_type, 9))


def test_limits_rows_http_answer_names_the_limit(store, make_app):
    store.ox.extend([ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                             ox.Literal(str(i)), ox.NamedNode("http://example.org/g")) for i in range(5)])
    response = make_app(QUERY_MAX_ROWS=4).test_client().get(
        "/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 413
    assert response.json["error"]["code"] == "result_too_large"
    assert "QUERY_MAX_ROWS" in response.json["error"]["message"]
