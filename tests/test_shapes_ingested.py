"""shapes: every ingested document graph (the seeds and our own articles) satisfies ontology/shapes.ttl."""
from pathlib import Path

import pytest
import rdflib
from pyshacl import validate

from service import iris
from service.ingest.pipeline import ingest_paths
from tests.support import extractor

ROOT = Path(__file__).parent.parent
SHAPES = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
BASE = "http://kgqa.test/"


def _conforms(store, doc_id: str) -> tuple[bool, str]:
    data = rdflib.Graph().parse(data=store.dump("application/n-triples", iris.document(BASE, doc_id)),
                                format="nt")
    assert len(data) > 0
    conforms, _, text = validate(data, shacl_graph=SHAPES)
    return conforms, text


@pytest.mark.parametrize("doc_id", ["putin-and-obama-summit", "why-obama-and-putin-are-tied-to-each-other"])
def test_shapes_seed_graphs_conform(seeded_store, doc_id):
    conforms, text = _conforms(seeded_store, doc_id)
    assert conforms, text


def test_shapes_own_articles_conform(store):
    report = ingest_paths([str(ROOT / "tests" / "data" / "articles")], store, extractor())
    assert not report.errors
    for doc_id in ("summit-wire-a", "summit-daily-b", "scraped-ministers", "embassy-page", "feed-talks",
                   "two-feeds-2"):
        conforms, text = _conforms(store, doc_id)
        assert conforms, (doc_id, text)


def test_shapes_heldout_graphs_conform_with_unsourced_estimates(store):
    """The held-out articles include estimates nobody is named behind ("Some 3,000 people fled"): they are
    kept, with no holder, and the graphs still conform."""
    heldout = ROOT / "tests" / "data" / "heldout"
    report = ingest_paths([str(heldout)], store, extractor())
    assert not report.errors
    for path in sorted(heldout.glob("*.txt")):
        conforms, text = _conforms(store, path.stem)
        assert conforms, (path.stem, text)
    rows = store.select("PREFIX kg: <https://w3id.org/kgqa/ns#> SELECT ?e WHERE { "
                        "?e a kg:Estimate FILTER NOT EXISTS { ?e kg:holder ?h } }")
    assert rows
