"""The trigger lexicon (service/lexicon/verbs.tsv): which words make a clause a fact of which kind.

Kept as data so that analysts extend it without code: one row a trigger (see the file's header).
Extra rows come from `verbs*.tsv` files in the folder named by the setting KGQA_LEXICON_DIR; a row
there replaces the built-in row of the same trigger and part of speech.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ... import settings
from ...errors import ConfigError
from ...lexicon import BUILT_IN
from ...vocab import FACT_KINDS

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


@dataclass(frozen=True)
class Lexicon:
    single: dict[tuple[str, str], Trigger]  # (word, pos) -> trigger
    double: dict[tuple[str, str], list[Trigger]]  # (word, pos) -> two-word triggers starting with word

    def cue(self, word: str) -> str | None:
        """The cue kind of a qualifying word (hedge, joint, ...), or None."""
        trig = self.single.get((word.lower(), "cue"))
        return trig.kind if trig else None

    def cue_weight(self, word: str) -> float:
        trig = self.single.get((word.lower(), "cue"))
        return trig.confidence if trig else 1.0


def _parse(path: Path) -> list[Trigger]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
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


def _files(extra_dir: str) -> list[Path]:
    files = sorted(BUILT_IN.glob("verbs*.tsv"))
    if extra_dir:
        files += sorted(Path(extra_dir).glob("verbs*.tsv"))
    return files


def load(extra_dir: str | None = None) -> Lexicon:
    """The merged lexicon; `extra_dir` defaults to the KGQA_LEXICON_DIR setting."""
    if extra_dir is None:
        extra_dir = settings.value("LEXICON_DIR") or ""  # per document: not every setting
    return _load(extra_dir)


@lru_cache(maxsize=8)
def _load(extra_dir: str) -> Lexicon:
    single: dict[tuple[str, str], Trigger] = {}
    double: dict[tuple[str, str], list[Trigger]] = {}
    for path in _files(extra_dir):
        for trig in _parse(path):
            if trig.second is None:
                single[(trig.word, trig.pos)] = trig
            else:
                bucket = double.setdefault((trig.word, trig.pos), [])
                bucket[:] = [t for t in bucket if t.second != trig.second] + [trig]
    return Lexicon(single, double)
