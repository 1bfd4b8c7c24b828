"""The trigger lexicon (service/lexicon/verbs.tsv): which words make a clause a fact of which kind.

Kept as data so that analysts extend it without code: one row a trigger (see the file's header).
Extra rows come from `verbs*.tsv` files in the folder named by the setting KGQA_LEXICON_DIR; a row
there replaces the built-in row of the same trigger and part of speech.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...lexicon import Lexicons
from ...lexicon.triggers import Trigger, triggers

__all__ = ["Lexicon", "Trigger", "build"]


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
    return Lexicon(single, double)

