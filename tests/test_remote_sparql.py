"""The SPARQL endpoint (/sparql) and `kgqa query` on the remote store give the same results as on the
embedded store, in every format, over the seeds."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from service.cli import main
from service.formats import RESULT_NAMES as RESULT_TYPES
from service.web import create_app
from tests.support import kgqa

SELECT = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p"
CONSTRUCT = "CONSTRUCT { ?doc ?p ?o } WHERE { GRAPH ?doc { ?doc ?p ?o } FILTER(isLiteral(?o)) }"
RESULTS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/tab-separated-values": ox.QueryResultsFormat.TSV}
GRAPHS = ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]


def both(seeded_app, seeded_remote_store, path, **kw):
    remote_app = create_app({"TESTING": True}, kgqa=kgqa(seeded_remote_store))
    responses = [app.test_client().get(path, **kw) for app in (seeded_app, remote_app)]
    assert [r.status_code for r in responses] == [200, 200], [r.get_data(as_text=True) for r in responses]
    return [r.get_data() for r in responses]


@pytest.mark.parametrize("media_type", RESULTS)
def test_remote_sparql_select_same_rows(seeded_app, seeded_remote_store, media_type):
    embedded, remote = both(seeded_app, seeded_remote_store, "/sparql", query_string={"query": SELECT},
                            headers={"Accept": media_type})
    rows = [[tuple(s) for s in ox.parse_query_results(data, format=RESULTS[media_type])]
            for data in (embedded, remote)]
    assert rows[0] == rows[1] and len(rows[0]) > 5


def test_remote_sparql_select_same_csv(seeded_app, seeded_remote_store):
    embedded, remote = both(seeded_app, seeded_remote_store, "/sparql", query_string={"query": SELECT},
                            headers={"Accept": "text/csv"})
    assert embedded == remote and embedded.count(b"\n") > 5


@pytest.mark.parametrize("media_type", GRAPHS)
def test_remote_sparql_construct_same_graph(seeded_app, seeded_remote_store, media_type):
    embedded, remote = both(seeded_app, seeded_remote_store, "/sparql", query_string={"query": CONSTRUCT},
                            headers={"Accept": media_type})
    fmt = ox.RdfFormat.from_media_type(media_type)
    graphs = [{q.triple for q in ox.parse(data, format=fmt)} for data in (embedded, remote)]
    assert graphs[0] == graphs[1] and len(graphs[0]) > 5


def test_remote_sparql_ask_and_dataset_parameters(seeded_app, seeded_remote_store):
    graph = seeded_remote_store.select("SELECT ?g WHERE { GRAPH ?g { } } ORDER BY ?g LIMIT 1")[0]["g"].value
    embedded, remote = both(seeded_app, seeded_remote_store, "/sparql",
                            query_string={"query": "ASK { ?s ?p ?o }", "named-graph-uri": graph},
                            headers={"Accept": "application/sparql-results+json"})
    assert embedded == remote == b'{"head":{},"boolean":false}'


@pytest.mark.parametrize("fmt", ["json", "tsv", "xml", "csv"])
def test_remote_cli_query_same_output(seeded_store, seeded_remote_store, fmt):
    expected = seeded_store.execute(SELECT, RESULT_TYPES[fmt])
    endpoint = seeded_remote_store.query_endpoint
    result = CliRunner().invoke(main, ["query", "--endpoint", endpoint, "--format", fmt, SELECT])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.rstrip(b"\n") == expected.rstrip(b"\n")
