"""SERVICE is refused before anything runs, wherever it hides. Each hiding place is first shown to be
one the engine itself accepts (it parses, so it would make the outbound request)."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from service.errors import ServiceRefused
from service.sparql import guard

E = "<http://127.0.0.1:9/sparql>"  # port 9: pyoxigraph's HTTP client refuses it, so nothing leaves
HIDING_PLACES = {
    "plain": f"SELECT * {{ SERVICE {E} {{ ?s ?p ?o }} }}",
    "lower case": f"select * {{ service {E} {{ ?s ?p ?o }} }}",
    "mixed case": f"SELECT * {{ SeRvIcE {E} {{ ?s ?p ?o }} }}",
    "silent": f"SELECT * {{ SERVICE SILENT {E} {{ ?s ?p ?o }} }}",
    "glued silent": f"SELECT * {{ SERVICESILENT {E} {{ ?s ?p ?o }} }}",
    "no spaces": f"SELECT * {{ SERVICE{E}{{?s ?p ?o}} }}",
    "optional": f"SELECT * {{ ?a ?b ?c OPTIONAL {{ SERVICE {E} {{ ?s ?p ?o }} }} }}",
    "union": f"SELECT * {{ {{ ?a ?b ?c }} UNION {{ SERVICE {E} {{ ?s ?p ?o }} }} }}",
    "minus": f"SELECT * {{ ?a ?b ?c MINUS {{ SERVICE {E} {{ ?a ?b ?c }} }} }}",
    "subquery": f"SELECT * {{ {{ SELECT * WHERE {{ SERVICE {E} {{ ?s ?p ?o }} }} }} }}",
    "exists filter": f"SELECT * {{ ?a ?b ?c FILTER EXISTS {{ SERVICE {E} {{ ?a ?b ?c }} }} }}",
    "graph": f"SELECT * {{ GRAPH ?g {{ SERVICE {E} {{ ?s ?p ?o }} }} }}",
    "variable endpoint": "SELECT * { BIND(<http://127.0.0.1:9/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
    "prefixed endpoint": "PREFIX ep: <http://127.0.0.1:9/> SELECT * { SERVICE ep:sparql { ?s ?p ?o } }",
    "empty-prefix endpoint": "PREFIX : <http://127.0.0.1:9/> SELECT * { SERVICE :sparql { ?s ?p ?o } }",
    "after a comment line": f"SELECT * {{ # a comment }}\n SERVICE {E} {{ ?s ?p ?o }} }}",
    "comment between": f"SELECT * {{ SERVICE#comment\n{E} {{ ?s ?p ?o }} }}",
    "glued to a boolean": f"SELECT * {{ ?s ?p trueSERVICE {E} {{ ?s ?p ?o }} }}",
    "glued to a number": f"SELECT * {{ ?s ?p 1.5SERVICE {E} {{ ?s ?p ?o }} }}",
    "glued to a string": f"SELECT * {{ ?s ?p \"x\"SERVICE {E} {{ ?s ?p ?o }} }}",
    "after a dot": f"SELECT * {{ ?s ?p ?o.SERVICE {E} {{ ?s ?p ?o }} }}",
    "in a construct": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE {E} {{ ?s ?p ?o }} }}",
    "in an ask": f"ASK {{ SERVICE {E} {{ }} }}",
    "in a describe": f"DESCRIBE ?s WHERE {{ SERVICE {E} {{ ?s ?p ?o }} }}",
    "behind a less-than read as an IRI": f"SELECT * {{ ?s ?p ?o FILTER(?o<?b)SERVICE#>\n{E} {{ }} }}",
    "behind a less-than and a prefixed name":
        f"PREFIX b: <http://e/> SELECT * {{ ?s ?p ?o FILTER(?o<b:x)SERVICE#>\n{E} {{ }} }}",
    "behind a comment swallowed by a fake IRI":
        f"SELECT * {{ ?s ?p ?o FILTER(?o<?x#>)\n&& ?c<?b)SERVICE#>\n{E} {{}} }}",
    "after a values block": f"SELECT * {{ VALUES ?x {{ 1 }} ?s ?p ?o FILTER(?o<?b)SERVICE#>\n{E} {{ }} }}",
}


@pytest.mark.parametrize("query", HIDING_PLACES.values(), ids=HIDING_PLACES.keys())
def test_guard_service_refused_wherever_it_hides(query):
    try:  # the engine parses it, so it would run the SERVICE (SELECT evaluates lazily, ASK at once)
        ox.Store().query(query)
    except OSError as err:
        assert "port 9 is not allowed" in str(err)  # it tried to connect
    with pytest.raises(ServiceRefused):
        guard.inspect(query)


@pytest.mark.parametrize("query", [
    "SELECT * { S\\u0045RVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
], ids=["escaped inside", "escaped first letter"])
def test_guard_service_refused_when_written_with_unicode_escapes(query):
    with pytest.raises(ServiceRefused):
        guard.inspect(query)


HARMLESS = {
    "IRI holding the word": "SELECT * { ?s a <http://schema.org/Service> }",
    "service-description namespace":
        "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> SELECT * { ?s a sd:Service }",
    "local name": "PREFIX ex: <http://e/> SELECT * { ?s ex:hasService ?o }",
    "variable": "SELECT ?service WHERE { ?service ?p ?o }",
    "string": "SELECT * { ?s ?p 'SERVICE <http://x> {}' }",
    "long string": 'SELECT * { ?s ?p """a\nSERVICE <http://x> {}\n""" }',
    "comment": "SELECT * { ?s ?p ?o } # SERVICE <http://x> {}",
    "full IRI in NOT EXISTS inside FILTER":
        "SELECT * { ?s ?p ?o FILTER(NOT EXISTS { ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ?t }) }",
    "IRIs in a VALUES row": "SELECT * { VALUES (?a ?b) { (1 <http://x/ns#Service>) } }",
    "comparison without spaces": "SELECT * { ?s ?p ?o FILTER(?o<?b&&?o>?c) }",
    "RDF 1.2 triple term": "SELECT * { ?s ?p <<( ?a ?b ?c )>> }",
}


@pytest.mark.parametrize("query", HARMLESS.values(), ids=HARMLESS.keys())
def test_guard_service_word_in_data_is_not_refused(query):
    assert guard.inspect(query).form == "SELECT"
