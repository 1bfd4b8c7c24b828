"""The seeds on both stores: the real pipeline writes the same quads through the remote store as through
the embedded one, and every seed question gets the identical answer document from both."""
from __future__ import annotations

import json

import pytest
import rdflib
from pyoxigraph import NamedNode
from rdflib.compare import isomorphic

from service.errors import KgqaError
from service.qa.templates import CATALOGUE
from tests.support import BASE, DATA, kgqa

QUESTIONS = json.loads((DATA / "eval" / "seed-questions.json").read_text(encoding="utf-8"))["questions"]
EXAMPLES = [(t.id, example) for t in CATALOGUE for example in t.examples]


def graphs(store) -> dict[str, rdflib.Graph]:
    """Each named graph as an rdflib graph (blank nodes compared by isomorphism, not by label)."""
    names = sorted(r["g"].value for r in store.select_dataset("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
    return {name: rdflib.Graph().parse(data=store.dump("application/n-triples", NamedNode(name)), format="nt")
            for name in names}


def test_remote_ingest_writes_the_same_quads(seeded_store, seeded_remote_store):
    embedded, remote = graphs(seeded_store), graphs(seeded_remote_store)
    assert embedded.keys() == remote.keys() and embedded
    for name in embedded:
        assert isomorphic(embedded[name], remote[name]), name


@pytest.mark.parametrize("question", QUESTIONS, ids=[q["id"] for q in QUESTIONS])
def test_remote_seed_question_same_answers(seeded_store, seeded_remote_store, question):
    on_embedded = outcome(seeded_store, question["q"])
    assert outcome(seeded_remote_store, question["q"]) == on_embedded


@pytest.mark.parametrize("template, question", EXAMPLES, ids=[f"{t}:{q}" for t, q in EXAMPLES])
def test_remote_template_example_same_answers(seeded_store, seeded_remote_store, template, question):
    """Every question template, through its example phrasings (answered or not, the same either way)."""
    assert outcome(seeded_remote_store, question) == outcome(seeded_store, question)


def outcome(store, question: str) -> dict:
    """The answer document, or the domain error's code and message."""
    try:
        return kgqa(store, BASE_IRI=BASE).ask(question, link_root="/")
    except KgqaError as err:
        return {"error": err.code, "message": err.message}
