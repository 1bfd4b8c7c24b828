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
