"""A meeting whose other side the sources leave unnamed reads as taking part in a meeting, never as
"X met" followed by a time or a place that would read as the one met (text written for the project)."""
from __future__ import annotations

import pytest

from tests.support import answer_texts, store_fixture

TEXTS = {
    "tour": ("Minister on tour\n\n"
             "Emmanuel Macron has met with 40 mayors since January.\n\n"
             "Olaf Scholz met with students on Monday.\n"),
}


tour = store_fixture(TEXTS, published="2024-05-08")


@pytest.mark.parametrize("question", ["Who did Emmanuel Macron meet?", "Who did Olaf Scholz meet?"])
def test_render_one_side_takes_part(tour, question):
    texts = answer_texts(tour, question)
    assert texts and all("took part in a meeting" in t for t in texts)
    assert not any(" met " in f" {t} " for t in texts)
