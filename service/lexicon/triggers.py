"""The trigger rows of verbs*.tsv (which words make a clause a fact of which kind), parsed once by the
lexicon loader for both readers: the extraction (service/ingest/facts/lexicon.py) and the question words
(service/qa/lexicon.py)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..vocab import FACT_KINDS
from . import Lexicons, tsv_rows

SPECIAL_KINDS = ("ignore", "speech", "hedge", "joint", "attribution", "agent", "light")
POS = ("verb", "noun", "adj", "cue")
OBJECT_ROLES = ("content", "target", "recipient", "clause", "participant", "-")


@dataclass(frozen=True)
class Trigger:
    word: str  # lemma (or form, for adjectives) of the head word
    second: str | None  # lemma of the dependent that must be there, for two-word triggers
    pos: str
    kind: str  # a fact kind, or one of SPECIAL_KINDS
    object: str  # what the direct object is
    confidence: float

    @property
    def speech(self) -> bool:
        return self.kind == "speech"

    @property
    def fact_kind(self) -> str:
        """The kind of the fact this trigger makes (speech acts are Statements)."""
        return "Statement" if self.kind == "speech" else self.kind


def parse(path: Path, text: str) -> list[Trigger]:
    """The rows of one verbs*.tsv file; ConfigError names the file and line of a bad row."""
    rows = []
    for number, _, cells in tsv_rows(text):
        if len(cells) != 5:
            raise ConfigError(f"{path.name} line {number}: expected 5 tab-separated cells, got {len(cells)}")
        trigger, pos, kind, obj, confidence = cells
        if pos not in POS:
            raise ConfigError(f"{path.name} line {number}: pos {pos!r} is not one of {', '.join(POS)}")
        if kind not in FACT_KINDS and kind not in SPECIAL_KINDS:
            raise ConfigError(f"{path.name} line {number}: unknown kind {kind!r}")
        if obj not in OBJECT_ROLES:
            raise ConfigError(f"{path.name} line {number}: object {obj!r} is not one of {', '.join(OBJECT_ROLES)}")
        try:
            weight = float(confidence)
        except ValueError:
            raise ConfigError(f"{path.name} line {number}: confidence {confidence!r} is not a number") from None
        words = trigger.lower().split()
        if not 1 <= len(words) <= 2:
            raise ConfigError(f"{path.name} line {number}: a trigger is one or two words, not {trigger!r}")
        rows.append(Trigger(words[0], words[1] if len(words) == 2 else None, pos, kind, obj, weight))
    return rows


def triggers(lexicons: Lexicons) -> list[tuple[Path, list[Trigger]]]:
    """(file, its rows) of every verbs*.tsv, built-in first, each file parsed once per Lexicons."""
    return [(path, lexicons.once(f"triggers:{path}", lambda p=path: parse(p, lexicons.text(p))))
            for path in lexicons.paths("verbs*.tsv")]
