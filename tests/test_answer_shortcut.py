"""qa.answer: plans cut short by a look-up (a verb, recipient, topic or occasion no fact has) give the
same answer documents as the plain path that runs every plan, on every question set of the project
(the seeds, the held-out articles and heldout2, ingested together by the real pipeline)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import Literal

from service import settings
from service.qa.answer import ask
from service.qa.templates import BY_ID
from service.store.embedded import EmbeddedStore

pytest.importorskip("service.ingest.pipeline")

ROOT = Path(__file__).resolve().parents[1]
SUITES = {"seeds": ("data/sources", "tests/data/eval/seed-questions.json"),
          "heldout": ("tests/data/heldout", "tests/data/eval/heldout-questions.json"),
          "heldout2": ("tests/data/heldout2", "tests/data/heldout2/questions.json")}


@pytest.fixture(scope="module")
def suites_store(tmp_path_factory):
    from service.ingest.pipeline import ingest_paths

    st = EmbeddedStore(str(tmp_path_factory.mktemp("suites") / "store"))
    report = ingest_paths([str(ROOT / articles) for articles, _ in SUITES.values()], st,
                          settings.load({"BASE_IRI": "http://kgqa.test/"}))
    assert not report.errors, report.errors
    yield st
    st.close()


def _document(store, question: str, plain: bool) -> dict:
    try:
        return ask(store, question, settings.load(), link_root="/", plain=plain)
    except Exception as err:  # an unsupported question: the same error either way
        return {"error": type(err).__name__, "message": str(err)}


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_answer_shortcut_same_documents_as_plain(suites_store, suite):
    questions = json.loads((ROOT / SUITES[suite][1]).read_text(encoding="utf-8"))["questions"]
    differ = [q["q"] for q in questions
              if _document(suites_store, q["q"], plain=False) != _document(suites_store, q["q"], plain=True)]
    assert not differ, differ


@pytest.mark.parametrize("template, given, params", [
    ("actions", {"verb"}, {"verb"}),
    ("statements", {"actor", "recipient", "topic"}, {"recipient", "topic"}),
    ("agreements", {"kind", "actor", "other"}, {"kind"}),
    ("meeting_details", {"actor", "other"}, set()),
])
def test_answer_shortcut_checks_given_parameters_but_the_actor(template, given, params):
    assert {name for name, _ in BY_ID[template].needs(given)} == params


@pytest.mark.parametrize("verb, expected", [("propose", True), ("transmogrify", False)])
def test_answer_shortcut_can_match_tells_an_absent_verb(suites_store, verb, expected):
    assert BY_ID["actions"].can_match(suites_store, {"verb": Literal(verb)}) is expected
