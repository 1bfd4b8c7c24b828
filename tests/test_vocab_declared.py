from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF

from service import vocab

ONTOLOGY = Path(__file__).parents[1] / "ontology"
GRAPH = rdflib.Graph().parse(ONTOLOGY / "kgqa.ttl")


@pytest.mark.parametrize("name", vocab.CLASSES)
def test_vocab_class_declared(name):
    assert (rdflib.URIRef(vocab.KG_NS + name), RDF.type, OWL.Class) in GRAPH


@pytest.mark.parametrize("name", vocab.PROPERTIES)
def test_vocab_property_declared(name):
    kinds = set(GRAPH.objects(rdflib.URIRef(vocab.KG_NS + name), RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}


def test_vocab_ontology_declares_nothing_unused():
    subjects = {str(s) for s in GRAPH.subjects(RDF.type, None)}
    declared = {s[len(vocab.KG_NS):] for s in subjects if s.startswith(vocab.KG_NS)}
    assert declared == set(vocab.CLASSES) | set(vocab.PROPERTIES) | set(vocab.STATUSES)


@pytest.mark.parametrize("name", vocab.STATUSES)
def test_vocab_status_declared(name):
    assert (rdflib.URIRef(vocab.KG_NS + name), RDF.type, rdflib.URIRef(vocab.KG_NS + "Status")) in GRAPH


def test_vocab_shapes_parse_as_shacl():
    shapes = rdflib.Graph().parse(ONTOLOGY / "shapes.ttl")
    assert len(list(shapes.subjects(RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#NodeShape")))) >= 5


@pytest.mark.parametrize("name", vocab.CLASSES + vocab.PROPERTIES)
def test_vocab_constant_for_each_term(name):
    constant = ("C_" + name.upper()) if name in vocab.CLASSES else name.upper()
    assert getattr(vocab, constant).value == vocab.KG_NS + name
