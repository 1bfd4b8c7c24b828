"""Occasions a question names in part: "the UN meeting" for the "United Nations General Assembly", "UNGA"
for its initials. Looked up after the occasion's own names (linking.Index.occasion), over every name of
every occasion of the graph, with the actors' names spelling out short words ("un": "united nations").
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .spelling import SMALL


class OccasionNames:
    """(occasion, one of its names, the name's acronyms: initials, or short words kept whole), in the
    order they are compared; made once per name index, not for every occasion at each question."""

    def __init__(self, entities: Iterable, by_name: Mapping[str, list]):
        self.by_name = by_name
        self.names = []
        for ent in entities:
            if "Occasion" not in ent.types:
                continue
            for n in ent.names:
                kept = [w for w in n.split() if w not in SMALL]
                self.names.append((ent, n, frozenset(("".join(w[0] for w in kept),
                                                      "".join(w if len(w) <= 3 else w[0] for w in kept)))))

    def partial(self, words: list[str]):
        """(the occasion, a score in 0-1) whose acronym the words are or whose name holds them, or None."""
        expanded = " ".join(self._expand(words))
        best = None
        joined, within = " ".join(words), re.compile(rf"(?<!\w){re.escape(expanded)}(?!\w)")
        for ent, n, acronyms in self.names:
            if expanded in acronyms or joined in acronyms:
                score = 0.9
            elif within.search(n):
                score = 0.85 * len(expanded) / len(n) + 0.1
            else:
                continue
            if best is None or score > best[1]:
                best = (ent, score)
        return best

    def _expand(self, words: list[str]) -> list[str]:
        """Acronyms and short names replaced by an actor's longest name: "un" -> "united nations"."""
        out = []
        for w in words:
            ents = self.by_name.get(w, [])
            longer = [n for e in ents for n in e.names if len(n.split()) > 1 and "Occasion" not in e.types]
            out.append(max(longer, key=len) if longer else w)
        return out
