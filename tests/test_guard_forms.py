"""The guard reads the query form through the prologue, and refuses updates with a clear 403 error."""
from __future__ import annotations

import pytest

from service.errors import QuerySyntaxError, UpdateRefused
from service.sparql import guard


@pytest.mark.parametrize("query, form", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("select distinct ?s { ?s ?p ?o }", "SELECT"),
    ("ASK {}", "ASK"),
    ("ASK{}", "ASK"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("DESCRIBE <http://example.org/>", "DESCRIBE"),
    ("BASE <http://e/> PREFIX ex: <x#> PREFIX : <y> # comment\nSELECT * { ?s ex:p :o }", "SELECT"),
    ("PREFIX select: <http://e/> ASK { ?s select:p ?o }", "ASK"),
    ("# SELECT in a comment\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
])
def test_guard_forms_read_through_the_prologue(query, form):
    assert guard.inspect(query).form == form


@pytest.mark.parametrize("query, has_dataset", [
    ("SELECT * FROM <http://e/g> WHERE { ?s ?p ?o }", True),
    ("SELECT * FROM NAMED <http://e/g> WHERE { GRAPH ?g { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s ?p 'FROM' }", False),
])
def test_guard_forms_notice_a_dataset_clause(query, has_dataset):
    assert guard.inspect(query).has_dataset is has_dataset


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://e/s> <http://e/p> 1 }",
    "DELETE WHERE { ?s ?p ?o }",
    "prefix ex: <http://e/> delete { ?s ex:p ?o } insert { ?s ex:p 2 } where { ?s ex:p ?o }",
    "WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "DROP SILENT GRAPH <http://e/g>",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "CREATE GRAPH <http://e/g>",
    "COPY DEFAULT TO <http://e/g>",
    "MOVE <http://e/a> TO <http://e/b>",
    "ADD <http://e/a> TO <http://e/b>",
    "SELECT * {} ; INSERT DATA { <http://e/s> <http://e/p> 1 }",
])
def test_guard_forms_update_refused(update):
    with pytest.raises(UpdateRefused, match="read-only"):
        guard.inspect(update)


@pytest.mark.parametrize("query", ["", "   \n", "# only a comment", "HELLO { }", "PREFIX ex: <http://e/>"])
def test_guard_forms_no_query_form_is_a_syntax_error(query):
    with pytest.raises(QuerySyntaxError):
        guard.inspect(query)


def test_guard_forms_prefixes_read_from_the_prologue():
    info = guard.inspect("PREFIX ex: <http://e/> PREFIX : <http://d/> PREFIX rel: <rel/> SELECT * { ?s ?p ?o }")
    assert dict(info.prefixes) == {"ex": "http://e/", "": "http://d/"}
