"""Scoring extraction against gold annotations (service/tools/evaluate.py, `kgqa eval`)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.errors import ConfigError
from service.model import Actor, Fact, Span
from service.tools.evaluate import matches, score_facts
from tests.support import extractor

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Moscow proposed a ceasefire. Later, Russia and China accused Kyiv of delays."
ACTORS = {
    "russia": Actor("russia", "Russia", "Country"),
    "russia-government": Actor("russia-government", "Government of Russia", "Government", {"Moscow", "Kremlin"},
                               government_of="russia"),
    "china": Actor("china", "China", "Country"),
}
GOLD = {"kind": "Proposal", "holders": ["Russia"], "keywords": ["ceasefire"], "evidence": "Moscow proposed"}


def _fact(**changes) -> Fact:
    base = dict(kind="Proposal", evidence=[Span(0, 28)], holders=["russia-government"], content="a ceasefire")
    return Fact(**{**base, **changes})


@pytest.mark.parametrize("changes, expected", [
    ({}, True),
    ({"kind": "Demand"}, False),
    ({"holders": ["china"]}, False),
    ({"holders": []}, False),
    ({"content": "a truce"}, False),
    ({"evidence": [Span(29, 80)]}, False),
])
def test_evaluate_scores_matching_rules(changes, expected):
    assert matches(GOLD, _fact(**changes), TEXT, ACTORS) is expected


def test_evaluate_scores_kind_family_and_alternatives():
    gold = {"kind": "Criticism", "holders": ["Beijing|China"], "keywords": ["delays"], "evidence": "accused Kyiv"}
    fact = _fact(kind="Accusation", holders=["russia", "china"], content="delays", evidence=[Span(29, 76)])
    assert matches(gold, fact, TEXT, ACTORS)


def test_evaluate_scores_seed_gold():
    report = score_facts(str(ROOT / "data" / "gold"), str(ROOT / "data" / "sources"), extractor())
    assert report["overall"]["f1"] >= 0.8
    assert {"Meeting", "Proposal", "Agreement", "Estimate"} <= set(report["kinds"])
    for row in report["kinds"].values():
        assert set(row) == {"gold", "found", "precision", "recall", "f1"}


@pytest.mark.parametrize("gold, problem", [
    ({"source": "putin-and-obama-summit", "facts": [dict(GOLD, evidence="words that are not there")]}, "not found"),
    ({"source": "no-such-article", "facts": []}, "not found"),
])
def test_evaluate_scores_bad_gold_named(tmp_path, gold, problem):
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        score_facts(str(tmp_path), str(ROOT / "data" / "sources"), extractor())


def test_evaluate_scores_empty_gold_named(tmp_path):
    with pytest.raises(ConfigError, match="no gold"):
        score_facts(str(tmp_path), str(ROOT / "data" / "sources"), extractor())


def test_evaluate_scores_cli_prints_per_kind():
    from click.testing import CliRunner

    from service.cli import main

    result = CliRunner().invoke(main, ["eval", "--gold", str(ROOT / "data" / "gold"),
                                       "--sources", str(ROOT / "data" / "sources")])
    assert result.exit_code == 0, result.output
    assert "Proposal" in result.output and "facts f1=" in result.output


def test_evaluate_scores_held_out_article():
    """An article and its gold written before the extractor first ran on it (tests/data/heldout/)."""
    heldout = ROOT / "tests" / "data" / "heldout"
    report = score_facts(str(heldout / "gold"), str(heldout), extractor())
    assert report["overall"]["f1"] >= 0.8


def test_evaluate_scores_per_document():
    """Each held-out article is scored on its own too, so one weak article is not hidden by the others."""
    heldout = ROOT / "tests" / "data" / "heldout"
    report = score_facts(str(heldout / "gold"), str(heldout), extractor())
    assert set(report["documents"]) == {p.stem for p in (heldout / "gold").glob("*.json")}
    assert all(0.6 <= r["f1"] <= 1.0 for r in report["documents"].values())
