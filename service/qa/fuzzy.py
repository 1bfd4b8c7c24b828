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

from collections import Counter

import numpy as np
from rapidfuzz import fuzz, process

ALPHABET = 63  # the most frequent characters each get a column; all others share the last one (an overcount)
FEW = 2000  # fewer names than this are scored in full


def _regular(text: str) -> bool:
    """Single spaces and no token twice: its token strings are as long as itself."""
    tokens = text.split()
    return " ".join(tokens) == text and len(set(tokens)) == len(tokens)


class Names:
    """Names in their order, with each one's length, character counts and tokens, made once."""

    def __init__(self, names: list[str]):
        self.names = names
        self.lengths = np.array([len(n) for n in names], dtype=np.int32)
        # every character of every name as a code point, with the row of its name (one pass in numpy)
        codes = np.frombuffer("".join(names).encode("utf-32-le"), dtype=np.uint32)
        rows = np.repeat(np.arange(len(names), dtype=np.int32), self.lengths)
        alphabet, freq = np.unique(codes, return_counts=True)
        frequent = alphabet[np.argsort(-freq, kind="stable")[:ALPHABET]]
        self.column = {chr(c): i for i, c in enumerate(frequent.tolist())}
        lookup = np.full(len(alphabet), ALPHABET, dtype=np.int32)
        lookup[np.searchsorted(alphabet, frequent)] = np.arange(len(frequent), dtype=np.int32)
        cells = rows.astype(np.int64) * (ALPHABET + 1) + lookup[np.searchsorted(alphabet, codes)]
        wide = np.bincount(cells, minlength=len(names) * (ALPHABET + 1)).reshape(len(names), ALPHABET + 1)
        self.counts = np.minimum(wide, 255).astype(np.uint8)
        tokens: dict[str, list[int]] = {}
        irregular = []
        for i, name in enumerate(names):
            for token in set(name.split()):
                tokens.setdefault(token, []).append(i)
            if not _regular(name):
                irregular.append(i)
        self.tokens = {t: np.array(ix, dtype=np.int32) for t, ix in tokens.items()}
        self.irregular = np.array(irregular, dtype=np.int32)

    def candidates(self, name: str, cutoff: float) -> list[str] | None:
        """The names that may score `cutoff` or more against `name`, in order; None: score them all."""
        if len(self.names) < FEW or cutoff <= 60 or not name or not _regular(name):
            return None
        want = np.zeros(ALPHABET + 1, dtype=np.int32)
        for c, k in Counter(self.column.get(c, ALPHABET) for c in name).items():
            want[c] = k
        if want.max() > 255:  # the names' counts stop at 255
            return None
        shared = np.minimum(self.counts, want[None, :]).sum(axis=1)
        q, n = len(name), self.lengths
        short, long_ = np.minimum(n, q), np.maximum(n, q)
        p = cutoff / 0.9
        close = long_ < 1.5 * short
        keep = np.where(close, shared >= cutoff / 200 * (n + q) - 1e-6,
                        (long_ <= 8 * short) & (shared >= p / (200 - p) * short - 1e-6))
        kept = np.flatnonzero(keep)
        extra = [self.tokens[t] for t in set(name.split()) if t in self.tokens] + [self.irregular]
        kept = np.union1d(kept, np.concatenate(extra)) if extra else kept
        return [self.names[i] for i in kept.tolist()]

    def best(self, name: str, cutoff: float) -> tuple[str, float] | None:
        """(name, score) of the first best WRatio match at `cutoff` or above, as rapidfuzz finds among all."""
        choices = self.candidates(name, cutoff)
        hit = process.extractOne(name, self.names if choices is None else choices, scorer=fuzz.WRatio,
                                 score_cutoff=cutoff)
        return (hit[0], hit[1]) if hit else None
