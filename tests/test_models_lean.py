"""Models: a pipeline asked for without some components is loaded without them, tags the project's
questions as the whole pipeline does, and gives way to the whole pipeline once that is loaded."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.models import Models
from service.qa import clause
from tests.support import MODELS

ROOT = Path(__file__).resolve().parents[1]
SETS = ("tests/data/eval/seed-questions.json", "tests/data/eval/heldout-questions.json",
        "tests/data/heldout2/questions.json")


@pytest.fixture(scope="module")
def lean():
    return Models(MODELS.default).get(leave_out=clause.UNNEEDED_PIPES)


def test_models_lean_pipeline_has_no_left_out_component(lean):
    assert "ner" in MODELS.get().pipe_names and not set(lean.pipe_names) & clause.UNNEEDED_PIPES


@pytest.mark.parametrize("path", SETS)
def test_models_lean_pipeline_tags_as_the_whole(lean, path):
    questions = [q["q"] for q in json.loads((ROOT / path).read_text(encoding="utf-8"))["questions"]]
    whole = MODELS.get()
    differ = [q for q in questions if clause.tag_words(q, lean) != clause.tag_words(q, whole)]
    assert questions and not differ, differ


def test_models_lean_gives_way_to_the_whole():
    models = Models(MODELS.default)
    whole = models.get()
    assert models.get(leave_out=clause.UNNEEDED_PIPES) is whole
