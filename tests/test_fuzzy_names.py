"""qa.fuzzy: the best WRatio match above a cut-off among very many names, after the cheap tests that
leave names out, is the one a scan of every name finds (names and questions made up here)."""
from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from service.qa.fuzzy import Names

WORDS = ("river", "council", "harbour", "summit", "ledger", "northern", "evening", "courier", "talks", "border",
         "minister", "grain", "tribune", "valley", "signal", "pact", "coast", "herald", "capital", "review")


def _names(n: int = 3000) -> list[str]:
    rnd = random.Random(7)
    out = {f"{' '.join(rnd.sample(WORDS, rnd.randint(1, 6)))} {rnd.randint(1, 999)}" for _ in range(n)}
    out |= {"evening herald", "the the courier", "x", "grain grain pact", "äöü review"}
    return sorted(out)


def _questions(names: list[str]) -> list[str]:
    rnd = random.Random(11)
    out = ["evening heral", "northern courier review", "xyz", "courier", "signal valley pact 12",
           "the courier", "qqqq wwww", "grain pact", "aöü review"]
    for _ in range(60):
        name = rnd.choice(names)
        words = name.split()
        out += [name[:-1], " ".join(reversed(words)), " ".join(words[: max(1, len(words) // 2)]), name + "s"]
    return out


@pytest.fixture(scope="module")
def names():
    listed = _names()
    return listed, Names(listed)


@pytest.mark.parametrize("cutoff", [85, 70])
def test_fuzzy_names_best_as_a_full_scan(names, cutoff):
    listed, index = names
    differ = []
    for q in _questions(listed):
        full = process.extractOne(q, listed, scorer=fuzz.WRatio, score_cutoff=cutoff)
        if (full[:2] if full else None) != index.best(q, cutoff):
            differ.append(q)
    assert not differ, differ


def test_fuzzy_names_leaves_out_names_that_cannot_match(names):
    listed, index = names
    kept = index.candidates("qqqq wwww", 85)
    assert kept is not None and len(kept) < len(listed) // 10


@pytest.mark.parametrize("at", [0, 1, 57, -1])
def test_fuzzy_names_find_gives_a_name_its_position(names, at):
    listed, index = names
    position = at % len(listed)
    assert index.find(listed[position]) == position and index.name(position) == listed[position]


@pytest.mark.parametrize("name", ["evening", "herald", "evening herald x", ""])
def test_fuzzy_names_find_only_whole_names(names, name):
    listed, index = names
    assert index.find(name) == (listed.index(name) if name in listed else None)


@pytest.mark.parametrize("name", ["", "x"])
def test_fuzzy_names_find_nothing_among_no_names(name):
    assert Names([]).find(name) is None and Names([]).names == []


def test_fuzzy_names_refuse_a_line_break():
    with pytest.raises(ValueError, match="line break"):
        Names(["one", "two\nthree"])
