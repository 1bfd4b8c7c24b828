"""wording: a question's word matches the text by its stem ("fighters" ~ "fighting"), a word of three
letters only with an inflection of its own: "ban" is in "banned", never in "banks"; a three-letter root
before "-ing" or "-ed" is a verb's with a silent e ("paving" ~ "pave")."""
from __future__ import annotations

import pytest

from service.qa.wording import same_word, stem


@pytest.mark.parametrize("question_word, token, same", [
    ("ban", "banned", True), ("ban", "bans", True), ("ban", "banning", True), ("ban", "ban", True),
    ("ban", "banks", False), ("ban", "banking", False), ("war", "warned", False), ("war", "wars", True),
    ("fighters", "fighting", True), ("agreement", "agreed", True),
    # a plural of three letters and a noun in -y find their other forms; "news" is no plural of "new"
    ("cuts", "cut", True), ("cuts", "cutting", True), ("arms", "arm", True),
    ("subsidy", "subsidies", True), ("subsidies", "subsidy", True), ("policy", "policies", True),
    ("news", "new", False), ("news", "newer", False),
    ("paving", "pave", True), ("paving", "paved", True), ("ruling", "rule", True), ("voting", "votes", True),
    ("paving", "pavilion", False), ("ruling", "rural", False), ("bring", "brings", True), ("bring", "bra", False),
])
def test_wording_same_word(question_word, token, same):
    assert same_word(token, stem(question_word)) is same
