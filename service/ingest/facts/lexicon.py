"""The trigger lexicon (service/lexicon/verbs.tsv): which words make a clause a fact of which kind.

Kept as data so that analysts extend it without code: one row a trigger (see the file's header).
Extra rows come from `verbs*.tsv` files in the folder named by the setting KGQA_LEXICON_DIR; a row
there replaces the built-in row of the same trigger and part of speech.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...errors import ConfigError
from ...lexicon import Lexicons, tsv_rows
from ...lexicon.triggers import Trigger, triggers
from ...vocab import FACT_KINDS

__all__ = ["Lexicon", "Trigger", "build"]


@dataclass(frozen=True)
class Lexicon:
    single: dict[tuple[str, str], Trigger]  # (word, pos) -> trigger
    double: dict[tuple[str, str], list[Trigger]]  # (word, pos) -> two-word triggers starting with word
    referents: dict[str, tuple[str, ...]] = field(default_factory=dict)  # noun -> fact kinds it names

    def cue(self, word: str) -> str | None:
        """The cue kind of a qualifying word (hedge, joint, ...), or None."""
        trig = self.single.get((word.lower(), "cue"))
        return trig.kind if trig else None

    def cue_weight(self, word: str) -> float:
        trig = self.single.get((word.lower(), "cue"))
        return trig.confidence if trig else 1.0


def build(lexicons: Lexicons) -> Lexicon:
    """The merged trigger lexicon (built-in rows, then LEXICON_DIR's verbs*.tsv: a row there replaces the
    built-in row of the same trigger and part of speech). Built once per Lexicons: `lexicons.view(build)`."""
    single: dict[tuple[str, str], Trigger] = {}
    double: dict[tuple[str, str], list[Trigger]] = {}
    for _, rows in triggers(lexicons):
        for trig in rows:
            if trig.second is None:
                single[(trig.word, trig.pos)] = trig
            else:
                bucket = double.setdefault((trig.word, trig.pos), [])
                bucket[:] = [t for t in bucket if t.second != trig.second] + [trig]
    return Lexicon(single, double, _referents(lexicons))


def _referents(lexicons: Lexicons) -> dict[str, tuple[str, ...]]:
    """referents*.tsv: noun -> the fact kinds it names ("proposal" -> Proposal); later files win."""
    out: dict[str, tuple[str, ...]] = {}
    for path in lexicons.paths("referents*.tsv"):
        for number, line, cells in tsv_rows(lexicons.text(path)):
            kinds = tuple(k.strip() for k in cells[1].split(",")) if len(cells) == 2 else ()
            if not kinds or any(k not in FACT_KINDS for k in kinds):
                raise ConfigError(f"{path.name} line {number}: expected a noun and known fact kinds, got {line!r}")
            out[cells[0].lower()] = kinds
    return out

