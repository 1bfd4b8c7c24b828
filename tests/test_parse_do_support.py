"""After "did"/"do"/"does" the verb is bare: an inflected word before it ("states", "developed") belongs
to the subject, not the verb (questions written for this project)."""
from __future__ import annotations

import pytest

from tests.test_parse_questions import read


@pytest.mark.parametrize("question, template, actor, kind", [
    ("What did the coastal states demand in Lima?", "positions", "the coastal states", "Demand"),
    ("What do the least developed nations fear?", "positions", "the least developed nations", "Concern"),
    ("What did the United States accept?", "positions", "the United States", "Acceptance"),
    ("What did the relatives of the miners held in Bolivia demand?", "positions",
     "the relatives of the miners held in Bolivia", "Demand"),
])
def test_parse_do_support_takes_bare_verb(question, template, actor, kind):
    parsed = read(question)
    assert (parsed.template, parsed.slots.get("actors"), parsed.slots.get("kind")) == (template, [actor], kind)


@pytest.mark.parametrize("question, actor, verb", [
    ("When will Ruiz's trial resume?", "Ruiz's trial", "resume"),
    ("When will the IMF mission return to Quito?", "the IMF mission", "return"),
    ("How did Peru's Senate vote on the budget?", "Peru's Senate", "vote"),
])
def test_parse_do_support_verb_tagged_a_noun(question, actor, verb):
    parsed = read(question)  # after an auxiliary, the word after the subject's noun the tagger read as a noun
    assert (parsed.template, parsed.slots.get("actors"), parsed.slots.get("verb")) == ("actions", [actor], verb)


@pytest.mark.parametrize("question, template", [
    ("Did the EAC mission call Peru's election free and fair?", "statements"),  # a judgement told, no call
    ("Did the EAC mission call Ruiz?", "meetings"),
])
def test_parse_do_support_call_with_a_complement(question, template):
    assert read(question).template == template


@pytest.mark.parametrize("question, counted", [
    ("How many prisoners did Peru free, according to its ministry?", ["prisoners"]),
])
def test_parse_do_support_counted_act(question, counted):
    parsed = read(question)
    assert (parsed.template, parsed.counted, parsed.counting) == ("estimates", counted, "free")
