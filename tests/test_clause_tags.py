"""qa.clause: a question is tagged by the pipes that make coarse tags and lemmas only (no named
entities), and gets the same tags and lemmas as the whole spaCy pipeline gives it, on every
question of the project's question sets and the templates' examples."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.qa import clause
from service.qa.templates import BY_ID
from tests.support import MODELS

ROOT = Path(__file__).resolve().parents[1]
SETS = {"seeds": "tests/data/eval/seed-questions.json", "heldout": "tests/data/eval/heldout-questions.json",
        "heldout2": "tests/data/heldout2/questions.json"}


def _questions(name: str) -> list[str]:
    if name == "examples":
        return [e for t in BY_ID.values() for e in t.examples]
    return [q["q"] for q in json.loads((ROOT / SETS[name]).read_text(encoding="utf-8"))["questions"]]


@pytest.mark.parametrize("name", [*sorted(SETS), "examples"])
def test_clause_tags_same_as_whole_pipeline(name):
    nlp = MODELS.get()
    differ = [q for q in _questions(name)
              if clause.tag_words(q, nlp) != {t.idx: (t.pos_, t.lemma_) for t in nlp(q)}]
    assert not differ, differ


def test_clause_tags_leave_out_entities_only():
    nlp = MODELS.get()
    names = nlp.pipe_names
    assert clause.UNNEEDED_PIPES == {"ner"} and names.index("ner") > names.index("lemmatizer")
