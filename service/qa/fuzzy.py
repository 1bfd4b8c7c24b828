"""The best of very many names by rapidfuzz's WRatio above a cut-off, with the names that cannot reach it
left out first by two cheap tests (numpy), so that WRatio scores a few hundred names, not every one.

WRatio is the best of ratio-type scores (Indel similarity 200 * LCS / (len1 + len2) of the strings,
of their sorted tokens, of their token sets) and, when one string is 1.5 to 8 times longer, of partial
scores (the shorter against windows of the longer, scaled by 0.9; one token in common scores
100 * 0.95 * 0.9 = 85.5 there). Without a token in common, every one of them compares strings made of
the two names' own characters: the longest common subsequence is at most M, the characters the names
share (multisets), so a name can reach cut-off C only if the lengths differ at most 8 times and M >=
C/200 * (len1 + len2) (ratio-type, lengths within 1.5 times) or M >= p/(200 - p) * the shorter length
(p = C/0.9, partial). Names with a repeated token (their token sets are shorter than themselves) and
questions with one are scored in full. What is left keeps the names' order, so the best match (the first
of the best score) is the one a scan of every name finds.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from rapidfuzz import fuzz, process

ALPHABET = 63  # the most frequent characters each get a column; all others share the last one (an overcount)
FEW = 2000  # fewer names than this are scored in full
CHUNK = 8192  # names counted at a time


def _regular(text: str) -> bool:
    """Single spaces and no token twice: its token strings are as long as itself."""
    tokens = text.split()
    return " ".join(tokens) == text and len(set(tokens)) == len(tokens)


class Names:
    """Names in their order (none with a line break), with each one's length, character counts and tokens,
    made once. The names are kept once, as the lines of one text (a str per name costs 50 bytes beyond
    its characters: 111 k names at a million facts); a list of them is made when all are scored."""

    def __init__(self, names: list[str]):
        import numpy as np  # here, not at import: a server that answers no question never loads numpy

        self.size = len(names)
        self.lengths = np.array([len(n) for n in names], dtype=np.int32)
        # the names one a line: a word's names are found by searching this text, not kept per word
        self.text = "\n" + "\n".join(names) + "\n"
        if names and self.text.count("\n") != len(names) + 1:
            raise ValueError("a name holds a line break")
        self.starts = np.concatenate(([1], 1 + np.cumsum(self.lengths + 1)[:-1])).astype(np.int64) if names \
            else np.zeros(0, dtype=np.int64)
        frequent = Counter(self.text[1:-1]).most_common(ALPHABET)
        self.column = {c: i for i, (c, _) in enumerate(frequent)}
        self.counts = np.zeros((len(names), ALPHABET + 1), dtype=np.uint8)
        for start in range(0, len(names), CHUNK):  # a chunk at a time: a small peak of memory
            self.counts[start:start + CHUNK] = self._counted(names[start:start + CHUNK])
        self.irregular = np.array([i for i, name in enumerate(names) if not _regular(name)], dtype=np.int32)

    @property
    def names(self) -> list[str]:
        """Every name, in order (made anew: for scoring them all)."""
        return self.text[1:-1].split("\n") if self.size else []

    def name(self, i: int) -> str:
        start = int(self.starts[i])
        return self.text[start:start + int(self.lengths[i])]

    def find(self, name: str) -> int | None:
        """The position of `name` among the names (its first), or None: a search of the text."""
        at = self.text.find("\n" + name + "\n") if self.size else -1
        return None if at < 0 else bisect_right(self.starts, at + 1) - 1

    def _counted(self, names: list[str]):
        """Each name's characters counted by column (at most 255)."""
        import numpy as np

        lengths = np.array([len(n) for n in names], dtype=np.int64)
        codes = np.frombuffer("".join(names).encode("utf-32-le"), dtype=np.uint32)
        known = np.array(sorted(ord(c) for c in self.column), dtype=np.uint32)
        column = np.array([self.column[chr(c)] for c in known.tolist()] + [ALPHABET], dtype=np.int64)
        at = np.minimum(np.searchsorted(known, codes), len(known))
        found = at < len(known)
        found[found] = known[at[found]] == codes[found]
        cols = np.where(found, column[np.minimum(at, len(known))], ALPHABET)
        rows = np.repeat(np.arange(len(names), dtype=np.int64), lengths)
        wide = np.bincount(rows * (ALPHABET + 1) + cols, minlength=len(names) * (ALPHABET + 1))
        return np.minimum(wide.reshape(len(names), ALPHABET + 1), 255).astype(np.uint8)

    def sharing(self, token: str):
        """The names that have this word (a whole one)."""
        import numpy as np

        text, end = self.text, len(token)
        at = [i for i in (m.start() for m in re.finditer(re.escape(token), text))  # a literal: a fast search
              if text[i - 1].isspace() and text[i + end].isspace()]
        return np.unique(np.searchsorted(self.starts, np.array(at, dtype=np.int64), side="right") - 1) if at \
            else np.zeros(0, dtype=np.int64)

    def candidates(self, name: str, cutoff: float) -> list[str] | None:
        """The names that may score `cutoff` or more against `name`, in order; None: score them all."""
        import numpy as np

        if self.size < FEW or cutoff <= 60 or not name or not _regular(name):
            return None
        want = np.zeros(ALPHABET + 1, dtype=np.int32)
        for c, k in Counter(self.column.get(c, ALPHABET) for c in name).items():
            want[c] = k
        if want.max() > 255:  # the names' counts stop at 255
            return None
        if any(2 * self.text.count(t) > self.size for t in set(name.split())):
            return None  # a word most names have: scoring them all is as quick
        shared = np.minimum(self.counts, want.astype(np.uint8)[None, :]).sum(axis=1, dtype=np.int32)
        q, n = len(name), self.lengths
        short, long_ = np.minimum(n, q), np.maximum(n, q)
        p = cutoff / 0.9
        close = long_ < 1.5 * short
        keep = np.where(close, shared >= cutoff / 200 * (n + q) - 1e-6,
                        (long_ <= 8 * short) & (shared >= p / (200 - p) * short - 1e-6))
        kept = np.flatnonzero(keep)
        extra = [self.sharing(t) for t in set(name.split())] + [self.irregular]
        kept = np.union1d(kept, np.concatenate(extra)) if extra else kept
        if 2 * len(kept) > self.size:  # a word most names have: scoring them all is as quick
            return None
        return [self.name(i) for i in kept.tolist()]

    def best(self, name: str, cutoff: float) -> tuple[str, float] | None:
        """(name, score) of the first best WRatio match at `cutoff` or above, as rapidfuzz finds among all."""
        choices = self.candidates(name, cutoff)
        hit = process.extractOne(name, self.names if choices is None else choices, scorer=fuzz.WRatio,
                                 score_cutoff=cutoff)
        return (hit[0], hit[1]) if hit else None
