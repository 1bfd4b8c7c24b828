"""Facts stage: the trigger lexicon is data (service/lexicon/verbs.tsv) that people extend without code."""
from __future__ import annotations

import pytest

from service.errors import ConfigError
from service.ingest.facts import lexicon
from service.lexicon import Lexicons
from tests.support import extractor


def _write(tmp_path, rows: str):
    (tmp_path / "verbs-extra.tsv").write_text(rows, encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize("row, problem", [
    ("broker\tverb\tAgreement\tcontent\n", "expected 5"),
    ("broker\tverb\tDeal\tcontent\t0.8\n", "unknown kind"),
    ("broker\tadverb\tAgreement\tcontent\t0.8\n", "pos"),
    ("broker\tverb\tAgreement\tcontent\thigh\n", "not a number"),
    ("broker a deal\tverb\tAgreement\tcontent\t0.8\n", "one or two words"),
    ("broker\tverb\tAgreement\tsubject\t0.8\n", "object"),
])
def test_facts_lexicon_bad_row_named(tmp_path, row, problem):
    with pytest.raises(ConfigError, match=problem):
        lexicon.build(Lexicons(_write(tmp_path, row)))


def test_facts_lexicon_built_in_kinds_known():
    lex = lexicon.build(Lexicons())
    assert lex.single[("propose", "verb")].kind == "Proposal"
    assert lex.double[("call", "verb")][0].second == "for"
    assert lex.cue("reportedly") == "hedge"


def test_facts_lexicon_extension_changes_extraction(tmp_path):
    text = "Qatar brokered a truce between the two factions."
    before, _ = extractor().facts(text)
    assert not any(f.kind == "Agreement" for f in before)
    after, _ = extractor(LEXICON_DIR=_write(tmp_path, "broker\tverb\tAgreement\tcontent\t0.8\n")).facts(text)
    assert [f.content for f in after if f.kind == "Agreement"] == ["a truce between the two factions"]
